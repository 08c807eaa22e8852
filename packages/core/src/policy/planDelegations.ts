import type { Address, Hex } from 'viem'
import { PolicyUnenforceableError, PolicyValidationError } from '../errors/policy.js'
import type { ResolvedPeriod, ResolvedPolicy } from './resolvePolicy.js'
import { transferSelector } from './resolvePolicy.js'

/** Why a policy-wide total cannot span delegations. */
const unshared = 'no enforcer shares a total between delegations'

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
  type Group = {
    targets: Address[]
    selectors: Hex[]
    calldata: CalldataRule[]
    valueLimit: bigint
    fields: string[]
    key: string
  }
  const groups: Group[] = []
  for (const call of policy.calls) {
    const perTarget = new Map<string, Group>()
    for (const fn of call.functions) {
      const calldata = fn.rules.map((rule) => ({
        offset: rule.offset,
        bytes: rule.bytes,
        field: rule.field,
      }))
      // Only payable functions may send value; the others get ValueLte(0).
      const valueLimit = fn.payable ? call.valueLimit : 0n
      const ruleKey = `${calldata.map((rule) => `${rule.offset}:${rule.bytes}`).join('|')}#${valueLimit}`
      const group = perTarget.get(ruleKey)
      if (group) {
        group.selectors.push(fn.selector)
        group.fields.push(fn.field)
        continue
      }
      perTarget.set(ruleKey, {
        targets: [call.target],
        selectors: [fn.selector],
        calldata,
        valueLimit,
        fields: [fn.field],
        key: ruleKey,
      })
    }
    // Targets with the very same functions, rules and value limit share a delegation: the cross product is exact.
    for (const group of perTarget.values()) {
      const key = `${[...group.selectors].sort().join(',')}#${group.key}`
      const same = groups.find((g) => `${[...g.selectors].sort().join(',')}#${g.key}` === key)
      if (same) {
        same.targets.push(...group.targets)
        same.fields.push(...group.fields)
      } else groups.push(group)
    }
  }

  const plans: DelegationPlan[] = groups.map((group, i) => ({
    id: `calls:${i}`,
    scope: 'calls',
    targets: group.targets,
    selectors: group.selectors,
    calldata: group.calldata,
    valueLte: {
      limit: group.valueLimit,
      field: `${group.fields[0]?.replace(/\.functions\[\d+\].*$/, '')}.valueLimit`,
    },
    fields: group.fields,
  }))

  if (policy.actions !== undefined) {
    if (plans.length === 0)
      throw new PolicyValidationError({
        field: 'actions',
        message: 'limits contract calls, but the policy allows none.',
        fix: 'Add calls, or leave actions out.',
      })
    if (plans.length > 1)
      throw new PolicyUnenforceableError({
        field: 'actions',
        message: `spans ${plans.length} delegations (different rules or value limits), and ${unshared}.`,
        fix: 'Give every target the same functions, rules and valueLimit, or leave actions out.',
      })
    for (const plan of plans) plan.limitedCalls = policy.actions
  }

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
    const spenders = plans.filter(
      (plan) => plan.scope === 'native' || (plan.valueLte?.limit ?? 0n) > 0n,
    )
    if (spenders.length === 0)
      throw new PolicyValidationError({
        field: 'native',
        message: 'sets a budget, but nothing can send native value.',
        fix: 'Set native.transfers or a valueLimit, or leave native out.',
      })
    if (spenders.length > 1)
      throw new PolicyUnenforceableError({
        field: 'native',
        message: `is a budget shared by ${spenders.length} delegations (${spenders.map((s) => s.fields[0]).join(', ')}), and ${unshared}.`,
        fix: 'Allow native value in one place only.',
      })
    const spender = spenders[0] as DelegationPlan
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
