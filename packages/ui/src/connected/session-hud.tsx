'use client'
import type { Policy, Remaining, SessionConfig, SessionInfo } from '@sessionkit/core'
import { type SessionStatus, useSession } from '@sessionkit/react'
import type { ReactNode } from 'react'
import { SessionMeter, type SessionMeterRootProps } from '../session-meter/session-meter.js'

export type SessionHudProps = Omit<SessionMeterRootProps, 'remaining' | 'onRenew'> & {
  /** The policy the app asks for; the HUD follows the newest session granted from it. */
  policy?: Policy<readonly unknown[]> | undefined
  /** Use this session config instead of the nearest `SessionProvider`'s. */
  config?: SessionConfig | undefined
  /** Shows Renew once time, actions or spend run low (or the session ended). */
  onRenew?:
    | ((current: { status: SessionStatus; session: SessionInfo | undefined }) => void)
    | undefined
  /** Rendered instead of the meter while there is no session (disconnected, none, loading). */
  fallback?: ReactNode
}

/**
 * `SessionMeter` wired to `useSession({ policy })`: time, actions and spend left of the current
 * session, with Renew when it runs low. A revoked or expired session reads as out of time.
 */
export function SessionHud({
  policy,
  config,
  onRenew,
  fallback = null,
  durationSeconds,
  ...props
}: SessionHudProps) {
  const current = useSession({ config, policy })
  const { session, status } = current
  if (!session || !current.remaining) return <>{fallback}</>
  // A revoked or expired session has no time left, whatever the meter's once-a-second clock says.
  const ended = status === 'revoked' || status === 'expired'
  const remaining: Remaining = ended
    ? { ...current.remaining, expiresAt: undefined, timeLeft: 0 }
    : { ...current.remaining, expiresAt: current.expiresAt ?? current.remaining.expiresAt }
  return (
    <SessionMeter.Root
      data-session-status={status}
      {...props}
      remaining={remaining}
      durationSeconds={
        durationSeconds ??
        (session.expiresAt !== undefined
          ? session.expiresAt - Math.floor(session.createdAt / 1000)
          : undefined)
      }
      onRenew={onRenew ? () => onRenew({ status, session }) : undefined}
    />
  )
}
