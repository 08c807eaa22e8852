'use client'
import {
  type GetSessionsData,
  type Policy,
  type Remaining,
  type SessionConfig,
  type SessionInfo,
  serializePolicy,
} from '@sessionkit/core'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { isGrantedFrom } from '../utils/matchPolicy.js'
import { useSessionScope } from '../utils/scope.js'
import { useDeadline } from '../utils/useDeadline.js'
import { useSessionConfig } from './useSessionConfig.js'
import { type UseSessionsErrorType, useSessions } from './useSessions.js'

/** Where the current session stands, from the app's point of view. */
export type SessionStatus = 'disconnected' | 'none' | 'active' | 'expired' | 'revoked' | 'exhausted'

export type UseSessionParameters = {
  config?: SessionConfig | undefined
  /**
   * The policy the app asks for. The hook picks the newest session granted from it (possibly
   * narrowed by the user); without it, the newest session of the account.
   */
  policy?: Policy<readonly unknown[]> | undefined
  /** Passed to the underlying sessions query (shared with `useSessions`). */
  query?:
    | {
        enabled?: boolean | undefined
        staleTime?: number | undefined
        refetchInterval?: number | false | undefined
      }
    | undefined
}

export type UseSessionReturnType = {
  status: SessionStatus
  /** The session the status is about (the usable one when there is one). `remaining.timeLeft` is left out: derive it from `expiresAt`. */
  session: SessionInfo | undefined
  /** Unix seconds. */
  expiresAt: number | undefined
  /** Actions and spend used and left. */
  remaining: Remaining | undefined
  /** The first load of the account's sessions is under way. */
  isPending: boolean
  error: UseSessionsErrorType | null
  refetch: () => Promise<unknown>
}

type Selected = { session: SessionInfo | undefined }

/**
 * The current usable session for the connected account, chain, app and policy, with its status,
 * expiry and what remains. Turns `expired` when the clock passes the expiry (one timer, no
 * refetch). https://sessionkit.dev/react/useSession
 */
export function useSession(parameters: UseSessionParameters = {}): UseSessionReturnType {
  const { policy } = parameters
  const policyKey = policy ? serializePolicy(policy as Policy) : undefined
  // The session shown last: when it ends (revoked, expired, exhausted) it stays the one shown.
  const shown = useRef<string | undefined>(undefined)
  const select = useCallback(
    (data: GetSessionsData): Selected => ({
      session: pick(data.sessions, policy as Policy | undefined, shown.current),
    }),
    [policyKey],
  )
  const config = useSessionConfig(parameters)
  const scope = useSessionScope(config)
  const query = useSessions<Selected>({
    config,
    query: { ...parameters.query, select },
  })
  const session = query.data?.session
  useEffect(() => {
    shown.current = session?.id
  }, [session?.id])
  const expiresAt = session?.expiresAt
  const passed = useDeadline(session?.state === 'active' ? expiresAt : undefined)
  const disconnected = scope.status === 'disconnected'
  const { refetch, isPending, error } = query

  return useMemo((): UseSessionReturnType => {
    let status: SessionStatus
    if (disconnected) status = 'disconnected'
    else if (!session) status = 'none'
    else if (session.state === 'active') status = passed ? 'expired' : 'active'
    else status = session.state as 'expired' | 'revoked' | 'exhausted'
    const current =
      session && status !== session.state
        ? { ...session, state: status as SessionInfo['state'] }
        : session
    return {
      status,
      session: current,
      expiresAt,
      remaining: current?.remaining,
      isPending: isPending && !disconnected,
      error,
      refetch,
    }
  }, [disconnected, session, passed, expiresAt, isPending, error, refetch])
}

const usable = new Set(['active', 'expired', 'revoked', 'exhausted'])

/**
 * Newest active session granted from `policy`; else the one shown before if it is still listed
 * (so a revoked session reads `revoked`); else the newest one that ended.
 */
function pick(
  sessions: readonly SessionInfo[],
  policy: Policy | undefined,
  shownId: string | undefined,
): SessionInfo | undefined {
  const candidates = sessions.filter(
    (s) => usable.has(s.state) && (!policy || isGrantedFrom(s.policy, policy)),
  )
  const chosen =
    candidates.find((s) => s.state === 'active') ??
    candidates.find((s) => s.id === shownId) ??
    candidates[0]
  if (!chosen) return undefined
  // Time left changes on every read; leaving it out keeps the result equal between refetches.
  const { timeLeft: _, ...remaining } = chosen.remaining
  return { ...chosen, remaining }
}
