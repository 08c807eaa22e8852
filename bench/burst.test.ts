import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { burst } from './burst.js'
import { interleave, timeAction } from './latency.js'
import type { BenchPath, LandedAction } from './path.js'
import { createRpcLog } from './rpc-counter.js'

const tx = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex

/** A path whose i-th send behaves as `plan(i)` says. */
function fakePath(
  plan: (i: number) => 'land' | 'revert' | 'refuse' | 'hang' | 'throw-revert',
): BenchPath & { sent: number } {
  const path = {
    name: 'fake',
    sent: 0,
    async send() {
      const i = path.sent++
      const kind = plan(i)
      if (kind === 'refuse') throw new Error('bundler refused')
      return {
        hash: tx(i),
        wait: (): Promise<LandedAction> => {
          if (kind === 'hang') return new Promise(() => {})
          if (kind === 'throw-revert')
            return Promise.reject(
              Object.assign(new Error('reverted'), { name: 'SessionCallsRevertedError' }),
            )
          return Promise.resolve({ success: kind === 'land', transactionHash: tx(i % 3) })
        },
      }
    },
  }
  return path
}

describe('burst', () => {
  test('behavior: counts landed, refused, reverted and timed-out actions and distinct bundles', async () => {
    const kinds = [
      'land',
      'land',
      'land',
      'land',
      'refuse',
      'revert',
      'throw-revert',
      'hang',
    ] as const
    const result = await burst(
      fakePath((i) => kinds[i]!),
      kinds.length,
      { timeoutMs: 50 },
    )
    expect(result).toMatchObject({
      actions: 8,
      landed: 4,
      failed: 4,
      refusedAtSend: 1,
      reverted: 2,
      noReceipt: 1,
      bundles: 3,
      // 7 sends returned a hash (one was refused), each its own
      operations: 7,
    })
    expect(result.errors).toEqual({
      'Error: bundler refused': 1,
      'SessionCallsRevertedError: reverted': 1,
      'Error: no receipt after 50 ms': 1,
    })
    expect(result.wallMs).toBeGreaterThanOrEqual(45)
  })
})

describe('interleave', () => {
  test('behavior: rotates which path goes first and keeps warm-up apart', async () => {
    const order: string[] = []
    const path = (name: string): BenchPath => ({
      name,
      async send() {
        order.push(name)
        return { hash: tx(0), wait: async () => ({ success: true, transactionHash: tx(0) }) }
      },
    })
    const { warmup, timed } = await interleave(
      [
        { path: path('a'), log: createRpcLog() },
        { path: path('b'), log: createRpcLog() },
      ],
      { iterations: 2, warmup: 1 },
    )
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b'])
    expect(warmup.map((w) => w.length)).toEqual([1, 1])
    expect(timed.map((t) => t.length)).toEqual([2, 2])
  })

  test('error: a failing send is recorded as a failed action, not thrown', async () => {
    const action = await timeAction(
      fakePath(() => 'refuse'),
      createRpcLog(),
    )
    expect(action.success).toBe(false)
    expect(action.error).toBe('Error: bundler refused')
  })
})
