import type { Hex } from 'viem'
import { assertAddress, wrapInput } from '../errors/invalidInput.js'
import * as counterfactual from './counterfactual.js'
import * as delegation from './delegation.js'

/**
 * The public `getDeleGatorDeployment` and `hashDelegation`: the kit's own calls skip these input
 * checks; a caller's malformed input throws `SessionParameterError` (viem's error as `cause`).
 */

/** Computes the counterfactual HybridDeleGator of `owner` (address, factory, factoryData). */
export function getDeleGatorDeployment(
  parameters: Parameters<typeof counterfactual.getDeleGatorDeployment>[0],
): counterfactual.DeleGatorDeployment {
  assertAddress(parameters?.owner, 'owner')
  return wrapInput('environment', () => counterfactual.getDeleGatorDeployment(parameters))
}

/** EIP-712 struct hash of a delegation (what the DelegationManager stores and disables). */
export function hashDelegation(value: Omit<delegation.Delegation, 'signature'>): Hex {
  return wrapInput('delegation', () => delegation.hashDelegation(value))
}
