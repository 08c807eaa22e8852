'use client'
import type {
  RevokeSessionErrorType,
  RevokeSessionReturnType,
  SessionConfig,
  SessionInfo,
} from '@sessionkit/core'
import { type UseSessionsErrorType, useRevokeSession, useSessions } from '@sessionkit/react'
import { useMemo, useState } from 'react'
import {
  ActiveSessionList,
  type ActiveSessionListRootProps,
} from '../active-session-list/active-session-list.js'
import { toSessionListItem } from './session-list-item.js'

export type SessionListProps = Omit<
  ActiveSessionListRootProps,
  'sessions' | 'loading' | 'onRevoke' | 'onRevokeAll' | 'revokingIds' | 'revokingAll'
> & {
  /** Use this session config instead of the nearest `SessionProvider`'s. */
  config?: SessionConfig | undefined
  /** Which sessions to show; all of the account's sessions for this app and chain by default. */
  filter?: ((session: SessionInfo) => boolean) | undefined
  /** After a revocation landed (one session or all). */
  onRevoked?: ((data: RevokeSessionReturnType) => void) | undefined
  onRevokeError?: ((error: RevokeSessionErrorType) => void) | undefined
}

/** The error a person sees under the list: a failed load or a failed revocation. */
export type SessionListErrorType = UseSessionsErrorType | RevokeSessionErrorType

/**
 * `ActiveSessionList` wired to `useSessions` (live state, expiry, actions and spend used / left)
 * and `useRevokeSession` (Revoke one, Revoke all, one wallet prompt each), with loading, empty and
 * error states.
 */
export function SessionList({
  config,
  filter,
  onRevoked,
  onRevokeError,
  children,
  ...props
}: SessionListProps) {
  const sessions = useSessions({ config })
  const [revokingIds, setRevokingIds] = useState<readonly string[]>([])
  const [revokingAll, setRevokingAll] = useState(false)
  const revoke = useRevokeSession({
    config,
    mutation: {
      onMutate: (variables) => {
        if (variables.all) setRevokingAll(true)
        else if (variables.id) setRevokingIds((ids) => [...ids, variables.id as string])
      },
      onSettled: (_data, _error, variables) => {
        if (variables.all) setRevokingAll(false)
        else setRevokingIds((ids) => ids.filter((id) => id !== variables.id))
      },
      onSuccess: (data) => onRevoked?.(data),
      onError: (error) => onRevokeError?.(error),
    },
  })
  const rows = useMemo(
    () =>
      (sessions.data?.sessions ?? []).filter((s) => !filter || filter(s)).map(toSessionListItem),
    [sessions.data, filter],
  )
  const error = revoke.error ?? sessions.error

  return (
    <ActiveSessionList.Root
      {...props}
      sessions={rows}
      loading={sessions.isPending && sessions.fetchStatus !== 'idle'}
      onRevoke={(id) => revoke.mutate({ id })}
      onRevokeAll={() => revoke.mutate({ all: true })}
      revokingIds={revokingAll ? rows.map((row) => row.id) : revokingIds}
      revokingAll={revokingAll}
      data-error={error ? '' : undefined}
    >
      {children ?? (
        <>
          <ActiveSessionList.Header title={props.title} />
          <ActiveSessionList.List />
          <p
            role="alert"
            data-slot="active-session-list-error"
            className="sk-active-session-list-error"
          >
            {error ? (error.shortMessage ?? error.message) : null}
          </p>
          <ActiveSessionList.Announcer />
        </>
      )}
    </ActiveSessionList.Root>
  )
}
