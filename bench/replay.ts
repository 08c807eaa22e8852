type Mode = 'pass' | 'record' | 'replay'

type Reply = { result?: unknown; error?: unknown }

/**
 * A `globalThis.fetch` wrapper for JSON-RPC over HTTP to the given origins: passes requests
 * through, records the replies, or replays them without any network (for CPU measurements).
 * Replies are looked up by method and params, then by method and call target, then by method.
 */
export type ReplayFetch = {
  mode: Mode
  /** Requests answered from the recording, and those it had no reply for. */
  replayed: number
  missed: string[]
  /** In `pass` mode with `trace` on: durations (ms) of live requests by `<origin name> <method>`. */
  trace: boolean
  timings: Record<string, number[]>
  /** In `pass` mode with `trace` on: [start, end] (performance.now) of each live request. */
  intervals: [number, number][]
  restore(): void
}

/** Installs the wrapper on `globalThis.fetch`, starting in `pass` mode. */
export function installReplayFetch(named: Record<string, string>): ReplayFetch {
  const real = globalThis.fetch
  const origins = Object.values(named)
  const nameOf = (origin: string) =>
    Object.entries(named).find(([, o]) => o === origin)?.[0] ?? origin
  const replies = new Map<string, Reply>()
  const keys = (origin: string, call: { method: string; params?: unknown }) => {
    const params = Array.isArray(call.params) ? call.params : []
    const target = (params[0] as { to?: string } | undefined)?.to
    return [
      `${origin} ${call.method} ${JSON.stringify(call.params ?? [])}`,
      ...(typeof target === 'string'
        ? [`${origin} ${call.method} to:${target.toLowerCase()}`]
        : []),
      `${origin} ${call.method}`,
    ]
  }
  const state: ReplayFetch = {
    mode: 'pass',
    replayed: 0,
    missed: [],
    trace: false,
    timings: {},
    intervals: [],
    restore() {
      globalThis.fetch = real
    },
  }
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const origin = origins.find((o) => url.startsWith(o))
    if (!origin || typeof init?.body !== 'string') return real(input, init)
    if (state.mode === 'pass') {
      if (!state.trace) return real(input, init)
      const started = performance.now()
      const response = await real(input, init)
      const method = /"method":"([^"]+)"/.exec(init.body)?.[1] ?? '?'
      const ended = performance.now()
      const key = `${nameOf(origin)} ${method}`
      state.timings[key] = [...(state.timings[key] ?? []), ended - started]
      state.intervals.push([started, ended])
      return response
    }
    const body = JSON.parse(init.body) as
      | { id: number; method: string; params?: unknown }
      | { id: number; method: string; params?: unknown }[]
    const calls = Array.isArray(body) ? body : [body]
    if (state.mode === 'record') {
      const response = await real(input, init)
      const json = (await response.clone().json()) as
        | (Reply & { id: number })
        | (Reply & { id: number })[]
      const answers = Array.isArray(json) ? json : [json]
      calls.forEach((call, i) => {
        const answer = answers.find((a) => a.id === call.id) ?? answers[i]
        if (!answer) return
        const reply: Reply = 'error' in answer ? { error: answer.error } : { result: answer.result }
        for (const key of keys(origin, call)) replies.set(key, reply)
      })
      return response
    }
    const answers = calls.map((call) => {
      const reply = keys(origin, call)
        .map((key) => replies.get(key))
        .find((r) => r !== undefined)
      if (!reply) {
        state.missed.push(`${origin} ${call.method}`)
        return {
          jsonrpc: '2.0',
          id: call.id,
          error: { code: -32603, message: `no recorded reply for ${call.method}` },
        }
      }
      state.replayed++
      return { jsonrpc: '2.0', id: call.id, ...reply }
    })
    return new Response(JSON.stringify(Array.isArray(body) ? answers : answers[0]), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }) as typeof fetch
  return state
}

/** Total ms covered by the union of `intervals`, clipped to [from, to]. */
export function coveredMs(
  intervals: readonly [number, number][],
  from: number,
  to: number,
): number {
  const clipped = intervals
    .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let end = -Infinity
  for (const [a, b] of clipped) {
    if (b <= end) continue
    total += b - Math.max(a, end)
    end = b
  }
  return total
}
