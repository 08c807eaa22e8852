'use client'
import type { SessionState, SpendRemaining } from '@sessionkit/core'
import { type ComponentProps, createContext, type ReactNode, useContext } from 'react'
import { ConfirmDialog } from '../internal/confirm-dialog.js'
import { cx } from '../internal/cx.js'
import { MissingRootError } from '../internal/errors.js'
import { formatAmount, formatDuration, formatTimeLeftSpoken, fraction } from '../internal/format.js'
import { useNow } from '../internal/use-now.js'

/** One row of the list, as a thin wrapper maps it from stored sessions and `useSessionRemaining`. */
export type SessionListItem = {
  id: string
  app: { name: string; url?: string | undefined; icon?: string | undefined }
  /** Lifecycle state read from the chain. */
  state: SessionState
  /** One line, e.g. `move, attack on Dungeon · 0.05 ETH/day`; `describePolicy(...).text` works. */
  summary: string
  /** Unix seconds. */
  expiresAt?: number | undefined
  actionsUsed?: number | undefined
  actionsLeft?: number | undefined
  spend?: SpendRemaining[] | undefined
}

/** Badge shown per row, derived from `state`, the clock and what is left. */
export type SessionListStatus =
  | 'active'
  | 'expiring-soon'
  | 'expired'
  | 'revoked'
  | 'exhausted'
  | 'scheduled'
  | 'unknown'

const statusLabel: Record<SessionListStatus, string> = {
  active: 'Active',
  'expiring-soon': 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  exhausted: 'Exhausted',
  scheduled: 'Scheduled',
  unknown: 'Unknown',
}

/** Status of a row at `nowMs`; `expiringSoonSeconds` (default 300) decides when active turns amber. */
export function getSessionStatus(
  item: Pick<SessionListItem, 'state' | 'expiresAt' | 'actionsLeft'>,
  nowMs: number,
  expiringSoonSeconds = 300,
): SessionListStatus {
  if (item.state === 'revoked') return 'revoked'
  if (item.state === 'missing') return 'unknown'
  if (item.state === 'exhausted' || item.actionsLeft === 0) return 'exhausted'
  const secondsLeft = item.expiresAt !== undefined ? item.expiresAt - nowMs / 1000 : undefined
  if (item.state === 'expired' || (secondsLeft !== undefined && secondsLeft <= 0)) return 'expired'
  if (item.state === 'not-yet-valid') return 'scheduled'
  if (secondsLeft !== undefined && secondsLeft <= expiringSoonSeconds) return 'expiring-soon'
  return 'active'
}

const revocable = (status: SessionListStatus) =>
  status === 'active' || status === 'expiring-soon' || status === 'scheduled'

type ListContextValue = {
  sessions: SessionListItem[]
  loading: boolean
  nowMs: number
  expiringSoonSeconds: number
  revokingIds: readonly string[]
  revokingAll: boolean
  onRevoke: ((id: string) => void) | undefined
  onRevokeAll: (() => void) | undefined
}

const ListContext = createContext<ListContextValue | null>(null)

function useList(part: string): ListContextValue {
  const context = useContext(ListContext)
  if (!context) throw new MissingRootError({ component: 'ActiveSessionList', part })
  return context
}

export type ActiveSessionListRootProps = ComponentProps<'section'> & {
  sessions?: SessionListItem[] | undefined
  /** Shows skeleton rows (e.g. a query's `isPending`). */
  loading?: boolean | undefined
  /** Called after the person confirms revoking one session. */
  onRevoke?: ((id: string) => void) | undefined
  /** Called after the person confirms Revoke all; defaults to `onRevoke` for each revocable row. */
  onRevokeAll?: (() => void) | undefined
  /** Rows whose revoke transaction is in flight. */
  revokingIds?: readonly string[] | undefined
  revokingAll?: boolean | undefined
  /** Seconds before expiry at which a row shows "Expiring soon". Default 300. */
  expiringSoonSeconds?: number | undefined
  /** Fixed clock in ms (tests, stories); otherwise the list ticks every second. */
  now?: number | undefined
  /** Heading text. */
  title?: ReactNode
}

