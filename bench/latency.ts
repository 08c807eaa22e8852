import type { BenchPath } from './path.js'
import { coveredMs, type ReplayFetch } from './replay.js'
import type { RpcEvent, RpcLog } from './rpc-counter.js'

/** One timed action: ms from the call to the returned hash (`submittedMs`) and to the receipt. */
export type TimedAction = {
  submittedMs: number
  receiptMs: number
  success: boolean
  /** JSON-RPC requests made for this action, tagged by phase. */
  events: RpcEvent[]
  /** Requests made between the previous action's receipt and this action (background work). */
  background: number
  /** ms before the hash returned with at least one request in flight (when traced). */
  networkMsBeforeSend?: number | undefined
  error?: string | undefined
}

/** Sends one action and waits for its receipt, timing both and collecting its requests. */
export async function timeAction(
  path: BenchPath,
  log: RpcLog,
  replay?: ReplayFetch,
): Promise<TimedAction> {
  const background = log.take().length
  log.phase = 'before-send'
  if (replay) replay.intervals.length = 0
  const started = performance.now()
  try {
    const sent = await path.send()
    const submittedAt = performance.now()
    const submittedMs = submittedAt - started
    log.phase = 'receipt'
    const receipt = await sent.wait()
    const receiptMs = performance.now() - started
    const networkMsBeforeSend = replay
      ? coveredMs(replay.intervals, started, submittedAt)
      : undefined
    return {
      submittedMs,
      receiptMs,
      success: receipt.success,
      events: log.take(),
      background,
      networkMsBeforeSend,
    }
  } catch (error) {
    const ms = performance.now() - started
    return {
      submittedMs: ms,
      receiptMs: ms,
      success: false,
      events: log.take(),
      background,
      error: errorMessage(error),
    }
  } finally {
    log.phase = 'setup'
  }
}

/**
 * Runs `warmup` then `iterations` rounds; each round sends one action on every path, one after
 * the other, rotating which path goes first so no path always follows the same one.
 */
export async function interleave(
  paths: readonly { path: BenchPath; log: RpcLog }[],
  options: {
    iterations: number
    warmup: number
    replay?: ReplayFetch | undefined
    /** Runs after every action, outside the timed part (e.g. to reset the devnet's fees). */
    between?: (() => Promise<void>) | undefined
    onRound?: ((round: number) => void | Promise<void>) | undefined
  },
): Promise<{ warmup: TimedAction[][]; timed: TimedAction[][] }> {
  const warmup: TimedAction[][] = paths.map(() => [])
  const timed: TimedAction[][] = paths.map(() => [])
  const rounds = options.warmup + options.iterations
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < paths.length; k++) {
      const index = (round + k) % paths.length
      const { path, log } = paths[index]!
      const action = await timeAction(path, log, options.replay)
      await options.between?.()
      ;(round < options.warmup ? warmup : timed)[index]!.push(action)
    }
    await options.onRound?.(round)
  }
  return { warmup, timed }
}

/** A short, single-line message of an error, for the results file. */
export function errorMessage(error: unknown): string {
  const e = error as { name?: string; shortMessage?: string; message?: string }
  return `${e?.name ?? 'Error'}: ${(e?.shortMessage ?? e?.message ?? String(error)).split('\n')[0]}`.slice(
    0,
    200,
  )
}
