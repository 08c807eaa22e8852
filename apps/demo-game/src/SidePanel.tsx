import { useRevokeSession } from '@sessionkit/react'
import { SessionMeter } from '@sessionkit/ui'
import type { Address } from 'viem'
import { useGameSession } from './session/useGameSession.js'

/** Session side panel: the budget and expiry meter, and revoke. */
export function SidePanel({ game }: { game: Address }) {
  const session = useGameSession(game)
  const revoke = useRevokeSession()
  const current = session.session
  const durationSeconds =
    current?.expiresAt !== undefined
      ? current.expiresAt - Math.floor(current.createdAt / 1000)
      : undefined
  return (
    <aside className="app-side" aria-label="Session">
      <h2>Session</h2>
      {current && session.status === 'active' && session.remaining ? (
        <>
          <SessionMeter.Root remaining={session.remaining} durationSeconds={durationSeconds} />
          <button
            type="button"
            className="button button-danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate({ id: current.id })}
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke session'}
          </button>
          {revoke.error && (
            <p className="error" role="alert">
              {revoke.error.shortMessage}
            </p>
          )}
        </>
      ) : (
        <p className="hint">
          No active session. Without one, the game cannot move for you: every move would need your
          wallet.
        </p>
      )}
    </aside>
  )
}
