import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address, Hex } from 'viem'
import { PolicyEnvironmentError } from '../errors/policy.js'
import type { Policy } from './definePolicy.js'
import { enforcerTerms } from './enforcerTerms.js'
import { type DelegationPlan, type DelegationScope, planDelegations } from './planDelegations.js'
import { resolvePolicy } from './resolvePolicy.js'
import { getSessionTimes, type SessionTimes } from './sessionTimes.js'

/** One caveat of a delegation, as the DelegationManager takes it. */
export type Caveat = { enforcer: Address; terms: Hex; args: Hex }

/** One delegation of a compiled policy. */
export type CompiledDelegation = {
  id: string
  scope: DelegationScope
  token?: Address | undefined
  caveats: Caveat[]
  /** What the caveats allow, used by `selectDelegation` and `checkCalls`. */
  plan: DelegationPlan
  times: SessionTimes
}

export type ToCaveatsParameters = {
  environment: Pick<SmartAccountsEnvironment, 'caveatEnforcers'>
  /** The session account: the only address allowed to redeem. */
  redeemer: Address
  /** Unix seconds the session is granted at; anchors `expiresIn` and the first spend period. Defaults to now. */
  grantedAt?: number | undefined
}

export type ToCaveatsReturnType = CompiledDelegation[]

/**
 * Compiles a policy onto Delegation Framework caveat enforcers: one delegation per scope that
 * cannot share enforcers (contract calls, native transfers, each ERC-20). https://sessionkit.dev/policy#compile
 */
export function toCaveats(policy: Policy, parameters: ToCaveatsParameters): ToCaveatsReturnType {
  const { environment, redeemer } = parameters
  const grantedAt = parameters.grantedAt ?? Math.floor(Date.now() / 1000)
  const resolved = resolvePolicy(policy, { now: grantedAt })
  const times = getSessionTimes(resolved, grantedAt)
  const enforcer = (name: string): Address => {
    const address = environment.caveatEnforcers[name]
    if (!address) throw new PolicyEnvironmentError({ enforcer: name })
    return address
  }
  const caveat = (name: string, terms: Hex): Caveat => ({
    enforcer: enforcer(name),
    terms,
    args: '0x00',
  })

  return planDelegations(resolved).map((plan) => {
    const caveats: Caveat[] = [caveat('RedeemerEnforcer', enforcerTerms.redeemer([redeemer]))]
    if (times.notBefore > 0 || times.expiresAt > 0)
      caveats.push(
        caveat('TimestampEnforcer', enforcerTerms.timestamp(times.notBefore, times.expiresAt)),
      )
    if (plan.scope === 'calls') {
      caveats.push(
        caveat('AllowedTargetsEnforcer', enforcerTerms.allowedTargets(plan.targets ?? [])),
      )
      caveats.push(
        caveat('AllowedMethodsEnforcer', enforcerTerms.allowedMethods(plan.selectors ?? [])),
      )
      for (const rule of plan.calldata ?? [])
        caveats.push(
          caveat('AllowedCalldataEnforcer', enforcerTerms.allowedCalldata(rule.offset, rule.bytes)),
        )
    }
    if (plan.scope === 'native') {
      if (plan.targets)
        caveats.push(caveat('AllowedTargetsEnforcer', enforcerTerms.allowedTargets(plan.targets)))
      caveats.push(
        caveat('ExactCalldataEnforcer', enforcerTerms.exactCalldata(plan.exactCalldata ?? '0x')),
      )
    }
    if (plan.valueLte)
      caveats.push(caveat('ValueLteEnforcer', enforcerTerms.valueLte(plan.valueLte.limit)))
    if (plan.limitedCalls !== undefined)
      caveats.push(caveat('LimitedCallsEnforcer', enforcerTerms.limitedCalls(plan.limitedCalls)))
    if (plan.nativeTotal !== undefined)
      caveats.push(
        caveat(
          'NativeTokenTransferAmountEnforcer',
          enforcerTerms.nativeTokenTransferAmount(plan.nativeTotal),
        ),
      )
    if (plan.nativePeriod)
      caveats.push(
        caveat(
          'NativeTokenPeriodTransferEnforcer',
          enforcerTerms.nativeTokenPeriodTransfer(
            plan.nativePeriod.amount,
            plan.nativePeriod.seconds,
            times.periodStart,
          ),
        ),
      )
    if (plan.token && plan.erc20Total !== undefined)
      caveats.push(
        caveat(
          'ERC20TransferAmountEnforcer',
          enforcerTerms.erc20TransferAmount(plan.token, plan.erc20Total),
        ),
      )
    if (plan.token && plan.erc20Period)
      caveats.push(
        caveat(
          'ERC20PeriodTransferEnforcer',
          enforcerTerms.erc20PeriodTransfer(
            plan.token,
            plan.erc20Period.amount,
            plan.erc20Period.seconds,
            times.periodStart,
          ),
        ),
      )
    return { id: plan.id, scope: plan.scope, token: plan.token, caveats, plan, times }
  })
}
