import { assertAddress, assertArray, assertObject, invalid } from '../errors/invalidInput.js'
import type { Policy } from './definePolicy.js'
import * as usage from './readUsage.js'
import * as caveats from './toCaveats.js'

/**
 * The public `readUsage` and `toCaveats`: the kit's own calls skip these input checks; a caller's
 * malformed input throws `SessionParameterError`.
 */

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
  return caveats.toCaveats(policy, parameters)
}
