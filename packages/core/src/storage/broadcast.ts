import { readScope } from './scope.js'
import type { SessionStorageEvent } from './types.js'

type BroadcastEvent = Omit<SessionStorageEvent, 'origin'>

const source = 'sessionkit:storage'

/**
 * Cross-tab change notifications over a `BroadcastChannel`, opened lazily. Where there is no
 * `BroadcastChannel` (SSR, old runtimes) it does nothing: local notifications still work.
 */
export function createBroadcast(name: string, onEvent: (event: BroadcastEvent) => void) {
  let channel: BroadcastChannel | undefined

  function open(): BroadcastChannel | undefined {
    if (channel || typeof BroadcastChannel === 'undefined') return channel
    channel = new BroadcastChannel(`${source}:${name}`)
    channel.onmessage = (message: MessageEvent) => {
      const event = readEvent(message.data)
      if (event) onEvent(event)
    }
    // Node only: do not keep the process alive for this channel.
    ;(channel as { unref?: () => void }).unref?.()
    return channel
  }

  return {
    open,
    post(event: BroadcastEvent) {
      try {
        open()?.postMessage({ source, ...event })
      } catch {
        // Another tab missing one notification must not fail a write that has completed.
      }
    },
    close() {
      channel?.close()
      channel = undefined
    },
  }
}

/** A valid event from another tab, or `undefined` for anything else on the channel. */
function readEvent(data: unknown): BroadcastEvent | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { source: from, type, id, scope } = data as Record<string, unknown>
  if (from !== source || typeof id !== 'string') return undefined
  if (type !== 'put' && type !== 'update' && type !== 'remove') return undefined
  const readable = readScope(scope)
  return readable ? { type, id, scope: readable } : { type, id }
}
