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
