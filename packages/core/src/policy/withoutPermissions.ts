import { assertArray, assertObject } from '../errors/invalidInput.js'
import { PolicyValidationError } from '../errors/policy.js'
import type { AnyCallPermission, Policy } from './definePolicy.js'

/**
 * Returns the policy without the optional call permissions the user switched off, given their line
 * ids from `describePolicy` (`calls[0].functions[1]`). Only permissions marked `optional` may be removed.
 */
export function withoutPermissions(policy: Policy, lineIds: readonly string[]): Policy {
  assertObject(policy, 'policy')
  assertArray(lineIds, 'lineIds')
  if (policy.calls !== undefined) assertArray(policy.calls, 'policy.calls')
  const off = new Set(lineIds)
  const calls: AnyCallPermission[] = []
  for (const [i, call] of (policy.calls ?? []).entries()) {
    const functions = call.functions.filter((_, j) => !off.has(`calls[${i}].functions[${j}]`))
    if (functions.length !== call.functions.length && !call.optional)
      throw new PolicyValidationError({
        field: `calls[${i}]`,
        message: 'is not optional, so it cannot be switched off.',
        fix: 'Mark the call permission optional: true, or keep it.',
      })
    for (const j of call.functions.keys()) off.delete(`calls[${i}].functions[${j}]`)
    if (functions.length > 0) calls.push({ ...call, functions })
  }
  if (off.size > 0)
    throw new PolicyValidationError({
      field: [...off][0] as string,
      message: 'is not a call permission of this policy.',
      fix: 'Pass line ids of optional call permissions, as describePolicy returns them.',
    })
  return { ...policy, calls }
}
