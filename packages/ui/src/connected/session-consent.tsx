'use client'
import {
  type CheckReason,
  type CreateSessionErrorType,
  type CreateSessionReturnType,
  describePolicy,
  type Policy,
  type PolicyValidationErrorType,
  type SessionConfig,
  serializePolicy,
} from '@sessionkit/core'
import { useCreateSession, useSessionConfig } from '@sessionkit/react'
import { type ReactNode, useMemo, useState } from 'react'
import {
  type ConsentApp,
  ConsentDialog,
  type ConsentDialogContentProps,
  type ConsentDialogRootProps,
  type ConsentSelection,
  type ConsentStatus,
} from '../consent-dialog/consent-dialog.js'
import type { ConsentExpand } from '../consent-dialog/expand.js'
import { useControllableState } from '../internal/use-controllable-state.js'
import { applyConsentSelection } from './apply-consent.js'

/** Why approving failed: the wallet or engine (`createSession`), or a selection the policy refused. */
export type SessionConsentErrorType = CreateSessionErrorType | PolicyValidationErrorType

export type SessionConsentProps = Omit<
  ConsentDialogRootProps,
  'app' | 'description' | 'status' | 'error' | 'expand' | 'onApprove' | 'onRetry' | 'children'
> & {
  /** The session the app asks for (from `definePolicy`). */
  policy: Policy<readonly unknown[]>
  /** Shown in the header; defaults to the session config's `app`. */
  app?: ConsentApp | undefined
  /** Expand mode: the out-of-scope reason (or `{ reason, current }`); only additions are shown. */
  expand?: CheckReason | ConsentExpand | undefined
  /** Name stored with the session, shown in session lists. */
  label?: string | undefined
  /** Content of a `ConsentDialog.Trigger`; leave out when you control `open`. */
  trigger?: ReactNode
  /** Merged last onto the dialog panel (`ConsentDialog.Content`). */
  className?: string | undefined
  /** Passed to `ConsentDialog.Content` (e.g. `container`). */
  contentProps?: Omit<ConsentDialogContentProps, 'className' | 'children'> | undefined
  /** Use this session config instead of the nearest `SessionProvider`'s. */
  config?: SessionConfig | undefined
  /** After the wallet signed and the session was stored; the dialog has closed. */
  onCreated?: ((session: CreateSessionReturnType) => void) | undefined
  onError?: ((error: SessionConsentErrorType) => void) | undefined
  /** Replaces the default parts inside `ConsentDialog.Content`. */
  children?: ReactNode
}

/**
 * `ConsentDialog` wired to `useCreateSession`: shows `describePolicy(policy)`, creates the session
 * the person approved (chosen duration, optional permissions switched off) with one wallet prompt,
 * is pending while the wallet is open, shows the typed error with Retry, and closes on success.
 */
export function SessionConsent({
  policy,
  app,
  expand,
  label,
  trigger,
  className,
  contentProps,
  config: configParameter,
  onCreated,
  onError,
  open: openProp,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: SessionConsentProps) {
  const config = useSessionConfig({ config: configParameter })
  const [open, setOpen] = useControllableState(openProp, defaultOpen ?? false, onOpenChange)
  const [selectionError, setSelectionError] = useState<PolicyValidationErrorType | null>(null)
  const createSession = useCreateSession({
    config,
    mutation: {
      onSuccess: (session) => {
        setOpen(false)
        onCreated?.(session)
      },
      onError: (error) => onError?.(error),
    },
  })
  const policyKey = serializePolicy(policy as Policy)
  const description = useMemo(() => describePolicy(policy as Policy), [policyKey])

  const error = selectionError ?? createSession.error
  const status: ConsentStatus = createSession.isPending ? 'pending' : error ? 'error' : 'idle'

  const approve = (selection: ConsentSelection) => {
    if (createSession.isPending) return
    let approved: Policy
    try {
      approved = applyConsentSelection(policy, selection)
    } catch (cause) {
      const refused = cause as PolicyValidationErrorType
      setSelectionError(refused)
      onError?.(refused)
      return
    }
    setSelectionError(null)
    createSession.mutate({ policy: approved, ...(label !== undefined ? { label } : {}) })
  }

  const changeOpen = (next: boolean) => {
    // A new opening starts clean; a request still in the wallet keeps its state.
    if (next && !createSession.isPending) {
      createSession.reset()
      setSelectionError(null)
    }
    setOpen(next)
  }

  return (
    <ConsentDialog.Root
      {...props}
      app={app ?? config.app}
      description={description}
      expand={expand && 'code' in expand ? { reason: expand } : expand}
      status={status}
      error={error}
      open={open}
      onOpenChange={changeOpen}
      onApprove={approve}
    >
      {trigger !== undefined ? <ConsentDialog.Trigger>{trigger}</ConsentDialog.Trigger> : null}
      <ConsentDialog.Content {...contentProps} className={className}>
        {children ?? (
          <>
            <ConsentDialog.Header />
            <ConsentDialog.Risks />
            <ConsentDialog.Permissions />
            <ConsentDialog.Duration />
            <ConsentDialog.Status />
            <ConsentDialog.Actions />
          </>
        )}
      </ConsentDialog.Content>
    </ConsentDialog.Root>
  )
}
