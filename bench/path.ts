import type { Hex } from 'viem'

/** One action that the bundler accepted. */
export type SentAction = { hash: Hex; wait(): Promise<LandedAction> }

/** What the bench reads of a receipt: success and the bundle transaction that carried it. */
export type LandedAction = { success: boolean; transactionHash: Hex }

/** A way to send the benchmark's action (one `increment()` on the counter through a session). */
export type BenchPath = {
  name: string
  send(): Promise<SentAction>
  /** Drops the path's caches (fee quotes, usage) so the next action fetches everything again. */
  coldCaches?: (() => Promise<void>) | undefined
}
