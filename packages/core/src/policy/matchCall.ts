import type { Address, Hex } from 'viem'
import { size, slice } from 'viem'
import type { DelegationPlan } from './planDelegations.js'
import { transferSelector } from './resolvePolicy.js'

/** A call in its raw form. */
export type RawCall = { to: Address; data: Hex; value: bigint }

export type MatchFailure = {
  code: 'target-not-allowed' | 'function-not-allowed' | 'argument-rule'
  rule: string
  limit?: string | undefined
  attempted?: string | undefined
  message: string
}

const lower = (value: string) => value.toLowerCase()

function targetOk(plan: DelegationPlan, to: Address): boolean {
  return plan.targets === undefined || plan.targets.some((target) => lower(target) === lower(to))
}

function shapeOk(plan: DelegationPlan, data: Hex): boolean {
  if (plan.scope === 'native') return lower(data) === lower(plan.exactCalldata ?? '0x')
  if (plan.scope === 'erc20')
    return size(data) === 68 && lower(slice(data, 0, 4)) === transferSelector
  if (size(data) < 4) return false
  const selector = lower(slice(data, 0, 4))
  return (plan.selectors ?? []).some((s) => lower(s) === selector)
}

function calldataFailure(plan: DelegationPlan, data: Hex): MatchFailure | undefined {
  for (const rule of plan.calldata ?? []) {
    const length = size(rule.bytes)
    const attempted =
      size(data) >= rule.offset + length
        ? slice(data, rule.offset, rule.offset + length)
        : undefined
    if (attempted === undefined || lower(attempted) !== lower(rule.bytes))
      return {
        code: 'argument-rule',
        rule: rule.field,
        limit: rule.bytes,
        attempted: attempted ?? 'calldata too short',
        message: `${rule.field} does not allow this value.`,
      }
  }
  return undefined
}

/**
 * Finds the delegation whose target, function and calldata rules cover a call (caps aside), or says why none does.
 * The scopes are disjoint, so at most one delegation covers a call.
 */
export function matchCall(
  plans: readonly DelegationPlan[],
  call: RawCall,
): { plan: DelegationPlan } | { failure: MatchFailure } {
  const byTarget = plans.filter((plan) => targetOk(plan, call.to))
  if (byTarget.length === 0)
    return {
      failure: {
        code: 'target-not-allowed',
        rule: 'calls',
        attempted: call.to,
        message: `${call.to} is not a target this session may call.`,
      },
    }
  const byShape = byTarget.filter((plan) => shapeOk(plan, call.data))
  if (byShape.length === 0) {
    const selector = size(call.data) >= 4 ? slice(call.data, 0, 4) : call.data
    return {
      failure: {
        code: 'function-not-allowed',
        rule: byTarget[0]?.fields[0] ?? 'calls',
        attempted: selector,
        message:
          size(call.data) === 0
            ? `Plain transfers to ${call.to} are not allowed.`
            : `Function ${selector} on ${call.to} is not allowed.`,
      },
    }
  }
  let failure: MatchFailure | undefined
  for (const plan of byShape) {
    const planFailure = calldataFailure(plan, call.data)
    if (!planFailure) return { plan }
    failure ??= planFailure
  }
  return { failure: failure as MatchFailure }
}
