'use client'
import type { Remaining, SpendRemaining } from '@sessionkit/core'
import { type ComponentProps, createContext, useContext } from 'react'
import { cx } from '../internal/cx.js'
import { MissingRootError } from '../internal/errors.js'
import { formatAmount, formatDuration, formatTimeLeftSpoken, fraction } from '../internal/format.js'
import { useNow } from '../internal/use-now.js'

export type MeterState = 'ok' | 'low' | 'empty'

export type SessionMeterThresholds = {
  /** Time left at or under which the meter is low. Default 300 s. */
  seconds?: number | undefined
  /** Actions left at or under which the meter is low. Default 20% of the total, at least 1. */
  actions?: number | undefined
  /** Share of a spend limit left at or under which it is low. Default 0.2. */
  spendFraction?: number | undefined
}

/** Computed view of a `Remaining`: one state per metric and for the whole meter. */
export type SessionMeterModel = {
  state: MeterState
  time: { state: MeterState; secondsLeft: number | undefined; fraction: number | undefined }
  actions: { state: MeterState; left: number | undefined; total: number | undefined }
  spend: { state: MeterState; item: SpendRemaining }[]
}

/** Derives per-metric low/empty states from a session's remaining budget at time `nowMs`. */
export function getSessionMeterModel(
  remaining: Remaining,
  options: {
    nowMs: number
    durationSeconds?: number | undefined
    thresholds?: SessionMeterThresholds
  },
): SessionMeterModel {
  const t = options.thresholds ?? {}
  const secondsLeft =
    remaining.expiresAt !== undefined
      ? Math.max(0, remaining.expiresAt - Math.floor(options.nowMs / 1000))
      : remaining.timeLeft
  const timeState: MeterState =
    secondsLeft === undefined
      ? 'ok'
      : secondsLeft <= 0
        ? 'empty'
        : secondsLeft <= (t.seconds ?? 300)
          ? 'low'
          : 'ok'
  const left = remaining.actionsLeft
  const total =
    left !== undefined && remaining.actionsUsed !== undefined
      ? left + remaining.actionsUsed
      : undefined
  const lowActions = t.actions ?? Math.max(1, Math.ceil((total ?? 10) * 0.2))
  const actionsState: MeterState =
    left === undefined ? 'ok' : left <= 0 ? 'empty' : left <= lowActions ? 'low' : 'ok'
  const spend = remaining.spend.map((item) => {
    const share = fraction(item.left, item.limit)
    const state: MeterState =
      item.left <= 0n
        ? 'empty'
        : item.limit > 0n && share <= (t.spendFraction ?? 0.2)
          ? 'low'
          : 'ok'
    return { state, item }
  })
  const states = [timeState, actionsState, ...spend.map((s) => s.state)]
  const state: MeterState =
    timeState === 'empty' || actionsState === 'empty'
      ? 'empty'
      : states.some((s) => s !== 'ok')
        ? 'low'
        : 'ok'
  return {
    state,
    time: {
      state: timeState,
      secondsLeft,
      fraction:
        secondsLeft !== undefined && options.durationSeconds
          ? fraction(secondsLeft, options.durationSeconds)
          : undefined,
    },
    actions: { state: actionsState, left, total },
    spend,
  }
}

type SessionMeterContextValue = { model: SessionMeterModel; onRenew: (() => void) | undefined }
const SessionMeterContext = createContext<SessionMeterContextValue | null>(null)

function useSessionMeter(part: string): SessionMeterContextValue {
  const context = useContext(SessionMeterContext)
  if (!context) throw new MissingRootError({ component: 'SessionMeter', part })
  return context
}

export type SessionMeterRootProps = ComponentProps<'div'> & {
  /** What the session has left, as `useSessionRemaining` (or core's `getRemaining`) returns it. */
  remaining: Remaining
  /** Full length of the session, to draw the time bar. */
  durationSeconds?: number | undefined
  thresholds?: SessionMeterThresholds | undefined
  /** Shows the Renew button once any metric runs low. */
  onRenew?: (() => void) | undefined
  /** Fixed clock in ms (tests, stories); otherwise the meter ticks every second. */
  now?: number | undefined
  /** Accessible name of the group. */
  label?: string | undefined
}

/** Compact budget and expiry meter for a game HUD; renders all parts when given no children. */
function Root({
  remaining,
  durationSeconds,
  thresholds,
  onRenew,
  now,
  label = 'Session budget',
  className,
  children,
  ...props
}: SessionMeterRootProps) {
  const nowMs = useNow(now, 1000)
  const model = getSessionMeterModel(remaining, { nowMs, durationSeconds, thresholds })
  return (
    <SessionMeterContext.Provider value={{ model, onRenew }}>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of meters, not a form fieldset */}
      <div
        role="group"
        aria-label={label}
        data-slot="session-meter"
        data-state={model.state}
        {...props}
        className={cx('sk-session-meter', className)}
      >
        {children ?? (
          <>
            <Time />
            <Actions />
            <Spend />
            <Renew />
          </>
        )}
      </div>
    </SessionMeterContext.Provider>
  )
}

