'use client'
import type { PolicyDescription, PolicyLine, RiskFlag } from '@sessionkit/core'
import { Dialog, RadioGroup, Switch } from 'radix-ui'
import {
  type ComponentProps,
  createContext,
  type ReactNode,
  useContext,
  useId,
  useState,
} from 'react'
import { cx } from '../internal/cx.js'
import { MissingRootError } from '../internal/errors.js'
import { formatDuration } from '../internal/format.js'
import { useControllableState } from '../internal/use-controllable-state.js'
import { usePortalTheme } from '../theme/theme.js'
import {
  clampDuration,
  type DurationOption,
  defaultDuration,
  defaultDurationOptions,
  minDurationSeconds,
  policyMaxDuration,
} from './duration.js'
import { type ConsentExpand, describeAddition } from './expand.js'

/** The app asking for a session, as shown in the dialog header. */
export type ConsentApp = { name: string; url?: string | undefined; icon?: string | undefined }

/** What the person approved: how long, and which optional permissions they switched off. */
export type ConsentSelection = { durationSeconds: number; excludedLineIds: string[] }

/** `pending` while the wallet prompt is open; `error` after it failed. */
export type ConsentStatus = 'idle' | 'pending' | 'error'

/** Any typed Sessionkit/viem error (or plain Error); `shortMessage` is preferred when present. */
export type ConsentError = { name?: string; shortMessage?: string | undefined; message: string }

type ConsentDialogContextValue = {
  app: ConsentApp
  mode: 'request' | 'expand'
  expand: ConsentExpand | undefined
  lines: PolicyLine[]
  risks: RiskFlag[]
  status: ConsentStatus
  error: ConsentError | null | undefined
  durationOptions: readonly DurationOption[]
  maxDurationSeconds: number | undefined
  duration: number
  setDuration: (seconds: number) => void
  customDuration: { active: boolean; text: string; valid: boolean; capped: boolean }
  setCustomDuration: (next: { active: boolean; text: string }) => void
  excluded: string[]
  toggleLine: (id: string, enabled: boolean) => void
  canApprove: boolean
  approve: () => void
  retry: () => void
  deny: () => void
}

const ConsentDialogContext = createContext<ConsentDialogContextValue | null>(null)

function useConsentDialog(part: string): ConsentDialogContextValue {
  const context = useContext(ConsentDialogContext)
  if (!context) throw new MissingRootError({ component: 'ConsentDialog', part })
  return context
}

export type ConsentDialogRootProps = {
  /** The app's name, url and icon. */
  app: ConsentApp
  /** `describePolicy` output for the requested session. */
  description: PolicyDescription
  open?: boolean | undefined
  defaultOpen?: boolean | undefined
  onOpenChange?: ((open: boolean) => void) | undefined
  /** Defaults to `error` when `error` is set, else `idle`. Map a mutation's `isPending` to `pending`. */
  status?: ConsentStatus | undefined
  error?: ConsentError | null | undefined
  /** Expand mode: show only what would be added to the current session. */
  expand?: ConsentExpand | undefined
  /** Longest duration the person may pick. Defaults to the policy's validity line. */
  maxDurationSeconds?: number | undefined
  durationOptions?: readonly DurationOption[] | undefined
  /** Chosen duration in seconds (controlled). */
  duration?: number | undefined
  defaultDuration?: number | undefined
  onDurationChange?: ((seconds: number) => void) | undefined
  /** Ids of optional lines the person switched off (controlled). */
  excludedLineIds?: string[] | undefined
  defaultExcludedLineIds?: string[] | undefined
  onExcludedLineIdsChange?: ((ids: string[]) => void) | undefined
  onApprove?: ((selection: ConsentSelection) => void) | undefined
  /** Called by the Retry button; defaults to `onApprove`. */
  onRetry?: ((selection: ConsentSelection) => void) | undefined
  /** Called by Deny, before the dialog closes. */
  onDeny?: (() => void) | undefined
  children?: ReactNode
}

