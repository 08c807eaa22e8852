import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import {
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { type DevAccount, roles } from './accounts.js'
import { startAnvil } from './anvil.js'
import { startBundler } from './bundler.js'
import type { Child } from './child.js'
import { deployContracts } from './contracts.js'
import { DevnetStartError } from './errors.js'
import {
  deployPaymaster,
  type PaymasterMode,
  type PaymasterService,
  startPaymasterService,
} from './paymaster.js'
import { getFreePort, isPortTaken } from './ports.js'

export type StartDevnetParameters = {
  /** Fixed ports; free ones are picked when omitted. */
  anvilPort?: number | undefined
  bundlerPort?: number | undefined
  paymasterPort?: number | undefined
  chainId?: number | undefined
}

export type Devnet = {
  chain: Chain
  rpcUrl: string
  bundlerUrl: string
  paymasterUrl: string
  environment: SmartAccountsEnvironment
  /** Funded dev accounts (anvil's test keys 1–5). */
  accounts: DevAccount[]
  /** PIDs of the child processes (anvil, bundler), for leak checks. */
  pids: number[]
  /** Fault injection for reliability tests. */
  faults: {
    setPaymasterMode(mode: PaymasterMode): void
    stopBundler(): Promise<void>
    startBundler(): Promise<void>
  }
  paymaster: Pick<PaymasterService, 'address' | 'requests'>
  /** Stops every part; resolves once each child process has exited. */
  stop(): Promise<void>
}

const deployTimeoutMs = 60_000
const timedOut = new Error('timed out')

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** Starts anvil, the Delegation Framework, alto and an ERC-7677 paymaster on 127.0.0.1. */
export async function startDevnet(parameters: StartDevnetParameters = {}): Promise<Devnet> {
  const chainId = parameters.chainId ?? 31337
  const started: { stop(): Promise<void> }[] = []
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => {})
    started.length = 0
  }
  try {
    for (const [part, port] of [
      ['anvil', parameters.anvilPort],
      ['bundler', parameters.bundlerPort],
      ['paymaster', parameters.paymasterPort],
    ] as const)
      if (port !== undefined && (await isPortTaken(port)))
        throw new DevnetStartError(
          'ports',
          `port ${port} for the ${part} is already taken. Pick another or omit it to get a free one.`,
        )

    const anvilPort = parameters.anvilPort ?? (await getFreePort())
    const anvil = await startAnvil({ port: anvilPort, chainId })
    started.push(anvil)
    const rpcUrl = `http://127.0.0.1:${anvilPort}`
    const chain = defineChain({
      id: chainId,
      name: 'Sessionkit Devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
      testnet: true,
    })
    const transport = http(rpcUrl)
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 })
    const walletClient = createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(roles.deployer.privateKey),
    })
    const testClient = createTestClient({ chain, transport, mode: 'anvil' })

    let environment: SmartAccountsEnvironment
    let paymasterAddress: `0x${string}`
    try {
      environment = await deployContracts({ chain, publicClient, walletClient, testClient })
      paymasterAddress = await deployPaymaster({ chain, publicClient, walletClient })
    } catch (cause) {
      throw new DevnetStartError(
        'contracts',
        'deploying the Delegation Framework or the paymaster failed.',
        { cause },
      )
    }

    const bundlerPort = parameters.bundlerPort ?? (await getFreePort())
    let bundler: Child = await startBundler({ rpcUrl, port: bundlerPort })
    const bundlerPart = { stop: () => bundler.stop() }
    started.push(bundlerPart)

    let paymaster: PaymasterService
    try {
      paymaster = await startPaymasterService({
        publicClient,
        address: paymasterAddress,
        port: parameters.paymasterPort,
      })
    } catch (cause) {
      throw new DevnetStartError('paymaster', 'the paymaster service could not listen.', { cause })
    }
    started.push(paymaster)

    return {
      chain,
      rpcUrl,
      bundlerUrl: `http://127.0.0.1:${bundlerPort}`,
      paymasterUrl: paymaster.url,
      environment,
      accounts: roles.dev,
      get pids() {
        return [anvil.pid, bundler.pid]
      },
      faults: {
        setPaymasterMode: (mode) => paymaster.setMode(mode),
        stopBundler: () => bundler.stop(),
        startBundler: async () => {
          bundler = await startBundler({ rpcUrl, port: bundlerPort })
        },
      },
      paymaster: { address: paymaster.address, requests: paymaster.requests },
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
