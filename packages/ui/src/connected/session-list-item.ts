import { describePolicy, type Policy, type SessionInfo } from '@sessionkit/core'
import type { SessionListItem } from '../active-session-list/active-session-list.js'

/**
 * One line for a session row: the functions per contract, then the spend caps, e.g.
 * `increment, move on Counter · Spend up to 0.05 ETH per day`. Falls back to `fallback` when the
 * policy cannot be described.
 */
export function summarizePolicy(policy: Policy, fallback = 'Session permissions'): string {
  let lines: ReturnType<typeof describePolicy>['lines']
  try {
    lines = describePolicy(policy).lines
  } catch {
    return fallback
  }
  const byTarget = new Map<string, string[]>()
  const parts: string[] = []
  for (const line of lines) {
    if (line.kind === 'call' && line.call) {
      const target =
        line.call.targetName ?? `${line.call.target.slice(0, 6)}…${line.call.target.slice(-4)}`
      const names = byTarget.get(target) ?? []
      if (!names.includes(line.call.functionName)) names.push(line.call.functionName)
      byTarget.set(target, names)
    } else if (line.kind === 'native-spend' || line.kind === 'token-spend') parts.push(line.title)
  }
  const calls = [...byTarget].map(([target, names]) => `${names.join(', ')} on ${target}`)
  const summary = [...calls, ...parts].join(' · ')
  return summary === '' ? fallback : summary
}

/** Maps a session from `useSessions` onto a row of `ActiveSessionList`. */
export function toSessionListItem(session: SessionInfo): SessionListItem {
  const { remaining } = session
  return {
    id: session.id,
    app: session.app,
    state: session.state,
    summary: summarizePolicy(session.policy, session.label),
    expiresAt: session.expiresAt ?? remaining.expiresAt,
    actionsUsed: remaining.actionsUsed,
    actionsLeft: remaining.actionsLeft,
    spend: remaining.spend,
  }
}
