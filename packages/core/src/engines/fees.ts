import type { Chain, PublicClient, Transport } from 'viem'
import type { BundlerClient } from 'viem/account-abstraction'

export type Fees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }

/** Fee quotes reused for `ttl` ms; concurrent callers share one request. */
export type FeeCache = {
  /** The last quote; a stale one is still answered and refreshed in the background (or, with `defer`, by `revalidate()`). */
  get(options?: { defer?: boolean | undefined }): Promise<Fees>
  revalidate(): void
  clear(): void
}

type GasPriceResult = { fast?: { maxFeePerGas: string; maxPriorityFeePerGas: string } }

/** Quotes fees from the bundler (`pimlico_getUserOperationGasPrice`) or, failing that, the chain. */
export function createFeeCache(parameters: {
  bundlerClient: BundlerClient
  publicClient: PublicClient<Transport, Chain>
  ttl: number
}): FeeCache {
  let cached: { at: number; fees: Promise<Fees> } | undefined
  let bundlerQuotes = true
  let refreshing: Promise<void> | undefined
  let due = false
  const revalidate = () => {
    if (!due || refreshing) return
    due = false
    refreshing = quote()
      .then((fees) => {
        cached = { at: Date.now(), fees: Promise.resolve(fees) }
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing = undefined
      })
  }
  const quote = async (): Promise<Fees> => {
    if (bundlerQuotes) {
      try {
        const result = (await parameters.bundlerClient.request({
          method: 'pimlico_getUserOperationGasPrice',
          params: [],
        } as never)) as GasPriceResult
        if (result?.fast)
          return {
            maxFeePerGas: BigInt(result.fast.maxFeePerGas),
            maxPriorityFeePerGas: BigInt(result.fast.maxPriorityFeePerGas),
          }
      } catch {
        bundlerQuotes = false
      }
    }
    const fees = await parameters.publicClient.estimateFeesPerGas({ type: 'eip1559' })
    return {
      maxFeePerGas: fees.maxFeePerGas * 2n,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas * 2n,
    }
  }
  return {
    get(options = {}) {
      const now = Date.now()
      if (!cached) {
        const entry = { at: now, fees: quote() }
        cached = entry
        entry.fees.catch(() => {
          if (cached === entry) cached = undefined
        })
        return entry.fees
      }
      if (now - cached.at >= parameters.ttl) {
        due = true
        if (!options.defer) revalidate()
      }
      return cached.fees
    },
    revalidate,
    clear() {
      cached = undefined
    },
  }
}
