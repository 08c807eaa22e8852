import { createPublicClient, custom, type PublicClient, toHex } from 'viem'
import { foundry } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { replayBlocks } from './evmReplay.js'

const from = '0x00000000000000000000000000000000000000aa'
const to = '0x00000000000000000000000000000000000000bb'

/** A chain of blocks 5..7 with 1, 0 and 2 transactions; records every eth_call's block. */
function fakeChain() {
  const calls: { block: string; data: string }[] = []
  const tx = (n: number) => ({
    hash: toHex(n, { size: 32 }),
    from,
    to,
    input: toHex(n),
    gas: toHex(1_000_000),
    value: '0x0',
    type: '0x2',
    nonce: '0x0',
    blockNumber: null,
  })
  const blocks: Record<string, { gasUsed: bigint; txs: number[] }> = {
    '0x5': { gasUsed: 100n, txs: [1] },
    '0x6': { gasUsed: 0n, txs: [] },
    '0x7': { gasUsed: 250n, txs: [2, 3] },
  }
  const client = createPublicClient({
    chain: foundry,
    transport: custom({
      async request({ method, params }: { method: string; params: unknown[] }) {
        if (method === 'eth_getBlockByNumber') {
          const block = blocks[params[0] as string]!
          return {
            number: params[0],
            hash: toHex(1, { size: 32 }),
            gasUsed: toHex(block.gasUsed),
            transactions: block.txs.map(tx),
          }
        }
        if (method === 'eth_call') {
          const [call, block] = params as [{ data: string }, string]
          calls.push({ block, data: call.data })
          return '0x'
        }
        throw new Error(`unexpected ${method}`)
      },
    }),
  }) as PublicClient
  return { client, calls }
}

describe('replayBlocks', () => {
  test("behavior: executes each mined transaction alone on its parent block's state, runs times, and sums gas", async () => {
    const { client, calls } = fakeChain()
    const replay = await replayBlocks(client, { from: 5n, to: 7n, runs: 2 })
    expect(replay.transactions).toBe(3)
    expect(replay.gasUsed).toBe(350n)
    expect(replay.ms).toBeGreaterThanOrEqual(0)
    expect(calls).toEqual([
      { block: '0x4', data: '0x1' },
      { block: '0x4', data: '0x1' },
      { block: '0x6', data: '0x2' },
      { block: '0x6', data: '0x2' },
      { block: '0x6', data: '0x3' },
      { block: '0x6', data: '0x3' },
    ])
  })
})
