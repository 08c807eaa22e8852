import type { BenchPath } from './path.js'
import type { ReplayFetch } from './replay.js'
import { median, percentile } from './stats.js'

export type CpuResult = {
  runs: number
  /** Wall ms per action with every reply canned (no network): median and p95. */
  medianMs: number
  p95Ms: number
  /** Process CPU time (user + system) per send: median, and total divided by the runs. */
  cpuMedianMs: number
  cpuMsPerAction: number
  replayed: number
  missed: number
}

/**
 * CPU per action: records two live actions' replies (caches cold first, so every request the
 * path can make is seen), then sends `runs` actions with every
 * JSON-RPC reply replayed from memory (no network), timing each send and waiting for its
 * (canned) receipt outside the timed part.
 */
export async function measureCpu(
  path: BenchPath,
  replay: ReplayFetch,
  runs: number,
): Promise<CpuResult> {
  await path.coldCaches?.()
  replay.mode = 'record'
  try {
    for (let i = 0; i < 2; i++) await (await path.send()).wait()
    replay.mode = 'replay'
    replay.replayed = 0
    replay.missed.length = 0
    for (let i = 0; i < 20; i++) await (await path.send()).wait()
    const times: number[] = []
    const cpuTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      const sent = await path.send()
      times.push(performance.now() - started)
      const cpu = process.cpuUsage(cpuBefore)
      cpuTimes.push((cpu.user + cpu.system) / 1000)
      await sent.wait()
    }
    return {
      runs,
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 95)),
      cpuMedianMs: round(median(cpuTimes)),
      cpuMsPerAction: round(cpuTimes.reduce((a, b) => a + b, 0) / runs),
      replayed: replay.replayed,
      missed: replay.missed.length,
    }
  } finally {
    replay.mode = 'pass'
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100
}
