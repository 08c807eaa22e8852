import {
  type Abi,
  type Chain,
  createWalletClient,
  type EIP1193Parameters,
  type EIP1193RequestFn,
  type Hex,
  hexToBigInt,
  hexToNumber,
  http,
  isAddressEqual,
  type LocalAccount,
  numberToHex,
  type RpcTransactionRequest,
  UserRejectedRequestError,
  type WalletRpcSchema,
} from 'viem'
import type { ApprovalRequest, Approvals } from './approvals.js'
import { DevWalletError } from './errors.js'
import { summarizeMessage, summarizeTransaction, summarizeTypedData } from './summarize.js'

export type DevWalletProviderParameters = {
  account: LocalAccount
  chain: Chain
  approvals: Approvals
  /** Contracts whose calls the approval sheet decodes. */
  abis?: { name: string; abi: Abi }[] | undefined
}

export type DevWalletProvider = {
  request: EIP1193RequestFn<WalletRpcSchema>
  on(): void
  removeListener(): void
}

/**
 * An EIP-1193 provider over a local key: reads go to the chain's RPC; every signature
 * (`personal_sign`, `eth_signTypedData_v4`, `eth_sendTransaction`) waits for the approval sheet.
 */
export function createDevWalletProvider(
  parameters: DevWalletProviderParameters,
): DevWalletProvider {
  const { account, chain, approvals, abis = [] } = parameters
  const transport = http(chain.rpcUrls.default.http[0])
  const rpc = transport({ chain, retryCount: 0 })
  const wallet = createWalletClient({ account, chain, transport })

  const approve = async (
    kind: ApprovalRequest['kind'],
    method: string,
    summary: { title: string; lines: string[] },
  ) => {
    const approved = await approvals.request({ kind, method, ...summary })
    if (!approved)
      throw new UserRejectedRequestError(new Error('The request was rejected in the dev wallet.'))
  }
  const checkAccount = (address: unknown) => {
    if (typeof address !== 'string' || !isAddressEqual(address as Hex, account.address))
      throw new DevWalletError(
        `The dev wallet holds ${account.address} only; it cannot sign for ${String(address)}.`,
      )
  }

  const request = async ({ method, params }: EIP1193Parameters) => {
    switch (method) {
      case 'eth_chainId':
        return numberToHex(chain.id)
      case 'eth_accounts':
      case 'eth_requestAccounts':
        return [account.address]
      case 'wallet_switchEthereumChain': {
        const [{ chainId }] = params as [{ chainId: Hex }]
        if (hexToNumber(chainId) !== chain.id)
          throw new DevWalletError(
            `The dev wallet serves chain ${chain.id} only, not ${hexToNumber(chainId)}.`,
          )
        return null
      }
      case 'personal_sign': {
        const [message, address] = params as [Hex, string]
        checkAccount(address)
        await approve('message', method, summarizeMessage(message))
        return account.signMessage({ message: { raw: message } })
      }
      case 'eth_signTypedData_v4': {
        const [address, json] = params as [string, string]
        checkAccount(address)
        let data: Parameters<LocalAccount['signTypedData']>[0]
        try {
          data = JSON.parse(json)
        } catch (cause) {
          throw new DevWalletError('The typed data to sign is not valid JSON.', { cause })
        }
        await approve('typedData', method, summarizeTypedData(json))
        const { EIP712Domain: _, ...types } = (data.types ?? {}) as Record<string, unknown>
        return account.signTypedData({ ...data, types } as typeof data)
      }
      case 'eth_sendTransaction': {
        const [tx] = params as [RpcTransactionRequest]
        checkAccount(tx.from ?? account.address)
        await approve('transaction', method, summarizeTransaction(tx, abis))
        return wallet.sendTransaction({
          to: tx.to ?? null,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
        })
      }
      default:
        return rpc.request({ method, params } as never)
    }
  }
  return { request: request as EIP1193RequestFn<WalletRpcSchema>, on() {}, removeListener() {} }
}
