import type { Hex, PublicClient } from 'viem'
import { median } from './stats.js'

export type EvmReplay = {
  /** Transactions mined in the range (the bundler's bundles, on the devnet). */
  transactions: number
  gasUsed: bigint
  /** Sum over the transactions of the median time anvil takes to execute each alone (`eth_call` at its parent block). */
  ms: number
}

/**
 * Re-executes every transaction mined in blocks `from`..`to` alone, as an `eth_call` on its parent
 * block's state, `runs` times each: what the chain's EVM spends on that work, with no bundler, no
 * client and no mining around it. The floor of any pipeline that executes the same work once.
 */
export async function replayBlocks(
  client: PublicClient,
  range: { from: bigint; to: bigint; runs?: number },
): Promise<EvmReplay> {
  const runs = range.runs ?? 3
  let transactions = 0
  let gasUsed = 0n
  let ms = 0
  for (let number = range.from; number <= range.to; number++) {
    const block = await client.getBlock({ blockNumber: number, includeTransactions: true })
    gasUsed += block.gasUsed
    for (const tx of block.transactions) {
      if (typeof tx === 'string' || !tx.to) continue
      transactions++
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        await client.call({
          account: tx.from,
          to: tx.to,
          data: tx.input as Hex,
          gas: tx.gas,
          value: tx.value,
          blockNumber: number - 1n,
        })
        times.push(performance.now() - started)
      }
      ms += median(times)
    }
  }
  return { transactions, gasUsed, ms: Math.round(ms) }
}