/** The connected account's sessions; renders Header, List and a live region when given no children. */
function Root({
  sessions = [],
  loading = false,
  onRevoke,
  onRevokeAll,
  revokingIds = [],
  revokingAll = false,
  expiringSoonSeconds = 300,
  now,
  title = 'Active sessions',
  className,
  children,
  ...props
}: ActiveSessionListRootProps) {
  const nowMs = useNow(now, 1000)
  const state = loading ? 'loading' : sessions.length === 0 ? 'empty' : 'ready'
  return (
    <ListContext.Provider
      value={{
        sessions,
        loading,
        nowMs,
        expiringSoonSeconds,
        revokingIds,
        revokingAll,
        onRevoke,
        onRevokeAll,
      }}
    >
      <section
        aria-label={typeof title === 'string' ? title : 'Active sessions'}
        data-slot="active-session-list"
        data-state={state}
        {...props}
        className={cx('sk-active-session-list', className)}
      >
        {children ?? (
          <>
            <Header title={title} />
            <List />
            <Announcer />
          </>
        )}
      </section>
    </ListContext.Provider>
  )
}

export type ActiveSessionListHeaderProps = ComponentProps<'div'> & { title?: ReactNode }

/** Heading with the count of revocable sessions and Revoke all. */
function Header({
  title = 'Active sessions',
  className,
  children,
  ...props
}: ActiveSessionListHeaderProps) {
  const { sessions, nowMs, expiringSoonSeconds, loading } = useList('Header')
  const live = sessions.filter((s) => revocable(getSessionStatus(s, nowMs, expiringSoonSeconds)))
  return (
    <div
      data-slot="active-session-list-header"
      {...props}
      className={cx('sk-active-session-list-header', className)}
    >
      <h2 data-slot="active-session-list-title" className="sk-active-session-list-title">
        {title}{' '}
        <span data-slot="active-session-list-count" className="sk-active-session-list-count">
          {loading ? '' : `(${live.length})`}
        </span>
      </h2>
      {children ?? <RevokeAll />}
    </div>
  )
}

export type ActiveSessionListRevokeAllProps = ComponentProps<'button'>

/** Revokes every active session after an AlertDialog confirmation. */
function RevokeAll({ className, children, ...props }: ActiveSessionListRevokeAllProps) {
  const { sessions, nowMs, expiringSoonSeconds, onRevoke, onRevokeAll, revokingAll, loading } =
    useList('RevokeAll')
  const ids = sessions
    .filter((s) => revocable(getSessionStatus(s, nowMs, expiringSoonSeconds)))
    .map((s) => s.id)
  const disabled = loading || ids.length === 0 || revokingAll || (!onRevokeAll && !onRevoke)
  const button = (
    <button
      type="button"
      data-slot="active-session-list-revoke-all"
      data-state={revokingAll ? 'pending' : 'idle'}
      data-sk-button=""
      data-variant="danger"
      disabled={disabled}
      {...props}
      className={cx('sk-active-session-list-revoke-all', className)}
    >
      {children ?? (revokingAll ? 'Revoking…' : 'Revoke all')}
    </button>
  )
  if (disabled) return button
  return (
    <ConfirmDialog
      slot="active-session-list-revoke-all"
      trigger={button}
      title={`Revoke all ${ids.length} ${ids.length === 1 ? 'session' : 'sessions'}?`}
      description="Every game listed will have to ask for your approval again before it can act for you."
      confirmLabel="Revoke all"
      onConfirm={() => {
        if (onRevokeAll) onRevokeAll()
        else for (const id of ids) onRevoke?.(id)
      }}
    />
  )
}

export type ActiveSessionListListProps = ComponentProps<'ul'>

/** The rows, or skeletons while loading, or the empty message; keeps a minimum height in every state. */
function List({ className, children, ...props }: ActiveSessionListListProps) {
  const { sessions, loading } = useList('List')
  const state = loading ? 'loading' : sessions.length === 0 ? 'empty' : 'ready'
  return (
    <ul
      aria-label="Sessions"
      aria-busy={loading}
      data-slot="active-session-list-items"
      data-state={state}
      {...props}
      className={cx('sk-active-session-list-items', className)}
    >
      {children ??
        (loading ? (
          <Loading />
        ) : sessions.length === 0 ? (
          <Empty />
        ) : (
          sessions.map((session) => <Item key={session.id} session={session} />)
        ))}
    </ul>
  )
}

export type ActiveSessionListLoadingProps = ComponentProps<'li'>

