/** Session status and controls (filled in once sessions are wired). */
export function SidePanel() {
  return (
    <aside className="app-side" aria-label="Session">
      <h2>Session</h2>
      <p className="hint">
        Without a session every move asks your wallet. Start a session to approve once and play.
      </p>
    </aside>
  )
}
