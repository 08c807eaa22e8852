import { Dialog } from 'radix-ui'
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Approvals, ApprovalsSnapshot } from './approvals.js'

const ApprovalsContext = createContext<Approvals | null>(null)
export const ApprovalsProvider = ApprovalsContext.Provider

/** The dev wallet's pending requests and prompt count, live. */
export function useApprovals(): ApprovalsSnapshot & { approvals: Approvals } {
  const approvals = useContext(ApprovalsContext)
  if (!approvals) throw new Error('useApprovals needs <ApprovalsProvider>')
  const snapshot = useSyncExternalStore(approvals.subscribe, approvals.getSnapshot)
  return { ...snapshot, approvals }
}

/** The dev wallet's approval sheet: one modal per signature request, Approve or Reject. */
export function ApprovalSheet({ appName }: { appName: string }) {
  const { pending, approvals } = useApprovals()
  const request = pending[0]
  return (
    <Dialog.Root open={request !== undefined}>
      <Dialog.Portal>
        <Dialog.Overlay className="sheet-overlay" data-sk-theme="dark" />
        <Dialog.Content
          className="sheet"
          data-sk-theme="dark"
          data-kind={request?.kind}
          onEscapeKeyDown={() => request && approvals.answer(request.id, false)}
        >
          <p className="sheet-wallet">Dev wallet · devnet</p>
          <Dialog.Title className="sheet-title">Sign request from {appName}</Dialog.Title>
          <Dialog.Description className="sheet-subtitle">
            {request?.title} <code>{request?.method}</code>
          </Dialog.Description>
          <ul className="sheet-lines">
            {request?.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <div className="sheet-actions">
            <button
              type="button"
              className="button"
              onClick={() => request && approvals.answer(request.id, false)}
            >
              Reject
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => request && approvals.answer(request.id, true)}
            >
              Approve
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
