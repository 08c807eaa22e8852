import type { SessionConfig } from '../../createSessionConfig.js'
import type { SessionContext } from '../../engines/context.js'
import { loadSession, type SessionRuntime } from '../../engines/loadSession.js'
import type { PendingCalls, UsageSnapshot } from '../../engines/usage.js'
import { BaseError } from '../../errors/base.js'
import {
  SessionExhaustedError,
  SessionExpiredError,
  SessionMissingError,
  SessionParameterError,
  SessionRevokedError,
  SessionScopeError,
} from '../../errors/session.js'
import { SessionNotFoundError } from '../../errors/storage.js'
import { checkCalls, type PolicySession } from '../../policy/checkCalls.js'
import type { PolicyCall } from '../../policy/toRawCall.js'
import type { CheckResult, PolicyUsage } from '../../policy/types.js'

/** Loads the session `id` of the connected scope, or the newest usable one whose policy allows `calls`. */
export async function resolveSession(
  config: SessionConfig,
  context: SessionContext,
  parameters: { id?: string | undefined; calls?: readonly PolicyCall[] | undefined },
): Promise<SessionRuntime> {
  const { id, calls } = parameters
  if (id !== undefined) {
    if (typeof id !== 'string' || id.length === 0)
      throw new SessionParameterError({ parameter: 'id', message: 'must be a session id string.' })
    const stored = await config.storage.get(id, context.scope)
    if (!stored) throw new SessionNotFoundError({ sessionId: id })
    return loadSession(context.engine, stored)
  }
  const { sessions } = await config.storage.list(context.scope)
  const now = Math.floor(Date.now() / 1000)
  let fallback: SessionRuntime | undefined
  for (const stored of sessions) {
    if (stored.revokedAt !== undefined) continue
    let runtime: SessionRuntime
    try {
      runtime = await loadSession(context.engine, stored)
    } catch {
      continue
    }
    fallback ??= runtime
    if (!calls) return runtime
    const result = checkCalls({
      session: { policy: runtime.policy, grantedAt: runtime.grantedAt },
      calls,
      now,
    })
    if (result.allowed) return runtime
  }
  if (fallback) return fallback
  throw new SessionNotFoundError({ sessionId: '(any usable session)' })
}

/**
 * Checks calls against a loaded session with its on-chain usage (reused briefly) and the calls
 * sent since. With `throwOnRefusal`, a refusal becomes the matching typed error.
 */
export async function checkLoaded(
  session: SessionRuntime,
  calls: readonly PolicyCall[],
  options: {
    throwOnRefusal?: boolean | undefined
    fresh?: boolean | undefined
    /** Leave a due background refresh to `usage.revalidate()` (after the send). */
    defer?: boolean | undefined
    /** Count allowed calls as pending at once (before any other check can run). */
    track?: boolean | undefined
    /** @internal Set on the one re-check after pending receipts were followed. */
    recheck?: boolean | undefined
  } = {},
): Promise<CheckResult & { tracked?: PendingCalls | undefined }> {
  let snapshot: Awaited<ReturnType<typeof session.usage.get>>
  try {
    snapshot = await session.usage.get({ fresh: options.fresh, defer: options.defer })
  } catch (cause) {
    throw new BaseError(
      'Could not read the session from the chain. Check the RPC, then try again.',
      {
        cause,
      },
    )
  }
  const sessionId = session.stored.id
  if (!snapshot.managerDeployed) {
    if (options.throwOnRefusal) throw new SessionMissingError({ sessionId })
  }
  const now = await session.engine.now()
  // Read after the last await: what other actions counted as pending meanwhile must be seen.
  const entries = session.usage.pending(snapshot)
  const policySession = {
    policy: session.policy,
    grantedAt: session.grantedAt,
    revoked: session.stored.revokedAt !== undefined,
  }
  // Actions already sent were allowed: check the new calls on top of their effect, kept from the
  // previous check while the snapshot, the second and the older pending actions are the same
  // (a burst then checks each action once, not every pending one again).
  const base = onPending(session, snapshot, now, entries, policySession)
  const tracked = (result: CheckResult) =>
    result.allowed && options.track ? { ...result, tracked: session.usage.track(calls) } : result
  if (base) {
    const result = checkCalls({ session: policySession, calls, usage: base, now })
    if (result.allowed) return tracked(result)
  }
  const pending = entries.flatMap((entry) => entry.calls)
  const result = checkCalls({
    session: policySession,
    calls: [...pending, ...calls],
    usage: snapshot.usage,
    now,
  })
  if (result.allowed) return tracked(result)
  // Refused with sent actions whose receipts are not followed yet: the snapshot may already count
  // them. Wait (briefly) until they are followed, then check once more on a fresh read.
  const unfollowed = entries.filter((entry) => entry.landedIn === undefined && entry.followed)
  if (!options.recheck && unfollowed.length > 0) {
    await Promise.race([
      Promise.all(unfollowed.map((entry) => entry.followed)),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ])
    return checkLoaded(session, calls, { ...options, fresh: true, recheck: true })
  }
  const reason = { ...result.reason }
  if (reason.callIndex !== undefined)
    reason.callIndex =
      reason.callIndex >= pending.length ? reason.callIndex - pending.length : undefined
  const refused: CheckResult = { ...result, reason }
  if (!options.throwOnRefusal) return refused
  switch (reason.code) {
    case 'expired':
      throw new SessionExpiredError({ sessionId, expiresAt: session.stored.expiresAt })
    case 'revoked':
      throw new SessionRevokedError({ sessionId })
    case 'calls-exhausted':
      throw new SessionExhaustedError({ sessionId, reason })
    default:
      throw new SessionScopeError({ sessionId, reason })
  }
}

type PendingState = {
  snapshot: UsageSnapshot
  now: number
  entries: readonly PendingCalls[]
  usage: PolicyUsage | undefined
}

const pendingStates = new WeakMap<SessionRuntime, PendingState>()

/** The usage once the pending actions apply, or undefined when they would not all be allowed. */
function onPending(
  session: SessionRuntime,
  snapshot: UsageSnapshot,
  now: number,
  entries: readonly PendingCalls[],
  policySession: PolicySession,
): PolicyUsage | undefined {
  let state = pendingStates.get(session)
  if (
    !state ||
    state.snapshot !== snapshot ||
    state.now !== now ||
    state.entries.length > entries.length ||
    state.entries.some((entry, i) => entry !== entries[i])
  )
    state = { snapshot, now, entries: [], usage: snapshot.usage }
  const added = entries.slice(state.entries.length).flatMap((entry) => entry.calls)
  if (added.length > 0) {
    const after: { usage?: PolicyUsage } = {}
    const result = checkCalls(
      { session: policySession, calls: added, usage: state.usage, now },
      after,
    )
    if (!result.allowed) {
      pendingStates.delete(session)
      return undefined
    }
    state = { snapshot, now, entries: [...entries], usage: after.usage }
  }
  pendingStates.set(session, state)
  return state.usage
}
