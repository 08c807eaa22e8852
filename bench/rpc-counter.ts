import { type EIP1193RequestFn, http, type Transport } from 'viem'

/** Where a JSON-RPC request went. */
export type RpcTarget = 'chain' | 'bundler' | 'paymaster'

/** Which part of an action a request belongs to (`send` is the `eth_sendUserOperation` itself). */
export type RpcPhase = 'setup' | 'before-send' | 'send' | 'receipt'

export type RpcEvent = { target: RpcTarget; method: string; phase: RpcPhase }

/** Records JSON-RPC requests, tagged with the phase the driver is in when each is made. */
export type RpcLog = {
  phase: RpcPhase
  events: RpcEvent[]
  record(target: RpcTarget, method: string): void
  /** Drops the events recorded so far and returns them. */
  take(): RpcEvent[]
}

/** A new request log, in the `setup` phase. */
export function createRpcLog(): RpcLog {
  const log: RpcLog = {
    phase: 'setup',
    events: [],
    record(target, method) {
      const phase =
        method === 'eth_sendUserOperation' && log.phase === 'before-send' ? 'send' : log.phase
      log.events.push({ target, method, phase })
    },
    take() {
      return log.events.splice(0)
    },
  }
  return log
}

/** An HTTP transport (viem defaults) that records each JSON-RPC request in `log` as it is made. */
export function countedHttp(url: string, target: RpcTarget, log: RpcLog): Transport {
  const base = http(url)
  return (options) => {
    const inner = base(options)
    const request = (async (args, requestOptions) => {
      log.record(target, args.method)
      return inner.request(args, requestOptions)
    }) as EIP1193RequestFn
    return { ...inner, request }
  }
}

/** Requests per action by phase and target: `{ 'before-send': { chain: 3, … }, … }`. */
export type RoundTrips = Record<
  Exclude<RpcPhase, 'setup'>,
  Record<RpcTarget, number> & { total: number }
> & {
  /** Method counts, summed over all actions. */
  methods: Record<string, number>
}

/** Averages the per-action request counts of several actions' events. */
export function summarizeRoundTrips(actions: RpcEvent[][]): RoundTrips {
  const zero = () => ({ chain: 0, bundler: 0, paymaster: 0, total: 0 })
  const sum: RoundTrips = { 'before-send': zero(), send: zero(), receipt: zero(), methods: {} }
  for (const events of actions)
    for (const e of events) {
      if (e.phase === 'setup') continue
      sum[e.phase][e.target]++
      sum[e.phase].total++
      const key = `${e.target}:${e.method}:${e.phase}`
      sum.methods[key] = (sum.methods[key] ?? 0) + 1
    }
  const n = Math.max(1, actions.length)
  for (const phase of ['before-send', 'send', 'receipt'] as const)
    for (const k of ['chain', 'bundler', 'paymaster', 'total'] as const)
      sum[phase][k] = Math.round((sum[phase][k] / n) * 100) / 100
  for (const k of Object.keys(sum.methods))
    sum.methods[k] = Math.round((sum.methods[k]! / n) * 100) / 100
  return sum
}