/** Skeleton row shown while sessions load. */
function Loading({ className, children, ...props }: ActiveSessionListLoadingProps) {
  return (
    <li
      data-slot="active-session-list-loading"
      {...props}
      className={cx('sk-active-session-list-loading', className)}
    >
      {children ?? (
        <>
          <span data-sk-visually-hidden="">Loading sessions…</span>
          <span
            aria-hidden="true"
            data-slot="active-session-list-skeleton"
            className="sk-active-session-list-skeleton"
          />
          <span
            aria-hidden="true"
            data-slot="active-session-list-skeleton"
            className="sk-active-session-list-skeleton"
          />
          <span
            aria-hidden="true"
            data-slot="active-session-list-skeleton"
            className="sk-active-session-list-skeleton"
          />
        </>
      )}
    </li>
  )
}

export type ActiveSessionListEmptyProps = ComponentProps<'li'>

/** Shown when there are no sessions. */
function Empty({ className, children, ...props }: ActiveSessionListEmptyProps) {
  return (
    <li
      data-slot="active-session-list-empty"
      {...props}
      className={cx('sk-active-session-list-empty', className)}
    >
      {children ?? (
        <>
          <strong>No sessions yet.</strong> Games you approve will show up here, and you can revoke
          them at any time.
        </>
      )}
    </li>
  )
}

function spendText(item: SpendRemaining): { used: string; left: string; label: string } {
  const symbol = item.token.symbol ?? 'tokens'
  const period = item.period ? ` per ${item.period}` : ''
  return {
    used: `${formatAmount(item.used, item.token.decimals)} ${symbol}`,
    left: `${formatAmount(item.left, item.token.decimals)} ${symbol}`,
    label: `${symbol} spend${period}`,
  }
}

export type ActiveSessionListItemProps = ComponentProps<'li'> & { session: SessionListItem }

