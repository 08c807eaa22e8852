import { definePolicy, type Policy, type Validity, withoutPermissions } from '@sessionkit/core'
import type { ConsentSelection } from '../consent-dialog/consent-dialog.js'

/**
 * The policy a person approved in the consent dialog: the optional permissions they switched off
 * are removed (`withoutPermissions`) and the validity is set to the chosen duration, never past an
 * absolute `expiresAt` the app set. Validated again with `definePolicy`; throws
 * `PolicyValidationError` when the selection does not fit the policy.
 */
export function applyConsentSelection(
  policy: Policy<readonly unknown[]>,
  selection: ConsentSelection,
  options: { now?: number | undefined } = {},
): Policy {
  const now = options.now ?? Math.floor(Date.now() / 1000)
  const narrowed =
    selection.excludedLineIds.length > 0
      ? withoutPermissions(policy as Policy, selection.excludedLineIds)
      : (policy as Policy)
  const seconds = Math.floor(selection.durationSeconds)
  const { notBefore, expiresAt } = narrowed.validity ?? {}
  const validity: Validity =
    expiresAt !== undefined
      ? { notBefore, expiresAt: Math.min(expiresAt, Math.max(now, notBefore ?? 0) + seconds) }
      : { notBefore, expiresIn: seconds }
  return definePolicy({ ...narrowed, validity } as never, { now }) as Policy
}
