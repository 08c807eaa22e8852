import type { Address } from 'viem'
import type { SessionRuntime } from '../../engines/loadSession.js'
import type { Policy } from '../../policy/definePolicy.js'
import type { Remaining, SessionState } from '../../policy/types.js'
import type { StoredSessionApp } from '../../storage/types.js'
import { checkLoaded } from './resolveSession.js'

/** A session with its live state read from the chain. */
export type SessionInfo = {
  id: string
  label?: string | undefined
  app: StoredSessionApp
  chainId: number
  /** The user's smart account that granted it. */
  account: Address
  /** The connected wallet that owns `account`. */
  owner: Address
  /** The session's own smart account. */
  sessionAccount: Address
  policy: Policy
  /** Unix milliseconds. */
  createdAt: number
  /** Unix seconds, when the policy expires. */
  expiresAt?: number | undefined
  /** Unix milliseconds, when revoked from this app. */
  revokedAt?: number | undefined
  state: SessionState
  /** Actions and spend used and left, time left. */
  remaining: Remaining
}

/** Reads a loaded session's live state (revocation, usage, expiry) from the chain. */
export async function getSessionInfo(
  session: SessionRuntime,
  options: { fresh?: boolean | undefined } = {},
): Promise<SessionInfo> {
  const snapshot = await session.usage.get({ fresh: options.fresh })
  const result = await checkLoaded(session, [], { fresh: false })
  const { stored } = session
  let state: SessionState = 'active'
  if (!snapshot.managerDeployed) state = 'missing'
  else if (stored.revokedAt !== undefined || snapshot.rootDisabled) state = 'revoked'
  else if (!result.allowed && result.reason.code === 'expired') state = 'expired'
  else if (!result.allowed && result.reason.code === 'not-yet-valid') state = 'not-yet-valid'
  else if (result.remaining.actionsLeft === 0) state = 'exhausted'
  return {
    id: stored.id,
    ...(stored.label !== undefined ? { label: stored.label } : {}),
    app: stored.app,
    chainId: stored.chainId,
    account: stored.account,
    owner: stored.owner,
    sessionAccount: stored.sessionAccount,
    policy: session.policy,
    createdAt: stored.createdAt,
    ...(stored.expiresAt !== undefined ? { expiresAt: stored.expiresAt } : {}),
    ...(stored.revokedAt !== undefined ? { revokedAt: stored.revokedAt } : {}),
    state,
    remaining: result.remaining,
  }
}