/** Holds the dialog's open state, duration and toggles; renders no DOM of its own (Radix `Dialog.Root`). */
function Root(props: ConsentDialogRootProps) {
  const maxDurationSeconds = props.maxDurationSeconds ?? policyMaxDuration(props.description)
  const durationOptions = props.durationOptions ?? defaultDurationOptions
  const [open, setOpen] = useControllableState(
    props.open,
    props.defaultOpen ?? false,
    props.onOpenChange,
  )
  const [duration, setDurationState] = useControllableState(
    props.duration,
    () =>
      clampDuration(
        props.defaultDuration ?? defaultDuration(maxDurationSeconds),
        maxDurationSeconds,
      ),
    props.onDurationChange,
  )
  const [customActive, setCustomActive] = useState(
    () => !durationOptions.some((o) => o.seconds === duration),
  )
  const [customText, setCustomText] = useState(() => String(Math.round(duration / 60)))
  const [excluded, setExcluded] = useControllableState(
    props.excludedLineIds,
    props.defaultExcludedLineIds ?? [],
    props.onExcludedLineIdsChange,
  )
  const { lines, risks } = describeAddition(props.description, props.expand)
  const status: ConsentStatus = props.status ?? (props.error ? 'error' : 'idle')

  const customMinutes = Number(customText)
  const customValid =
    customText.trim() !== '' &&
    Number.isFinite(customMinutes) &&
    customMinutes * 60 >= minDurationSeconds
  const customCapped =
    customValid && maxDurationSeconds !== undefined && customMinutes * 60 > maxDurationSeconds
  const durationValid = !customActive || customValid
  const anyEnabled = lines.some((line) => !excluded.includes(line.id)) || lines.length === 0

  const selection = (): ConsentSelection => ({
    durationSeconds: clampDuration(duration, maxDurationSeconds),
    excludedLineIds: excluded.filter((id) => lines.some((line) => line.id === id)),
  })

  const canApprove = status !== 'pending' && durationValid && anyEnabled

  const value: ConsentDialogContextValue = {
    app: props.app,
    mode: props.expand ? 'expand' : 'request',
    expand: props.expand,
    lines,
    risks,
    status,
    error: props.error,
    durationOptions,
    maxDurationSeconds,
    duration,
    setDuration: (seconds) => setDurationState(clampDuration(seconds, maxDurationSeconds)),
    customDuration: {
      active: customActive,
      text: customText,
      valid: customValid,
      capped: customCapped,
    },
    setCustomDuration: ({ active, text }) => {
      setCustomActive(active)
      setCustomText(text)
      const minutes = Number(text)
      if (
        active &&
        text.trim() !== '' &&
        Number.isFinite(minutes) &&
        minutes * 60 >= minDurationSeconds
      )
        setDurationState(clampDuration(minutes * 60, maxDurationSeconds))
    },
    excluded,
    toggleLine: (id, enabled) =>
      setExcluded(
        enabled ? excluded.filter((x) => x !== id) : [...excluded.filter((x) => x !== id), id],
      ),
    canApprove,
    approve: () => {
      if (canApprove) props.onApprove?.(selection())
    },
    retry: () => {
      if (!canApprove) return
      const handler = props.onRetry ?? props.onApprove
      handler?.(selection())
    },
    deny: () => {
      props.onDeny?.()
      setOpen(false)
    },
  }

  return (
    <ConsentDialogContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        {props.children}
      </Dialog.Root>
    </ConsentDialogContext.Provider>
  )
}

export type ConsentDialogTriggerProps = ComponentProps<typeof Dialog.Trigger>

/** Opens the dialog; focus returns here when it closes. */
function Trigger({ className, ...props }: ConsentDialogTriggerProps) {
  useConsentDialog('Trigger')
  return (
    <Dialog.Trigger
      data-slot="consent-dialog-trigger"
      data-sk-button=""
      data-variant="primary"
      {...props}
      className={cx('sk-consent-dialog-trigger', className)}
    />
  )
}

export type ConsentDialogContentProps = ComponentProps<typeof Dialog.Content> & {
  /** Portal target; defaults to the nearest `Theme`, else `document.body`. */
  container?: HTMLElement | null | undefined
}

/** The modal panel (with its overlay), portalled into the nearest `Theme`; traps and returns focus. */
function Content({
  className,
  container,
  children,
  onPointerDownOutside,
  onOpenAutoFocus,
  ...props
}: ConsentDialogContentProps) {
  const context = useConsentDialog('Content')
  const portal = usePortalTheme()
  if (!portal.ready && container === undefined) return null
  return (
    <Dialog.Portal container={container ?? portal.container}>
      <Dialog.Overlay
        data-slot="consent-dialog-overlay"
        data-sk-theme={portal.themeAttribute}
        className="sk-consent-dialog-overlay"
      />
      <Dialog.Content
        data-slot="consent-dialog-content"
        data-variant={context.mode}
        data-status={context.status}
        data-sk-theme={portal.themeAttribute}
        aria-busy={context.status === 'pending'}
        onOpenAutoFocus={(event) => {
          onOpenAutoFocus?.(event)
          if (event.defaultPrevented) return
          // Start on the panel itself so a screen reader reads the title and description first,
          // rather than jumping to the first switch halfway down a long request.
          event.preventDefault()
          ;(event.currentTarget as HTMLElement | null)?.focus()
        }}
        onPointerDownOutside={(event) => {
          onPointerDownOutside?.(event)
          // A stray click must not drop a request the wallet is still showing.
          if (context.status === 'pending') event.preventDefault()
        }}
        {...props}
        className={cx('sk-consent-dialog-content', className)}
      >
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  )
}

