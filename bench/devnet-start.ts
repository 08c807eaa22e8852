import { startDevnet } from '@sessionkit/devnet'
import { median, type Row } from './stats.js'

/** Cold start of the whole devnet (anvil, contracts, bundler, paymaster), median of `runs`. */
export async function benchDevnetStart(
  runs = 5,
): Promise<{ rows: Row[]; result: Record<string, unknown> }> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const devnet = await startDevnet()
    times.push(performance.now() - started)
    await devnet.stop()
  }
  const ms = median(times)
  return {
    rows: [
      {
        figure: `devnet cold start (median of ${runs})`,
        ours: `${(ms / 1000).toFixed(2)} s`,
        target: '< 5 s',
        ratio: `${(ms / 5000).toFixed(2)}× of budget`,
        ok: ms < 5000,
      },
    ],
    result: { devnetStartMs: { median: Math.round(ms), runs: times.map(Math.round) } },
  }
}
