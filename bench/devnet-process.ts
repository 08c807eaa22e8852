import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DevnetInfo } from '@sessionkit/devnet'
import { type Chain, defineChain } from 'viem'

/** What the benchmark needs of a running devnet. */
export type BenchDevnet = Omit<DevnetInfo, 'chainId'> & {
  chain: Chain
  pid: number
  stop(): Promise<void>
}

/**
 * Starts the devnet CLI in a child process, as an app sees its services: the devnet's paymaster
 * is a Node HTTP server that would otherwise share the measured client's event loop. Resolves
 * once the CLI has written its URLs; `stop()` sends SIGTERM (the CLI stops anvil and alto) and
 * resolves when it has exited.
 */
export async function startDevnetProcess(
  options: { timeoutMs?: number } = {},
): Promise<BenchDevnet> {
  const dir = mkdtempSync(join(tmpdir(), 'sessionkit-bench-'))
  const out = join(dir, 'devnet.json')
  const cli = fileURLToPath(new URL('../packages/devnet/src/cli.ts', import.meta.url))
  const root = fileURLToPath(new URL('..', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--out', out], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const onExit = () => child.kill('SIGTERM')
  process.once('exit', onExit)
  const stop = async () => {
    process.off('exit', onExit)
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForFile(child, out, options.timeoutMs ?? 60_000)
    const info = JSON.parse(readFileSync(out, 'utf8')) as DevnetInfo
    const chain = defineChain({
      id: info.chainId,
      name: 'Sessionkit Devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [info.rpcUrl] } },
      testnet: true,
    })
    const { chainId: _id, ...rest } = info
    return { ...rest, chain, pid: child.pid ?? -1, stop }
  } catch (error) {
    await stop()
    throw new Error(`the devnet did not start: ${(error as Error).message}\n${output}`)
  }
}

async function waitForFile(child: ChildProcess, file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (
    !existsSync(file) ||
    readFileSync(file, 'utf8').trim().length === 0 ||
    !readFileSync(file, 'utf8').endsWith('\n')
  ) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the devnet CLI exited (${child.exitCode ?? child.signalCode})`)
    if (Date.now() > deadline) throw new Error(`no devnet after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
