import { errorMessage } from './latency.js'
import type { BenchPath } from './path.js'
import { median } from './stats.js'

export type BurstResult = {
  actions: number
  /** Receipts with `success: true`. */
  landed: number
  failed: number
  /** Failure kinds: refused at send, landed but reverted, no receipt within the timeout. */
  refusedAtSend: number
  reverted: number
  noReceipt: number
  /** ms from firing the burst until every send settled. */
  submittedWallMs: number
  /** ms from firing the burst until every action settled (receipt, failure or timeout). */
  wallMs: number
  /** ms after firing when sends returned and receipts arrived: first, median, last. */
  sentAt: { first: number; median: number; last: number }
  landedAt: { first: number; median: number; last: number }
  /** Bundle transactions that carried the landed actions. */
  bundles: number
  /** Distinct UserOperation hashes returned by the sends (joined actions share one). */
  operations: number
  /** Up to five distinct error messages with their counts. */
  errors: Record<string, number>
}

/** Fires `actions` sends at once on one path, then waits for each (up to `timeoutMs`). */
export async function burst(
  path: BenchPath,
  actions: number,
  options: { timeoutMs: number },
): Promise<BurstResult> {
  const errors: Record<string, number> = {}
  const note = (error: unknown) => {
    const message = errorMessage(error)
    if (message in errors || Object.keys(errors).length < 5)
      errors[message] = (errors[message] ?? 0) + 1
  }
  let refusedAtSend = 0
  let reverted = 0
  let noReceipt = 0
  let landed = 0
  let submittedAt = 0
  let pendingSends = actions
  const sentTimes: number[] = []
  const landedTimes: number[] = []
  const bundles = new Set<string>()
  const operations = new Set<string>()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: actions }, async () => {
      let sent: Awaited<ReturnType<BenchPath['send']>>
      try {
        sent = await path.send()
      } catch (error) {
        refusedAtSend++
        note(error)
        return
      } finally {
        if (--pendingSends === 0) submittedAt = performance.now()
      }
      sentTimes.push(performance.now() - started)
      operations.add(sent.hash)
      let timer: ReturnType<typeof setTimeout> | undefined
      try {
        const receipt = await Promise.race([
          sent.wait(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no receipt after ${options.timeoutMs} ms`)),
              options.timeoutMs,
            )
          }),
        ])
        bundles.add(receipt.transactionHash)
        if (receipt.success) {
          landed++
          landedTimes.push(performance.now() - started)
        } else reverted++
      } catch (error) {
        const message = errorMessage(error)
        if (/revert/i.test(message)) reverted++
        else noReceipt++
        note(error)
      } finally {
        clearTimeout(timer)
      }
    }),
  )
  const wallMs = performance.now() - started
  return {
    actions,
    landed,
    failed: actions - landed,
    refusedAtSend,
    reverted,
    noReceipt,
    submittedWallMs: Math.round(submittedAt - started),
    wallMs: Math.round(wallMs),
    sentAt: spread(sentTimes),
    landedAt: spread(landedTimes),
    bundles: bundles.size,
    operations: operations.size,
    errors,
  }
}

function spread(times: number[]): { first: number; median: number; last: number } {
  if (times.length === 0) return { first: Number.NaN, median: Number.NaN, last: Number.NaN }
  return {
    first: Math.round(Math.min(...times)),
    median: Math.round(median(times)),
    last: Math.round(Math.max(...times)),
  }
}
