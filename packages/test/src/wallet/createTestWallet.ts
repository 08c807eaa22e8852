import { createConnector } from '@wagmi/core'
import {
  type Address,
  type Chain,
  createWalletClient,
  type EIP1193Parameters,
  type EIP1193RequestFn,
  getAddress,
  type Hex,
  hexToBigInt,
  hexToNumber,
  http,
  isAddressEqual,
  type LocalAccount,
  numberToHex,
  type RpcTransactionRequest,
  SwitchChainError,
  UserRejectedRequestError,
  type WalletRpcSchema,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** The wallet methods that show the user a prompt. */
export type TestWalletPromptMethod =
  | 'personal_sign'
  | 'eth_signTypedData_v4'
  | 'eth_sendTransaction'

/** One prompt the wallet showed, in order. */
export type TestWalletPrompt = {
  method: TestWalletPromptMethod
  /** `true` when the wallet was set to decline and threw `UserRejectedRequestError` (4001). */
  declined: boolean
}

export type TestWalletProvider = {
  request: EIP1193RequestFn<WalletRpcSchema>
  on(): void
  removeListener(): void
}

export type CreateTestWalletParameters = {
  /** A funded devnet key (e.g. `getDevnet().accounts[0].privateKey`). */
  privateKey: Hex
  /** Connector id; defaults to `testWallet:<address>` so several wallets can live in one config. */
  id?: string | undefined
  name?: string | undefined
}

export type TestWallet = {
  /** The EOA that signs. */
  address: Address
  account: LocalAccount
  /** The wagmi connector function, for `createConfig({ connectors: [wallet.connector] })`. */
  connector: ReturnType<typeof createTestConnector>
  /** Connector id in the wagmi config. */
  id: string
  /** Every prompt shown so far (signatures and transactions), in order. */
  readonly prompts: readonly TestWalletPrompt[]
  /** Number of prompts shown so far, optionally of one method. */
  promptCount(method?: TestWalletPromptMethod | undefined): number
  /** When `true`, every prompt throws viem's `UserRejectedRequestError` (code 4001) without signing. */
  setDeclining(declining: boolean): void
  /** Forgets the recorded prompts. */
  resetPrompts(): void
}

/**
 * A wallet for tests over a real devnet key: signs with a viem local account, sends real
 * transactions to the chain's RPC, counts every prompt and can be set to decline (4001).
 */
export function createTestWallet(parameters: CreateTestWalletParameters): TestWallet {
  const account = privateKeyToAccount(parameters.privateKey)
  const id = parameters.id ?? `testWallet:${account.address.toLowerCase()}`
  const prompts: TestWalletPrompt[] = []
  const state = { declining: false }
  const prompt = (method: TestWalletPromptMethod) => {
    prompts.push({ method, declined: state.declining })
    if (state.declining)
      throw new UserRejectedRequestError(new Error(`The test wallet declined ${method}.`))
  }
  const connector = createTestConnector({
    account,
    id,
    name: parameters.name ?? `Test wallet ${account.address.slice(0, 8)}`,
    prompt,
  })
  return {
    address: account.address,
    account,
    connector,
    id,
    get prompts() {
      return prompts
    },
    promptCount(method) {
      return method ? prompts.filter((p) => p.method === method).length : prompts.length
    },
    setDeclining(declining) {
      state.declining = declining
    },
    resetPrompts() {
      prompts.length = 0
    },
  }
}

type ConnectorOptions = {
  account: LocalAccount
  id: string
  name: string
  prompt(method: TestWalletPromptMethod): void
}

function createTestConnector({ account, id, name, prompt }: ConnectorOptions) {
  return createConnector<TestWalletProvider>((config) => {
    // Per wagmi config, so one wallet can be connected in two configs (two "tabs") independently.
    let connected = false
    let chainId: number | undefined
    const providers = new Map<number, TestWalletProvider>()
    const chainOf = (id: number | undefined): Chain =>
      config.chains.find((chain) => chain.id === id) ?? config.chains[0]
    return {
      id,
      name,
      type: 'testWallet',
      async connect({ chainId: requested, withCapabilities } = {}) {
        const chain = chainOf(requested ?? chainId)
        if (requested !== undefined && chain.id !== requested)
          throw new SwitchChainError(new Error(`Chain ${requested} is not in the wagmi config.`))
        chainId = chain.id
        connected = true
        const address = getAddress(account.address)
        return {
          accounts: (withCapabilities ? [{ address, capabilities: {} }] : [address]) as never,
          chainId: chain.id,
        }
      },
      async disconnect() {
        connected = false
      },
      async getAccounts() {
        return connected ? [getAddress(account.address)] : []
      },
      async getChainId() {
        return chainId ?? config.chains[0].id
      },
      async getProvider({ chainId: requested } = {}) {
        const chain = chainOf(requested ?? chainId)
        let provider = providers.get(chain.id)
        if (!provider) {
          provider = createTestWalletProvider({ account, chain, prompt })
          providers.set(chain.id, provider)
        }
        return provider
      },
      async isAuthorized() {
        return connected
      },
      async switchChain({ chainId: requested }) {
        const chain = config.chains.find((c) => c.id === requested)
        if (!chain)
          throw new SwitchChainError(new Error(`Chain ${requested} is not in the wagmi config.`))
        chainId = chain.id
        config.emitter.emit('change', { chainId: chain.id })
        return chain
      },
      onAccountsChanged(accounts) {
        if (accounts.length === 0) this.onDisconnect()
        else config.emitter.emit('change', { accounts: accounts.map((a) => getAddress(a)) })
      },
      onChainChanged(chain) {
        config.emitter.emit('change', { chainId: Number(chain) })
      },
      onDisconnect() {
        connected = false
        config.emitter.emit('disconnect')
      },
    }
  })
}

/**
 * An EIP-1193 provider over a local key: reads go to the chain's RPC; `personal_sign`,
 * `eth_signTypedData_v4` and `eth_sendTransaction` are prompts (counted, may be declined).
 */
function createTestWalletProvider({
  account,
  chain,
  prompt,
}: {
  account: LocalAccount
  chain: Chain
  prompt(method: TestWalletPromptMethod): void
}): TestWalletProvider {
  const url = chain.rpcUrls.default.http[0]
  const transport = http(url)
  const rpc = transport({ chain, retryCount: 0 })
  const wallet = createWalletClient({ account, chain, transport })
  const checkAccount = (address: unknown) => {
    if (typeof address !== 'string' || !isAddressEqual(address as Hex, account.address))
      throw new Error(`The test wallet holds ${account.address}, not ${String(address)}.`)
  }

  const request = async ({ method, params }: EIP1193Parameters) => {
    switch (method) {
      case 'eth_chainId':
        return numberToHex(chain.id)
      case 'eth_accounts':
      case 'eth_requestAccounts':
        return [getAddress(account.address)]
      case 'wallet_switchEthereumChain': {
        const [{ chainId }] = params as [{ chainId: Hex }]
        if (hexToNumber(chainId) !== chain.id)
          throw new SwitchChainError(new Error('Switch chains through wagmi (switchChain).'))
        return null
      }
      case 'personal_sign': {
        const [message, address] = params as [Hex, string]
        checkAccount(address)
        prompt('personal_sign')
        return account.signMessage({ message: { raw: message } })
      }
      case 'eth_signTypedData_v4': {
        const [address, json] = params as [string, string]
        checkAccount(address)
        prompt('eth_signTypedData_v4')
        const data = JSON.parse(json) as Parameters<LocalAccount['signTypedData']>[0]
        const { EIP712Domain: _, ...types } = (data.types ?? {}) as Record<string, unknown>
        return account.signTypedData({ ...data, types } as typeof data)
      }
      case 'eth_sendTransaction': {
        const [tx] = params as [RpcTransactionRequest]
        checkAccount(tx.from ?? account.address)
        prompt('eth_sendTransaction')
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