export type ConsentDialogHeaderProps = ComponentProps<'div'>

/** App icon, name and url, with the dialog's title and description. */
function Header({ className, children, ...props }: ConsentDialogHeaderProps) {
  const { app, mode, expand, status } = useConsentDialog('Header')
  return (
    <div
      data-slot="consent-dialog-header"
      data-state={status}
      data-variant={mode}
      {...props}
      className={cx('sk-consent-dialog-header', className)}
    >
      {children ?? (
        <>
          <span data-slot="consent-dialog-app-icon" className="sk-consent-dialog-app-icon">
            {app.icon ? <img src={app.icon} alt="" width={40} height={40} /> : app.name.slice(0, 1)}
          </span>
          <div data-slot="consent-dialog-heading" className="sk-consent-dialog-heading">
            <Dialog.Title data-slot="consent-dialog-title" className="sk-consent-dialog-title">
              {mode === 'expand'
                ? `${app.name} needs more permission`
                : `${app.name} wants to play on your behalf`}
            </Dialog.Title>
            {app.url ? (
              <span data-slot="consent-dialog-app-url" className="sk-consent-dialog-app-url">
                {app.url.replace(/^https?:\/\//, '')}
              </span>
            ) : null}
            <Dialog.Description
              data-slot="consent-dialog-description"
              className="sk-consent-dialog-description"
            >
              {mode === 'expand'
                ? `${expand?.reason.message ?? 'The current session does not cover this.'} Approve to add only what is listed below.`
                : 'Approve once and it can make these moves without a wallet prompt each time.'}
            </Dialog.Description>
          </div>
        </>
      )}
    </div>
  )
}

export type ConsentDialogPermissionsProps = ComponentProps<'ul'> & {
  /** Line kinds left out; `validity` by default because the Duration part states it. */
  hideKinds?: readonly PolicyLine['kind'][] | undefined
}

/** The readable permission rows; in expand mode only those that would be added. */
function Permissions({
  className,
  children,
  hideKinds = ['validity'],
  ...props
}: ConsentDialogPermissionsProps) {
  const { lines, mode, status } = useConsentDialog('Permissions')
  const shown = lines.filter((line) => !hideKinds.includes(line.kind))
  return (
    <ul
      aria-label={mode === 'expand' ? 'Permissions to add' : 'Permissions'}
      data-slot="consent-dialog-permissions"
      data-state={status}
      data-variant={mode}
      {...props}
      className={cx('sk-consent-dialog-permissions', className)}
    >
      {children ??
        (shown.length > 0 ? (
          shown.map((line) => <Permission key={line.id} line={line} />)
        ) : (
          <li
            data-slot="consent-dialog-permission"
            data-variant="empty"
            className="sk-consent-dialog-permission"
          >
            {mode === 'expand'
              ? 'Nothing new beyond a longer duration.'
              : 'No permissions requested.'}
          </li>
        ))}
    </ul>
  )
}

export type ConsentDialogPermissionProps = ComponentProps<'li'> & { line: PolicyLine }

/** One permission row, marked when a risk flag is about it, with a switch when the line is optional. */
function Permission({ line, className, ...props }: ConsentDialogPermissionProps) {
  const { risks, excluded, toggleLine, status } = useConsentDialog('Permission')
  const id = useId()
  const risk = risks
    .filter((r) => r.lineId === line.id)
    .sort((a, b) => (a.severity === 'danger' ? -1 : b.severity === 'danger' ? 1 : 0))[0]
  const enabled = !excluded.includes(line.id)
  return (
    <li
      data-slot="consent-dialog-permission"
      data-kind={line.kind}
      data-variant={risk?.severity ?? 'default'}
      data-state={line.optional ? (enabled ? 'on' : 'off') : 'required'}
      {...props}
      className={cx('sk-consent-dialog-permission', className)}
    >
      <div data-slot="consent-dialog-permission-text" className="sk-consent-dialog-permission-text">
        <span
          id={`${id}-title`}
          data-slot="consent-dialog-permission-title"
          className="sk-consent-dialog-permission-title"
        >
          {line.title}
        </span>
        {line.detail ? (
          <span
            id={`${id}-detail`}
            data-slot="consent-dialog-permission-detail"
            className="sk-consent-dialog-permission-detail"
          >
            {line.detail}
          </span>
        ) : null}
        {risk ? (
          <span
            data-slot="consent-dialog-permission-risk"
            data-variant={risk.severity}
            className="sk-consent-dialog-risk-badge"
          >
            {risk.severity === 'danger' ? 'High risk' : 'Caution'}
          </span>
        ) : null}
      </div>
      {line.optional ? (
        <Switch.Root
          data-slot="consent-dialog-permission-switch"
          className="sk-consent-dialog-switch"
          checked={enabled}
          disabled={status === 'pending'}
          onCheckedChange={(checked) => toggleLine(line.id, checked)}
          aria-labelledby={`${id}-title`}
          aria-describedby={line.detail ? `${id}-detail` : undefined}
        >
          <Switch.Thumb
            data-slot="consent-dialog-permission-switch-thumb"
            className="sk-consent-dialog-switch-thumb"
          />
        </Switch.Root>
      ) : null}
    </li>
  )
}

export type ConsentDialogRisksProps = ComponentProps<'ul'>

/** Risk flags, most severe first; renders nothing when there are none. */
function Risks({ className, children, ...props }: ConsentDialogRisksProps) {
  const { risks, status } = useConsentDialog('Risks')
  if (risks.length === 0 && !children) return null
  const sorted = [...risks].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1,
  )
  return (
    <ul
      aria-label="Risks"
      data-slot="consent-dialog-risks"
      data-state={status}
      data-variant={sorted[0]?.severity ?? 'warning'}
      {...props}
      className={cx('sk-consent-dialog-risks', className)}
    >
      {children ??
        sorted.map((risk, index) => (
          <li
            key={`${risk.code}-${risk.lineId ?? index}`}
            data-slot="consent-dialog-risk"
            data-variant={risk.severity}
            data-code={risk.code}
            className="sk-consent-dialog-risk"
          >
            <span
              data-slot="consent-dialog-risk-label"
              className="sk-consent-dialog-risk-badge"
              data-variant={risk.severity}
            >
              {risk.severity === 'danger' ? 'High risk' : 'Caution'}
            </span>{' '}
            {risk.message}
          </li>
        ))}
    </ul>
  )
}

export type ConsentDialogDurationProps = ComponentProps<'fieldset'>

/** Duration picker: presets plus a custom value in minutes, bounded by the app's maximum. */
function Duration({ className, ...props }: ConsentDialogDurationProps) {
  const context = useConsentDialog('Duration')
  const { durationOptions, maxDurationSeconds, duration, customDuration, status } = context
  const id = useId()
  const value = customDuration.active ? 'custom' : String(duration)
  const pending = status === 'pending'
  const maxMinutes =
    maxDurationSeconds !== undefined ? Math.floor(maxDurationSeconds / 60) : undefined
  const hint =
    !customDuration.valid && customDuration.active
      ? `Enter at least ${minDurationSeconds / 60} minute.`
      : customDuration.capped
        ? `Capped at ${formatDuration(maxDurationSeconds ?? 0)}, the most this app allows.`
        : maxDurationSeconds !== undefined
          ? `This app allows up to ${formatDuration(maxDurationSeconds)}.`
          : `Session lasts ${formatDuration(duration)}.`
  return (
    <fieldset
      data-slot="consent-dialog-duration"
      data-state={customDuration.active ? 'custom' : 'preset'}
      disabled={pending}
      {...props}
      className={cx('sk-consent-dialog-duration', className)}
    >
      <legend
        data-slot="consent-dialog-duration-legend"
        className="sk-consent-dialog-duration-legend"
      >
        Session length
      </legend>
      <RadioGroup.Root
        data-slot="consent-dialog-duration-options"
        className="sk-consent-dialog-duration-options"
        aria-label="Session length"
        value={value}
        orientation="horizontal"
        disabled={pending}
        onValueChange={(next) => {
          if (next === 'custom')
            context.setCustomDuration({ active: true, text: customDuration.text })
          else {
            context.setCustomDuration({ active: false, text: customDuration.text })
            context.setDuration(Number(next))
          }
        }}
      >
        {durationOptions.map((option) => {
          const over = maxDurationSeconds !== undefined && option.seconds > maxDurationSeconds
          return (
            <RadioGroup.Item
              key={option.seconds}
              value={String(option.seconds)}
              disabled={over}
              data-slot="consent-dialog-duration-option"
              data-variant={over ? 'over-limit' : 'default'}
              className="sk-consent-dialog-duration-option"
              aria-label={over ? `${option.label} (over this app's limit)` : option.label}
            >
              {option.label}
            </RadioGroup.Item>
          )
        })}
        <RadioGroup.Item
          value="custom"
          data-slot="consent-dialog-duration-option"
          data-variant="custom"
          className="sk-consent-dialog-duration-option"
        >
          Custom
        </RadioGroup.Item>
      </RadioGroup.Root>
      <div
        data-slot="consent-dialog-duration-custom"
        data-state={customDuration.active ? 'active' : 'inactive'}
        className="sk-consent-dialog-duration-custom"
      >
        <label htmlFor={`${id}-custom`} data-slot="consent-dialog-duration-custom-label">
          Custom length (minutes)
        </label>
        <input
          id={`${id}-custom`}
          data-slot="consent-dialog-duration-custom-input"
          className="sk-consent-dialog-duration-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxMinutes}
          step={1}
          disabled={!customDuration.active || pending}
          aria-invalid={customDuration.active && !customDuration.valid}
          aria-describedby={`${id}-hint`}
          value={customDuration.text}
          onChange={(event) =>
            context.setCustomDuration({ active: true, text: event.target.value })
          }
        />
      </div>
      <p
        id={`${id}-hint`}
        data-slot="consent-dialog-duration-hint"
        data-state={
          customDuration.capped
            ? 'capped'
            : customDuration.active && !customDuration.valid
              ? 'invalid'
              : 'idle'
        }
        className="sk-consent-dialog-duration-hint"
      >
        {hint}
      </p>
    </fieldset>
  )
}

export type ConsentDialogStatusProps = ComponentProps<'div'>

/** Polite live region with the pending and error messages; keeps its height in every state. */
function Status({ className, children, ...props }: ConsentDialogStatusProps) {
  const { status, error } = useConsentDialog('Status')
  return (
    <div
      role="status"
      data-slot="consent-dialog-status"
      data-state={status}
      {...props}
      className={cx('sk-consent-dialog-status', className)}
    >
      {children ??
        (status === 'pending'
          ? 'Confirm the request in your wallet.'
          : status === 'error'
            ? `Could not create the session: ${error?.shortMessage ?? error?.message ?? 'unknown error'}`
            : '')}
    </div>
  )
}

export type ConsentDialogActionsProps = ComponentProps<'div'> & {
  approveLabel?: string | undefined
  denyLabel?: string | undefined
}

/** Deny and Approve (Retry in the error state, a waiting label while pending). */
function Actions({
  className,
  approveLabel,
  denyLabel = 'Deny',
  children,
  ...props
}: ConsentDialogActionsProps) {
  const context = useConsentDialog('Actions')
  const { status, mode, canApprove } = context
  const label =
    status === 'pending'
      ? 'Waiting for wallet…'
      : status === 'error'
        ? 'Retry'
        : (approveLabel ?? (mode === 'expand' ? 'Add to session' : 'Approve'))
  return (
    <div
      data-slot="consent-dialog-actions"
      data-state={status}
      {...props}
      className={cx('sk-consent-dialog-actions', className)}
    >
      {children ?? (
        <>
          <button
            type="button"
            data-slot="consent-dialog-deny"
            data-sk-button=""
            data-variant="default"
            className="sk-consent-dialog-deny"
            onClick={context.deny}
          >
            {denyLabel}
          </button>
          <button
            type="button"
            data-slot="consent-dialog-approve"
            data-sk-button=""
            data-variant="primary"
            data-state={status}
            className="sk-consent-dialog-approve"
            aria-disabled={!canApprove}
            onClick={status === 'error' ? context.retry : context.approve}
          >
            {label}
          </button>
        </>
      )}
    </div>
  )
}

/** Consent dialog for a session request: `Root`, `Trigger`, `Content`, `Header`, `Permissions`, `Permission`, `Risks`, `Duration`, `Status`, `Actions`. */
export const ConsentDialog = {
  Root,
  Trigger,
  Content,
  Header,
  Permissions,
  Permission,
  Risks,
  Duration,
  Status,
  Actions,
}
