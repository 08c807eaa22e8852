import type { EIP1193RequestFn, Transport } from 'viem'
import { custom, http } from 'viem'

/** Which service a JSON-RPC request went to. */
export type SessionRequestTarget = 'chain' | 'bundler' | 'paymaster'

/** One JSON-RPC request made by the engine, reported to `onRequest` (for round-trip counts). */
export type SessionRequestEvent = { target: SessionRequestTarget; method: string }

/** Wraps a transport so every JSON-RPC request is reported to `onRequest` before it is made. */
export function countedTransport(
  transport: Transport,
  target: SessionRequestTarget,
  onRequest: ((event: SessionRequestEvent) => void) | undefined,
): Transport {
  if (!onRequest) return transport
  return (options) => {
    const inner = transport(options)
    const request = (async (args, requestOptions) => {
      onRequest({ target, method: args.method })
      return inner.request(args, requestOptions)
    }) as EIP1193RequestFn
    return { ...inner, request }
  }
}

/** An HTTP transport without retries (the engine reports failures itself) and with counting. */
export function serviceTransport(
  url: string,
  target: SessionRequestTarget,
  onRequest: ((event: SessionRequestEvent) => void) | undefined,
): Transport {
  return countedTransport(http(url, { retryCount: 0, timeout: 15_000 }), target, onRequest)
}

/** A transport over an EIP-1193-like `request` function (e.g. wagmi's chain client). */
export function requestTransport(
  request: (args: { method: string; params?: unknown }) => Promise<unknown>,
  onRequest: ((event: SessionRequestEvent) => void) | undefined,
): Transport {
  return countedTransport(
    custom({ request: (args) => request(args) }, { retryCount: 0 }),
    'chain',
    onRequest,
  )
}
