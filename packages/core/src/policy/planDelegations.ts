import type { Address, Hex } from 'viem'
import { PolicyUnenforceableError, PolicyValidationError } from '../errors/policy.js'
import type { ResolvedPeriod, ResolvedPolicy } from './resolvePolicy.js'
import { transferSelector } from './resolvePolicy.js'

export type DelegationScope = 'calls' | 'native' | 'erc20'

/** A calldata slice the AllowedCalldataEnforcer requires. */
export type CalldataRule = { offset: number; bytes: Hex; field: string }

/**
 * What one delegation of a compiled policy allows, in enforcer terms (address-free).
 * `toCaveats` turns it into caveats; `checkCalls` and `selectDelegation` evaluate it.
 */
export type DelegationPlan = {
  /** Stable id: `calls:0`, `native`, `erc20:0x…`. Keys usage. */
  id: string
  scope: DelegationScope
  token?: Address | undefined
  /** Allowed targets; undefined means any target (native transfers with no recipient list). */
  targets: Address[] | undefined
  /** Allowed selectors (calls scope). */
  selectors?: Hex[] | undefined
  calldata?: CalldataRule[] | undefined
  /** ExactCalldataEnforcer terms (native transfers: `0x`). */
  exactCalldata?: Hex | undefined
  /** ValueLteEnforcer cap. */
  valueLte?: { limit: bigint; field: string } | undefined
  limitedCalls?: number | undefined
  nativeTotal?: bigint | undefined
  nativePeriod?: ResolvedPeriod | undefined
  erc20Total?: bigint | undefined
  erc20Period?: ResolvedPeriod | undefined
  /** Policy fields this delegation carries, e.g. `calls[0].functions[1]`. */
  fields: string[]
}

/** Splits a resolved policy into the smallest set of delegations whose enforcers express it exactly. */
export function planDelegations(policy: ResolvedPolicy): DelegationPlan[] {
  // Functions of a target with the same argument rules and value limit share a delegation.
  const rulesKey = (plan: DelegationPlan) =>
    [
      (plan.calldata ?? []).map((rule) => `${rule.offset}:${rule.bytes}`).join(','),
      plan.valueLte?.limit,
    ].join('|')
  const plans: DelegationPlan[] = []
  for (const call of policy.calls) {
    const own: DelegationPlan[] = []
    for (const fn of call.functions) {
      const plan: DelegationPlan = {
        id: '',
        scope: 'calls',
        targets: [call.target],
        selectors: [fn.selector],
        calldata: fn.rules.map(({ offset, bytes, field }) => ({ offset, bytes, field })),
        // Only payable functions may send value; the others get ValueLte(0).
        valueLte: { limit: fn.payable ? call.valueLimit : 0n, field: `${call.field}.valueLimit` },
        fields: [fn.field],
      }
      const same = own.find((other) => rulesKey(other) === rulesKey(plan))
      if (same) {
        same.selectors?.push(fn.selector)
        same.fields.push(fn.field)
      } else own.push(plan)
    }
    // Targets with the very same functions, rules and value limit share a delegation: the cross product is exact.
    const key = (plan: DelegationPlan) =>
      [[...(plan.selectors ?? [])].sort().join(','), rulesKey(plan)].join('|')
    for (const plan of own) {
      const same = plans.find((other) => key(other) === key(plan))
      if (same) {
        same.targets?.push(call.target)
        same.fields.push(...plan.fields)
      } else {
        plan.id = `calls:${plans.length}`
        plans.push(plan)
      }
    }
  }

  if (policy.actions !== undefined)
    only(plans, 'actions', {
      none: {
        message: 'limits contract calls, but the policy allows none.',
        fix: 'Add calls, or leave actions out.',
      },
      manyFix: 'Give every target the same functions, rules and valueLimit, or leave actions out.',
    }).limitedCalls = policy.actions

  const native = policy.native
  if (native?.transfers) {
    plans.push({
      id: 'native',
      scope: 'native',
      targets: native.transfers.to,
      exactCalldata: '0x',
      fields: ['native.transfers'],
    })
  }
  if (native && (native.total !== undefined || native.perPeriod !== undefined)) {
    const spender = only(
      plans.filter((plan) => plan.scope === 'native' || (plan.valueLte?.limit ?? 0n) > 0n),
      'native',
      {
        none: {
          message: 'sets a budget, but nothing can send native value.',
          fix: 'Set native.transfers or a valueLimit, or leave native out.',
        },
        manyFix: 'Allow native value in one place only.',
      },
    )
    spender.nativeTotal = native.total
    spender.nativePeriod = native.perPeriod
    spender.fields.push('native')
  }

  for (const token of policy.tokens) {
    if (token.total === undefined && token.perPeriod === undefined) continue
    plans.push({
      id: `erc20:${token.address.toLowerCase()}`,
      scope: 'erc20',
      token: token.address,
      targets: [token.address],
      selectors: [transferSelector],
      valueLte: { limit: 0n, field: `${token.field}.value` },
      erc20Total: token.total,
      erc20Period: token.perPeriod,
      fields: [token.field],
    })
  }
  return plans
}

/**
 * The one delegation a policy-wide total (`actions`, `native`) is enforced on. Refused when there is
 * none (`none`: what is wrong and the fix), or several (`manyFix`): no enforcer shares a total
 * between delegations.
 */
function only(
  candidates: DelegationPlan[],
  field: string,
  { none, manyFix }: { none: { message: string; fix: string }; manyFix: string },
): DelegationPlan {
  if (candidates.length === 0) throw new PolicyValidationError({ field, ...none })
  if (candidates.length > 1)
    throw new PolicyUnenforceableError({
      field,
      message: `is a total over ${candidates.length} delegations (${candidates.map((plan) => plan.fields[0]).join(', ')}), and no enforcer shares one between delegations.`,
      fix: manyFix,
    })
  return candidates[0] as DelegationPlan
}
