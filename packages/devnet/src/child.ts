import { type ChildProcess, spawn } from 'node:child_process'
import { type DevnetPart, DevnetStartError } from './errors.js'

export type Child = {
  pid: number
  process: ChildProcess
  /** Last lines the child printed, for error messages. */
  output(): string
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>
}

const live = new Set<ChildProcess>()
let exitHookInstalled = false

function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  // Last resort: never leave a child behind when the parent exits.
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL')
  })
}

/** Sends `signal` to every child still running, synchronously (for signal handlers that may not get to await). */
export function signalChildren(signal: NodeJS.Signals = 'SIGTERM') {
  for (const child of live) child.kill(signal)
}

/**
 * Spawns a child and resolves once `ready` matches its output (or `probe` resolves true).
 * A child that exits first, or does not get ready in time, rejects with a DevnetStartError naming the part.
 */
export async function startChild(parameters: {
  part: DevnetPart
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  ready?: RegExp
  probe?: () => Promise<boolean>
  timeoutMs?: number
}): Promise<Child> {
  const { part, command, args, ready, probe, timeoutMs = 30_000 } = parameters
  installExitHook()
  let lines: string[] = []
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: parameters.env ?? process.env,
  })
  live.add(child)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child)
      resolve()
    })
  })
  const output = () => lines.slice(-30).join('\n')

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
    await exited
    clearTimeout(timer)
  }

  await new Promise<void>((resolve, reject) => {
    let settled = false
    const settle = (error?: Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(poll)
      if (error) reject(error)
      else resolve()
    }
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      lines.push(...text.split('\n').filter(Boolean))
      if (lines.length > 200) lines = lines.slice(-100)
      if (ready?.test(text)) settle()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', (error) =>
      settle(
        new DevnetStartError(
          part,
          `could not spawn ${command}: ${error.message}. Is the package installed (run the README's install)?`,
          {
            cause: error,
          },
        ),
      ),
    )
    child.once('exit', (code, signal) =>
      settle(
        new DevnetStartError(part, `exited during start (code ${code}, signal ${signal}).`, {
          output: output(),
        }),
      ),
    )
    const timer = setTimeout(
      () =>
        settle(
          new DevnetStartError(part, `did not become ready within ${timeoutMs} ms.`, {
            output: output(),
          }),
        ),
      timeoutMs,
    )
    const poll = setInterval(() => {
      probe?.().then(
        (ok) => ok && settle(),
        () => {},
      )
    }, 100)
  }).catch(async (error) => {
    await stop()
    throw error
  })

  return { pid: child.pid!, process: child, output, stop }
}
