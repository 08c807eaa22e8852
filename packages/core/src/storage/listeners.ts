import type { SessionStorageEvent, SessionStorageListener } from './types.js'

/** A set of storage listeners; a throwing listener is reported and does not stop the others. */
export function createListeners() {
  const listeners = new Set<SessionStorageListener>()
  return {
    add(listener: SessionStorageListener): () => void {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    emit(event: SessionStorageEvent) {
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          report(error)
        }
      }
    },
  }
}

function report(error: unknown) {
  const reportError = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (reportError) reportError(error)
  else console.error(error)
}
