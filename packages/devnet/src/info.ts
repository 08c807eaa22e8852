import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { DevAccount } from './accounts.js'
import type { Devnet } from './startDevnet.js'

/** The JSON-safe description of a running devnet that the CLI writes and the demo reads. */
export type DevnetInfo = {
  chainId: number
  rpcUrl: string
  bundlerUrl: string
  paymasterUrl: string
  environment: SmartAccountsEnvironment
  accounts: DevAccount[]
}

/** Picks the JSON-safe part of a running devnet. */
export function toDevnetInfo(devnet: Devnet): DevnetInfo {
  return {
    chainId: devnet.chain.id,
    rpcUrl: devnet.rpcUrl,
    bundlerUrl: devnet.bundlerUrl,
    paymasterUrl: devnet.paymasterUrl,
    environment: devnet.environment,
    accounts: devnet.accounts,
  }
}
