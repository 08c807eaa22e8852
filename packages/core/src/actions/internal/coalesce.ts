import type { SessionContext } from '../../engines/context.js'
import type { SessionRuntime } from '../../engines/loadSession.js'
import { BundlerError } from '../../errors/session.js'
import { type Operation, type Part, sendOperation } from './sendOperation.js'

type Waiting = Part & { resolve(operation: Operation): void; reject(error: unknown): void }
type Lane = { preparing: number; waiting: Waiting[]; scheduled: boolean }

/** UserOperations of one session in preparation (sponsor, sign, send) before new actions wait to be joined. */
const maxPreparing = 4

const lanes = new WeakMap<SessionRuntime, Lane>()

/**
 * Sends an action on the parallel lane, joining it with others of the same session when several
 * are already being prepared: actions arriving then gather until the next task and are sent
 * together, up to `maxCalls` calls per UserOperation, each in its own execution of a tolerant
 * batch (each keeps its own outcome). A lone action never waits. A joined operation the bundler
 * refuses is split in two and retried.
 */
export function sendCoalesced(
  context: SessionContext,
  session: SessionRuntime,
  part: Part,
  maxCalls: number,
): Promise<Operation> {
  let lane = lanes.get(session)
  if (!lane) {
    lane = { preparing: 0, waiting: [], scheduled: false }
    lanes.set(session, lane)
  }
  const current = lane
  return new Promise((resolve, reject) => {
    current.waiting.push({ ...part, resolve, reject })
    if (current.preparing < maxPreparing) flush(context, session, current, maxCalls)
    else if (!current.scheduled) {
      // The rest of a burst arrives within the same few ms: send what gathered by the next task.
      current.scheduled = true
      setTimeout(() => {
        current.scheduled = false
        flush(context, session, current, maxCalls)
      }, 0)
    }
  })
}

function flush(context: SessionContext, session: SessionRuntime, lane: Lane, maxCalls: number) {
  if (lane.waiting.length === 0) return
  const chunks: Waiting[][] = []
  let calls = 0
  for (const entry of lane.waiting.splice(0)) {
    const last = chunks[chunks.length - 1]
    if (last && calls + entry.rawCalls.length <= maxCalls) {
      last.push(entry)
      calls += entry.rawCalls.length
    } else {
      chunks.push([entry])
      calls = entry.rawCalls.length
    }
  }
  for (const chunk of chunks) send(context, session, lane, chunk, maxCalls)
}

function send(
  context: SessionContext,
  session: SessionRuntime,
  lane: Lane,
  chunk: Waiting[],
  maxCalls: number,
) {
  lane.preparing++
  sendOperation(context, session, { parts: chunk, lane: 'parallel' })
    .then(
      (operations) => {
        chunk.forEach((entry, i) => {
          entry.resolve(operations[i] as Operation)
        })
      },
      (error) => {
        // Too big for the bundler's simulation, or one action it would not accept: halve and retry.
        if (chunk.length > 1 && error instanceof BundlerError) {
          const middle = Math.ceil(chunk.length / 2)
          send(context, session, lane, chunk.slice(0, middle), maxCalls)
          send(context, session, lane, chunk.slice(middle), maxCalls)
        } else for (const entry of chunk) entry.reject(error)
      },
    )
    .finally(() => {
      lane.preparing--
      if (lane.waiting.length > 0 && lane.preparing < maxPreparing)
        flush(context, session, lane, maxCalls)
    })
}
