import { SessionList, SessionMeter } from '@sessionkit/ui'
import type { Address } from 'viem'
import { useGameSession } from './session/useGameSession.js'

/** Session side panel: the budget and expiry meter, and the account's sessions (revoke there). */
export function SidePanel({ game }: { game: Address }) {
  const session = useGameSession(game)
  const current = session.session
  const durationSeconds =
    current?.expiresAt !== undefined
      ? current.expiresAt - Math.floor(current.createdAt / 1000)
      : undefined
  return (
    <aside className="app-side" aria-label="Session">
      <h2>Session</h2>
      {current && session.status === 'active' && session.remaining ? (
        <SessionMeter.Root
          remaining={{ ...session.remaining, expiresAt: session.expiresAt }}
          durationSeconds={durationSeconds}
        />
      ) : (
        <p className="hint">
          No active session: the game cannot move for you. Start one to play without pop-ups.
        </p>
      )}
      {session.status !== 'disconnected' && <SessionList title="Your sessions" />}
    </aside>
  )
}
