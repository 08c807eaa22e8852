import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address, Hex } from 'viem'
import { concatHex, numberToHex } from 'viem'
import { PolicyEnvironmentError } from '../errors/policy.js'
import type { Policy } from './definePolicy.js'
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

/** The address of an enforcer in the environment; throws `PolicyEnvironmentError` when it lists none. */
export function enforcerAddress(
  environment: Pick<SmartAccountsEnvironment, 'caveatEnforcers'>,
  name: string,
): Address {
  const address = environment.caveatEnforcers[name]
  if (!address) throw new PolicyEnvironmentError({ enforcer: name })
  return address
}

// Terms layouts the enforcers decode (as @metamask/delegation-core's create*Terms builders encode them).

/** Packed uint256 words. */
const words = (...values: (bigint | number)[]): Hex =>
  concatHex(values.map((value) => numberToHex(value, { size: 32 })))

/** Packed 20-byte addresses. */
const addresses = (list: readonly Address[]): Hex =>
  concatHex(list.map((address) => address.toLowerCase() as Hex))

/**
 * The caveats every delegation of a session starts with: RedeemerEnforcer (only `redeemer` may
 * redeem) and, when the session has times, TimestampEnforcer (uint128 after, uint128 before; 0 = unset).
 */
export function sessionCaveats(
  environment: ToCaveatsParameters['environment'],
  redeemer: Address,
  times: SessionTimes,
  args: Hex,
): Caveat[] {
  const caveats = [
    {
      enforcer: enforcerAddress(environment, 'RedeemerEnforcer'),
      terms: addresses([redeemer]),
      args,
    },
  ]
  if (times.notBefore > 0 || times.expiresAt > 0)
    caveats.push({
      enforcer: enforcerAddress(environment, 'TimestampEnforcer'),
      terms: concatHex([
        numberToHex(times.notBefore, { size: 16 }),
        numberToHex(times.expiresAt, { size: 16 }),
      ]),
      args,
    })
  return caveats
}

/**
 * Compiles a policy onto Delegation Framework caveat enforcers: one delegation per scope that
 * cannot share enforcers (contract calls, native transfers, each ERC-20). https://sessionkit.dev/policy#compile
 */
export function toCaveats(policy: Policy, parameters: ToCaveatsParameters): ToCaveatsReturnType {
  const { environment, redeemer } = parameters
  const grantedAt = parameters.grantedAt ?? Math.floor(Date.now() / 1000)
  const resolved = resolvePolicy(policy, { now: grantedAt })
  const times = getSessionTimes(resolved, grantedAt)

  return planDelegations(resolved).map((plan) => {
    const caveats = sessionCaveats(environment, redeemer, times, '0x00')
    const add = (name: string, terms: Hex) =>
      caveats.push({ enforcer: enforcerAddress(environment, name), terms, args: '0x00' })
    const { targets, nativePeriod, erc20Period } = plan
    if (plan.scope === 'calls') {
      add('AllowedTargetsEnforcer', addresses(targets ?? []))
      add('AllowedMethodsEnforcer', concatHex(plan.selectors ?? []))
      // uint256 start index, then the exact bytes.
      for (const rule of plan.calldata ?? [])
        add('AllowedCalldataEnforcer', concatHex([words(rule.offset), rule.bytes]))
    }
    if (plan.scope === 'native') {
      if (targets) add('AllowedTargetsEnforcer', addresses(targets))
      add('ExactCalldataEnforcer', plan.exactCalldata ?? '0x')
    }
    if (plan.valueLte) add('ValueLteEnforcer', words(plan.valueLte.limit))
    if (plan.limitedCalls !== undefined) add('LimitedCallsEnforcer', words(plan.limitedCalls))
    if (plan.nativeTotal !== undefined)
      add('NativeTokenTransferAmountEnforcer', words(plan.nativeTotal))
    // Period enforcers: uint256 amount, uint256 duration, uint256 start date (ERC-20: after the token).
    if (nativePeriod)
      add(
        'NativeTokenPeriodTransferEnforcer',
        words(nativePeriod.amount, nativePeriod.seconds, times.periodStart),
      )
    if (plan.token) {
      const token = addresses([plan.token])
      if (plan.erc20Total !== undefined)
        add('ERC20TransferAmountEnforcer', concatHex([token, words(plan.erc20Total)]))
      if (erc20Period)
        add(
          'ERC20PeriodTransferEnforcer',
          concatHex([token, words(erc20Period.amount, erc20Period.seconds, times.periodStart)]),
        )
    }
    return { id: plan.id, scope: plan.scope, token: plan.token, caveats, plan, times }
  })
}
