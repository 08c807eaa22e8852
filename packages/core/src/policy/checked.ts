import { isAddress } from 'viem'
import { assertAddress, assertArray, assertObject, invalid } from '../errors/invalidInput.js'
import { PolicyValidationError } from '../errors/policy.js'
import * as check from './checkCalls.js'
import type { Policy } from './definePolicy.js'
import * as usage from './readUsage.js'
import { maxTimestamp } from './resolvePolicy.js'
import * as caveats from './toCaveats.js'

/**
 * The public `checkCalls`, `readUsage` and `toCaveats`: the kit's own calls skip these input checks;
 * a caller's malformed input throws `SessionParameterError` (`PolicyValidationError` for `now` and
 * `redeemer`).
 */

/**
 * Checks a batch of calls against a session's policy and enforcer state, exactly as the enforcers
 * would judge them, without touching the chain. `remaining` is after the batch when allowed, before it
 * when refused. https://sessionkit.dev/policy#check
 */
export function checkCalls(parameters: check.CheckCallsParameters): check.CheckCallsReturnType {
  assertObject(parameters, 'parameters')
  assertArray(parameters.calls, 'calls')
  const now = parameters.now ?? 0
  if (!Number.isSafeInteger(now) || now < 0 || now > maxTimestamp)
    throw new PolicyValidationError({
      field: 'now',
      message: `is not a unix time in seconds (${String(now)}).`,
      fix: 'Pass the block time in whole seconds (not milliseconds).',
    })
  return check.checkCalls(parameters)
}

/** Reads the enforcer state of a session's delegations (call counts, spent amounts, period state, revocation) from chain. */
export function readUsage(
  parameters: usage.ReadUsageParameters,
): Promise<usage.ReadUsageReturnType> {
  assertObject(parameters, 'parameters')
  const { client, environment, delegations } = parameters
  if (typeof client?.request !== 'function') invalid('client', 'must be a viem Client.')
  assertObject(environment, 'environment')
  assertAddress(environment.DelegationManager, 'environment.DelegationManager')
  assertObject(environment.caveatEnforcers, 'environment.caveatEnforcers')
  assertArray(delegations, 'delegations')
  return usage.readUsage(parameters)
}

/**
 * Compiles a policy onto Delegation Framework caveat enforcers: one delegation per scope that
 * cannot share enforcers (contract calls, native transfers, each ERC-20). https://sessionkit.dev/policy#compile
 */
export function toCaveats(
  policy: Policy,
  parameters: caveats.ToCaveatsParameters,
): caveats.ToCaveatsReturnType {
  assertObject(parameters, 'parameters')
  assertObject(parameters.environment, 'environment')
  assertObject(parameters.environment.caveatEnforcers, 'environment.caveatEnforcers')
  const { redeemer } = parameters
  if (typeof redeemer !== 'string' || !isAddress(redeemer, { strict: false }))
    throw new PolicyValidationError({
      field: 'redeemer',
      message: `is not an address (${String(redeemer)}).`,
      fix: 'Pass the session account address.',
    })
  return caveats.toCaveats(policy, parameters)
}
