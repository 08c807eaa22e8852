import type { SessionConfig } from '../../createSessionConfig.js'
import type { SessionContext } from '../../engines/context.js'
import { loadSession, type SessionRuntime } from '../../engines/loadSession.js'
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
import { checkCalls } from '../../policy/checkCalls.js'
import type { PolicyCall } from '../../policy/toRawCall.js'
import type { CheckResult } from '../../policy/types.js'

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
  } = {},
): Promise<CheckResult> {
  let snapshot: Awaited<ReturnType<typeof session.usage.get>>
  try {
    snapshot = await session.usage.get({ fresh: options.fresh, defer: options.defer })
  } catch (cause) {
    throw new BaseError(
      'Could not read the session’s state from the chain. Check the RPC connection, then try again.',
      {
        cause,
      },
    )
  }
  const sessionId = session.stored.id
  if (!snapshot.managerDeployed) {
    if (options.throwOnRefusal) throw new SessionMissingError({ sessionId })
  }
  const pending = session.usage.pending(snapshot)
  const now = await session.engine.now()
  const result = checkCalls({
    session: {
      policy: session.policy,
      grantedAt: session.grantedAt,
      revoked: session.stored.revokedAt !== undefined,
    },
    calls: [...pending, ...calls],
    usage: snapshot.usage,
    now,
  })
  if (result.allowed) return result
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