/** One session: app, status badge, summary, actions and spend used/left, countdown and Revoke. */
function Item({ session, className, ...props }: ActiveSessionListItemProps) {
  const { nowMs, expiringSoonSeconds, revokingIds, onRevoke } = useList('Item')
  const status = getSessionStatus(session, nowMs, expiringSoonSeconds)
  const revoking = revokingIds.includes(session.id)
  const secondsLeft = session.expiresAt !== undefined ? session.expiresAt - nowMs / 1000 : undefined
  const actionsTotal =
    session.actionsLeft !== undefined && session.actionsUsed !== undefined
      ? session.actionsLeft + session.actionsUsed
      : undefined
  const canRevoke = revocable(status) && !revoking && onRevoke !== undefined
  const revokeButton = (
    <button
      type="button"
      data-slot="active-session-list-revoke"
      data-state={revoking ? 'pending' : 'idle'}
      data-sk-button=""
      data-variant="default"
      disabled={!canRevoke}
      className="sk-active-session-list-revoke"
    >
      {revoking ? 'Revoking' : 'Revoke'}
      <span data-sk-visually-hidden=""> {session.app.name} session</span>
      {revoking ? '…' : null}
    </button>
  )
  return (
    <li
      data-slot="active-session-list-item"
      data-state={status}
      aria-label={`${session.app.name}, ${statusLabel[status]}`}
      {...props}
      className={cx('sk-active-session-list-item', className)}
    >
      <div data-slot="active-session-list-app" className="sk-active-session-list-app">
        <span data-slot="active-session-list-app-icon" className="sk-active-session-list-app-icon">
          {session.app.icon ? (
            <img src={session.app.icon} alt="" width={32} height={32} />
          ) : (
            session.app.name.slice(0, 1)
          )}
        </span>
        <span data-slot="active-session-list-app-text" className="sk-active-session-list-app-text">
          <span
            data-slot="active-session-list-app-name"
            className="sk-active-session-list-app-name"
          >
            {session.app.name}
          </span>
          {session.app.url ? (
            <span
              data-slot="active-session-list-app-url"
              className="sk-active-session-list-app-url"
            >
              {session.app.url.replace(/^https?:\/\//, '')}
            </span>
          ) : null}
        </span>
        <span
          data-slot="active-session-list-status"
          data-variant={status}
          className="sk-active-session-list-status"
        >
          {statusLabel[status]}
        </span>
      </div>
      <p data-slot="active-session-list-summary" className="sk-active-session-list-summary">
        {session.summary}
      </p>
      <dl data-slot="active-session-list-stats" className="sk-active-session-list-stats">
        <div data-slot="active-session-list-stat" data-variant="time">
          <dt>{secondsLeft !== undefined && secondsLeft <= 0 ? 'Expired' : 'Expires in'}</dt>
          <dd>
            {session.expiresAt === undefined ? (
              'No expiry'
            ) : (
              <time
                data-slot="active-session-list-countdown"
                dateTime={new Date(session.expiresAt * 1000).toISOString()}
                title={new Date(session.expiresAt * 1000).toLocaleString()}
              >
                {secondsLeft !== undefined && secondsLeft > 0
                  ? formatDuration(secondsLeft)
                  : `${formatDuration(-(secondsLeft ?? 0))} ago`}
              </time>
            )}
          </dd>
        </div>
        <div data-slot="active-session-list-stat" data-variant="actions">
          <dt>Actions</dt>
          <dd>
            {session.actionsLeft === undefined
              ? 'Unlimited'
              : `${session.actionsUsed ?? 0} used · ${session.actionsLeft} left`}
            {actionsTotal ? (
              <Bar
                label={`${session.app.name} actions used`}
                used={session.actionsUsed ?? 0}
                total={actionsTotal}
              />
            ) : null}
          </dd>
        </div>
        {(session.spend ?? []).map((item) => {
          const text = spendText(item)
          return (
            <div
              key={`${String(item.token.address)}-${item.period ?? 'total'}`}
              data-slot="active-session-list-stat"
              data-variant="spend"
            >
              <dt>{text.label}</dt>
              <dd>
                {text.used} used · {text.left} left
                <Bar
                  label={`${session.app.name} ${text.label} used`}
                  used={item.used}
                  total={item.limit}
                />
              </dd>
            </div>
          )
        })}
      </dl>
      <div
        data-slot="active-session-list-item-actions"
        className="sk-active-session-list-item-actions"
      >
        {canRevoke ? (
          <ConfirmDialog
            slot="active-session-list-revoke"
            trigger={revokeButton}
            title={`Revoke ${session.app.name}'s session?`}
            description={`${session.app.name} will have to ask for your approval again before it can act for you. Your wallet sends one transaction to disable the permission.`}
            confirmLabel="Revoke session"
            onConfirm={() => onRevoke?.(session.id)}
          />
        ) : (
          revokeButton
        )}
      </div>
    </li>
  )
}

function Bar({
  label,
  used,
  total,
}: {
  label: string
  used: bigint | number
  total: bigint | number
}) {
  const percent = Math.round(fraction(used, total) * 100)
  return (
    // biome-ignore lint/a11y/useSemanticElements: a styled bar; native <meter> cannot be themed with tokens
    <span
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% used`}
      data-slot="active-session-list-bar"
      className="sk-active-session-list-bar"
    >
      <span className="sk-active-session-list-bar-fill" style={{ inlineSize: `${percent}%` }} />
    </span>
  )
}

export type ActiveSessionListAnnouncerProps = ComponentProps<'div'>

/**
 * Polite live region for the countdowns. It names only sessions about to expire (in whole minutes,
 * so it changes at most once a minute) and those that ran out of time, not every second's tick.
 */
function Announcer({ className, ...props }: ActiveSessionListAnnouncerProps) {
  const { sessions, nowMs, expiringSoonSeconds } = useList('Announcer')
  const messages: string[] = []
  for (const session of sessions) {
    const status = getSessionStatus(session, nowMs, expiringSoonSeconds)
    if (status === 'expiring-soon' && session.expiresAt !== undefined)
      messages.push(
        `${session.app.name} session: ${formatTimeLeftSpoken(session.expiresAt - nowMs / 1000)}.`,
      )
    else if (status === 'expired' && session.state === 'active')
      messages.push(`${session.app.name} session expired.`)
  }
  return (
    <div
      role="status"
      data-slot="active-session-list-announcer"
      data-sk-visually-hidden=""
      {...props}
      className={cx('sk-active-session-list-announcer', className)}
    >
      {messages.join(' ')}
    </div>
  )
}

/** The connected account's sessions: `Root`, `Header`, `RevokeAll`, `List`, `Item`, `Loading`, `Empty`, `Announcer`. */
export const ActiveSessionList = { Root, Header, RevokeAll, List, Item, Loading, Empty, Announcer }
