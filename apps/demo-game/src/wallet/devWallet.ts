import { type Abi, type Chain, getAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createConnector } from 'wagmi'
import type { Approvals } from './approvals.js'
import { createDevWalletProvider, type DevWalletProvider } from './devWalletProvider.js'
import { DevWalletError } from './errors.js'

export type DevWalletParameters = {
  privateKey: `0x${string}`
  approvals: Approvals
  abis?: { name: string; abi: Abi }[] | undefined
}

const connectedKey = 'devWallet.connected'

/**
 * A wagmi connector for the local devnet that holds a dev key and asks the approval sheet
 * before every signature; declining throws viem's `UserRejectedRequestError` (4001).
 */
export function devWallet(parameters: DevWalletParameters) {
  const account = privateKeyToAccount(parameters.privateKey)
  let provider: DevWalletProvider | undefined

  return createConnector<DevWalletProvider, Record<string, unknown>, { [connectedKey]: boolean }>(
    (config) => {
      const chain: Chain = config.chains[0]
      return {
        id: 'devWallet',
        name: 'Dev wallet',
        type: 'devWallet',
        async connect({ chainId } = {}) {
          if (chainId !== undefined && chainId !== chain.id)
            throw new DevWalletError(
              `The dev wallet serves chain ${chain.id} only, not ${chainId}.`,
            )
          await config.storage?.setItem(connectedKey, true)
          return { accounts: [account.address] as never, chainId: chain.id }
        },
        async disconnect() {
          await config.storage?.removeItem(connectedKey)
        },
        async getAccounts() {
          return [getAddress(account.address)]
        },
        async getChainId() {
          return chain.id
        },
        async getProvider() {
          provider ??= createDevWalletProvider({
            account,
            chain,
            approvals: parameters.approvals,
            abis: parameters.abis,
          })
          return provider
        },
        async isAuthorized() {
          return (await config.storage?.getItem(connectedKey)) === true
        },
        async switchChain({ chainId }) {
          if (chainId !== chain.id)
            throw new DevWalletError(
              `The dev wallet serves chain ${chain.id} only, not ${chainId}.`,
            )
          return chain
        },
        onAccountsChanged() {},
        onChainChanged() {},
        onDisconnect() {
          config.emitter.emit('disconnect')
        },
      }
    },
  )
}
