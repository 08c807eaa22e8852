import { CallNotCoveredError } from '../errors/policy.js'
import { matchCall } from './matchCall.js'
import type { CompiledDelegation } from './toCaveats.js'
import { type PolicyCall, toRawCall } from './toRawCall.js'

/** Picks, for each call, the compiled delegation that covers it. Throws `CallNotCoveredError` when none does. */
export function selectDelegation(
  compiled: readonly CompiledDelegation[],
  calls: readonly PolicyCall[],
): CompiledDelegation[] {
  return calls.map((call, callIndex) => {
    const result = matchCall(
      compiled.map((delegation) => delegation.plan),
      toRawCall(call, callIndex),
    )
    if ('failure' in result)
      throw new CallNotCoveredError({ callIndex, reason: result.failure.message })
    return compiled.find((delegation) => delegation.plan === result.plan) as CompiledDelegation
  })
}
