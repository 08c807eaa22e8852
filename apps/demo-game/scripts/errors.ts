import { BaseError } from '@sessionkit/core'

export type DungeonCompileErrorType = DungeonCompileError & { name: 'DungeonCompileError' }
/** solc rejected contracts/Dungeon.sol. */
export class DungeonCompileError extends BaseError {
  override name = 'DungeonCompileError'
  constructor(details: string) {
    super(
      'Dungeon.sol does not compile. Fix the Solidity errors below and run the compile again.',
      {
        details,
      },
    )
  }
}

export type DungeonDeployErrorType = DungeonDeployError & { name: 'DungeonDeployError' }
/** Deploying the game contract to the devnet failed. */
export class DungeonDeployError extends BaseError {
  override name = 'DungeonDeployError'
  constructor(parameters: { cause?: unknown; details?: string }) {
    super('Deploying the Dungeon contract failed. Check that the devnet is running.', parameters)
  }
}

export type DemoStartErrorType = DemoStartError & { name: 'DemoStartError' }
/** The demo could not start (devnet without dev accounts, Vite could not listen, ...). */
export class DemoStartError extends BaseError {
  override name = 'DemoStartError'
  constructor(details: string, parameters: { cause?: unknown } = {}) {
    super('The demo could not start. Free the port or restart the devnet and try again.', {
      ...parameters,
      details,
    })
  }
}
