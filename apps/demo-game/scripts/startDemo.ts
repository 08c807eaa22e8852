import { createServer as createNetServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type Devnet, startDevnet, toDevnetInfo } from '@sessionkit/devnet'
import { createPublicClient, createWalletClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createServer, type LogLevel } from 'vite'
import type { DemoConfig } from '../src/config/demoConfig.js'
import { demoConfigPlugin } from './demoConfigPlugin.js'
import { deployDungeon } from './deployDungeon.js'
import { DemoStartError } from './errors.js'

const appDir = fileURLToPath(new URL('..', import.meta.url))

export type StartDemoParameters = {
  /** The app's port; 5173 when free, else any free one. */
  port?: number | undefined
  logLevel?: LogLevel | undefined
  /** Give up on a devnet that has not started after this long (default 120 s). */
  startTimeoutMs?: number | undefined
}

export type Demo = { url: string; devnet: Devnet; config: DemoConfig; stop(): Promise<void> }

/** Starts the devnet, deploys the Dungeon, and serves the app on 127.0.0.1 with Vite. */
export async function startDemo(parameters: StartDemoParameters = {}): Promise<Demo> {
  const devnet = await withTimeout(startDevnet(), parameters.startTimeoutMs ?? 120_000)
  try {
    const [deployer, player] = devnet.accounts
    if (!deployer || !player) throw new DemoStartError('the devnet has no dev accounts')
    const transport = http(devnet.rpcUrl)
    const game = await deployDungeon({
      publicClient: createPublicClient({ chain: devnet.chain, transport }),
      walletClient: createWalletClient({
        chain: devnet.chain,
        transport,
        account: privateKeyToAccount(deployer.privateKey),
      }),
    })
    const { accounts: _, ...info } = toDevnetInfo(devnet)
    const config: DemoConfig = { ...info, game, player }
    const port = parameters.port ?? ((await isFree(5173)) ? 5173 : await freePort())
    const server = await createServer({
      configFile: `${appDir}/vite.config.ts`,
      root: appDir,
      logLevel: parameters.logLevel ?? 'info',
      plugins: [demoConfigPlugin(config)],
      server: { host: '127.0.0.1', port, strictPort: true },
    })
    await server.listen()
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
    return {
      url,
      devnet,
      config,
      async stop() {
        await server.close().catch(() => {})
        await devnet.stop()
      },
    }
  } catch (error) {
    await devnet.stop()
    throw error
  }
}

/** Rejects with DemoStartError when `promise` takes longer than `ms`. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DemoStartError(`the devnet did not start within ${ms / 1000} s`)),
      ms,
    )
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createNetServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
