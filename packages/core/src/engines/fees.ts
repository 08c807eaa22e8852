import type { Chain, PublicClient, Transport } from 'viem'
import type { BundlerClient } from 'viem/account-abstraction'

export type Fees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }

/** Fee quotes reused for `ttl` ms; concurrent callers share one request. */
export type FeeCache = { get(): Promise<Fees>; clear(): void }

type GasPriceResult = { fast?: { maxFeePerGas: string; maxPriorityFeePerGas: string } }

/** Quotes fees from the bundler (`pimlico_getUserOperationGasPrice`) or, failing that, the chain. */
export function createFeeCache(parameters: {
  bundlerClient: BundlerClient
  publicClient: PublicClient<Transport, Chain>
  ttl: number
}): FeeCache {
  let cached: { at: number; fees: Promise<Fees> } | undefined
  let bundlerQuotes = true
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
    get() {
      const now = Date.now()
      const refresh = () => {
        const entry = { at: now, fees: quote() }
        cached = entry
        entry.fees.catch(() => {
          if (cached === entry) cached = undefined
        })
        return entry.fees
      }
      if (!cached) return refresh()
      if (now - cached.at < parameters.ttl) return cached.fees
      // Stale: use the last quote once more and refresh in the background.
      const stale = cached.fees
      cached = { at: now - parameters.ttl / 2, fees: stale }
      refresh().catch(() => {})
      return stale
    },
    clear() {
      cached = undefined
    },
  }
}