function Bar({ value, label, text }: { value: number; label: string; text: string }) {
  const percent = Math.round(value * 100)
  return (
    // biome-ignore lint/a11y/useSemanticElements: a styled bar; native <meter> cannot be themed with tokens
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
      data-slot="session-meter-bar"
      className="sk-session-meter-bar"
    >
      <div
        data-slot="session-meter-bar-fill"
        className="sk-session-meter-bar-fill"
        style={{ inlineSize: `${percent}%` }}
      />
    </div>
  )
}

export type SessionMeterTimeProps = ComponentProps<'div'>

/** Time left, with a polite live region that speaks at most once a minute. */
function Time({ className, ...props }: SessionMeterTimeProps) {
  const { model } = useSessionMeter('Time')
  const { secondsLeft, state, fraction: share } = model.time
  const text =
    secondsLeft === undefined
      ? 'No expiry'
      : secondsLeft <= 0
        ? 'Expired'
        : formatDuration(secondsLeft)
  return (
    <div
      data-slot="session-meter-time"
      data-state={state}
      {...props}
      className={cx('sk-session-meter-item', className)}
    >
      <span data-slot="session-meter-label" className="sk-session-meter-label">
        Time
      </span>
      <span data-slot="session-meter-value" className="sk-session-meter-value">
        {text}
      </span>
      {share !== undefined ? (
        <Bar value={share} label="Time left" text={text} />
      ) : (
        <span data-slot="session-meter-bar-placeholder" className="sk-session-meter-bar" />
      )}
      <span role="status" data-slot="session-meter-live" data-sk-visually-hidden="">
        {secondsLeft === undefined ? '' : `Session ${formatTimeLeftSpoken(secondsLeft)}`}
      </span>
    </div>
  )
}

export type SessionMeterActionsProps = ComponentProps<'div'>

/** Actions left out of the total. */
function Actions({ className, ...props }: SessionMeterActionsProps) {
  const { model } = useSessionMeter('Actions')
  const { left, total, state } = model.actions
  const text =
    left === undefined ? 'Unlimited' : total !== undefined ? `${left} / ${total}` : `${left}`
  return (
    <div
      data-slot="session-meter-actions"
      data-state={state}
      {...props}
      className={cx('sk-session-meter-item', className)}
    >
      <span data-slot="session-meter-label" className="sk-session-meter-label">
        Actions
      </span>
      <span data-slot="session-meter-value" className="sk-session-meter-value">
        {text}
      </span>
      {left !== undefined && total ? (
        <Bar
          value={fraction(left, total)}
          label="Actions left"
          text={`${left} of ${total} actions left`}
        />
      ) : (
        <span data-slot="session-meter-bar-placeholder" className="sk-session-meter-bar" />
      )}
    </div>
  )
}

export type SessionMeterSpendProps = ComponentProps<'div'>

/** Spend left per token limit; one row per limit. */
function Spend({ className, ...props }: SessionMeterSpendProps) {
  const { model } = useSessionMeter('Spend')
  if (model.spend.length === 0) return null
  const state: MeterState = model.spend.some((s) => s.state === 'empty')
    ? 'empty'
    : model.spend.some((s) => s.state === 'low')
      ? 'low'
      : 'ok'
  return (
    <div
      data-slot="session-meter-spend"
      data-state={state}
      {...props}
      className={cx('sk-session-meter-item', className)}
    >
      <span data-slot="session-meter-label" className="sk-session-meter-label">
        Spend
      </span>
      {model.spend.map(({ item, state: itemState }) => {
        const symbol = item.token.symbol ?? 'tokens'
        const left = formatAmount(item.left, item.token.decimals)
        const limit = formatAmount(item.limit, item.token.decimals)
        const period = item.period ? ` per ${item.period}` : ''
        return (
          <span
            key={`${String(item.token.address)}-${item.period ?? 'total'}`}
            data-slot="session-meter-spend-item"
            data-state={itemState}
            className="sk-session-meter-spend-item"
          >
            <span data-slot="session-meter-value" className="sk-session-meter-value">
              {left} {symbol}
            </span>
            <Bar
              value={fraction(item.left, item.limit)}
              label={`${symbol} left${period}`}
              text={`${left} of ${limit} ${symbol} left${period}`}
            />
          </span>
        )
      })}
    </div>
  )
}

export type SessionMeterRenewProps = ComponentProps<'button'>

/** Renew button; takes its space always (no layout shift) but shows only when something runs low. */
function Renew({ className, children, onClick, ...props }: SessionMeterRenewProps) {
  const { model, onRenew } = useSessionMeter('Renew')
  const visible = onRenew !== undefined && model.state !== 'ok'
  return (
    <button
      type="button"
      data-slot="session-meter-renew"
      data-state={visible ? 'visible' : 'hidden'}
      data-variant={model.state === 'empty' ? 'primary' : 'default'}
      data-sk-button=""
      disabled={!visible}
      onClick={(event) => {
        onClick?.(event)
        if (!event.defaultPrevented) onRenew?.()
      }}
      {...props}
      className={cx('sk-session-meter-renew', className)}
    >
      {children ?? 'Renew'}
    </button>
  )
}

/** Compact HUD meter: `Root`, `Time`, `Actions`, `Spend`, `Renew`. */
export const SessionMeter = { Root, Time, Actions, Spend, Renew }
