'use client'
import { AlertDialog } from 'radix-ui'
import type { ReactElement, ReactNode } from 'react'
import { usePortalTheme } from '../theme/theme.js'

export type ConfirmDialogProps = {
  /** The button that opens the confirmation; focus returns to it on close. */
  trigger: ReactElement
  title: ReactNode
  description: ReactNode
  confirmLabel: string
  cancelLabel?: string | undefined
  onConfirm: () => void
  /** `data-slot` prefix for the parts, e.g. `active-session-list-revoke`. */
  slot: string
}

/** Radix AlertDialog asking to confirm a destructive action; Cancel has initial focus. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  slot,
}: ConfirmDialogProps) {
  const portal = usePortalTheme()
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      {portal.ready ? (
        <AlertDialog.Portal container={portal.container}>
          <AlertDialog.Overlay
            data-slot={`${slot}-overlay`}
            data-sk-theme={portal.themeAttribute}
            className="sk-confirm-overlay"
          />
          <AlertDialog.Content
            data-slot={`${slot}-content`}
            data-sk-theme={portal.themeAttribute}
            className="sk-confirm-content"
          >
            <AlertDialog.Title data-slot={`${slot}-title`} className="sk-confirm-title">
              {title}
            </AlertDialog.Title>
            <AlertDialog.Description
              data-slot={`${slot}-description`}
              className="sk-confirm-description"
            >
              {description}
            </AlertDialog.Description>
            <div data-slot={`${slot}-actions`} className="sk-confirm-actions">
              <AlertDialog.Cancel
                data-slot={`${slot}-cancel`}
                data-sk-button=""
                data-variant="default"
              >
                {cancelLabel}
              </AlertDialog.Cancel>
              <AlertDialog.Action
                data-slot={`${slot}-confirm`}
                data-sk-button=""
                data-variant="danger"
                onClick={onConfirm}
              >
                {confirmLabel}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      ) : null}
    </AlertDialog.Root>
  )
}
