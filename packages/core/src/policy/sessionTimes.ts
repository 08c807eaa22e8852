import { PolicyValidationError } from '../errors/policy.js'
import type { ResolvedPolicy } from './resolvePolicy.js'
import { maxTimestamp } from './resolvePolicy.js'

/** Absolute times of a granted session. 0 means "not set", as in the TimestampEnforcer terms. */
export type SessionTimes = {
  /** Calls are allowed only when `now > notBefore`. */
  notBefore: number
  /** Calls are allowed only when `now < expiresAt`. */
  expiresAt: number
  /** Start of the first spend period (period enforcers refuse anything before it). */
  periodStart: number
}

/**
 * Without a `notBefore`, spend periods start this many seconds before the grant, so a chain whose
 * block time lags the granting device's clock does not refuse the first transfers ("transfer-not-started").
 */
export const clockSkewSeconds = 300

/** Pins a policy's validity to the time the session is granted. */
export function getSessionTimes(policy: ResolvedPolicy, grantedAt: number): SessionTimes {
  if (!Number.isSafeInteger(grantedAt) || grantedAt <= 0)
    throw new PolicyValidationError({
      field: 'grantedAt',
      message: `is not a unix time in seconds (${String(grantedAt)}).`,
      fix: 'Pass whole seconds.',
    })
  const { expiresAt, expiresIn, notBefore } = policy.validity
  const resolvedExpiry = expiresAt ?? (expiresIn !== undefined ? grantedAt + expiresIn : 0)
  if (resolvedExpiry > maxTimestamp)
    throw new PolicyValidationError({
      field: 'validity.expiresIn',
      message: 'ends after year 9999.',
      fix: 'Pass a shorter duration in seconds.',
    })
  return {
    notBefore: notBefore ?? 0,
    expiresAt: resolvedExpiry,
    periodStart: notBefore || Math.max(1, grantedAt - clockSkewSeconds),
  }
}
