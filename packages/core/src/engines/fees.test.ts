import { describe, expect, test, vi } from 'vitest'
import { createFeeCache } from './fees.js'

const quoteOf = (n: bigint) => ({
  fast: { maxFeePerGas: `0x${n.toString(16)}`, maxPriorityFeePerGas: '0x1' },
})

describe('createFeeCache', () => {
  test('behavior: one quote for concurrent callers, reused within the ttl, refreshed in the background after it', async () => {
    vi.useFakeTimers()
    try {
      let n = 0n
      const request = vi.fn(async () => quoteOf(++n * 100n))
      const cache = createFeeCache({
        bundlerClient: { request } as never,
        publicClient: {} as never,
        ttl: 1000,
      })
      const [a, b] = await Promise.all([cache.get(), cache.get()])
      expect(a.maxFeePerGas).toBe(100n)
      expect(b).toBe(a)
      expect(request).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(1500)
      expect((await cache.get()).maxFeePerGas).toBe(100n) // stale answer, no wait
      await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(2))
      await Promise.resolve()
      expect((await cache.get()).maxFeePerGas).toBe(200n)
    } finally {
      vi.useRealTimers()
    }
  })

  test('behavior: falls back to the chain when the bundler has no gas price method', async () => {
    const cache = createFeeCache({
      bundlerClient: {
        request: async () => Promise.reject(new Error('method not found')),
      } as never,
      publicClient: {
        estimateFeesPerGas: async () => ({ maxFeePerGas: 10n, maxPriorityFeePerGas: 2n }),
      } as never,
      ttl: 1000,
    })
    expect(await cache.get()).toEqual({ maxFeePerGas: 20n, maxPriorityFeePerGas: 4n })
  })

  test('behavior: with defer, a stale quote is answered and only revalidate() fetches the next one', async () => {
    vi.useFakeTimers()
    try {
      let n = 0n
      const request = vi.fn(async () => quoteOf(++n * 100n))
      const cache = createFeeCache({
        bundlerClient: { request } as never,
        publicClient: {} as never,
        ttl: 1000,
      })
      await cache.get()
      vi.advanceTimersByTime(1500)
      expect((await cache.get({ defer: true })).maxFeePerGas).toBe(100n)
      expect(request).toHaveBeenCalledTimes(1)
      cache.revalidate()
      expect(request).toHaveBeenCalledTimes(2)
      cache.revalidate()
      expect(request).toHaveBeenCalledTimes(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
