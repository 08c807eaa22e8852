import { slice } from 'viem'
import type { PolicyCallDecodeErrorType, PolicyValidationErrorType } from '../errors/policy.js'
import type { SessionParameterErrorType } from '../errors/session.js'
import type { Policy } from './definePolicy.js'
import { formatAmount } from './formatPolicy.js'
import { matchCall, type RawCall } from './matchCall.js'
import { type DelegationPlan, planDelegations } from './planDelegations.js'
import { type ResolvedPeriod, type ResolvedPolicy, resolvePolicy } from './resolvePolicy.js'
import { getSessionTimes, type SessionTimes } from './sessionTimes.js'
import { type PolicyCall, toRawCall } from './toRawCall.js'
import type {
  CheckReason,
  CheckResult,
  DelegationUsage,
  PeriodUsage,
  PolicyUsage,
  Remaining,
  SpendRemaining,
  TokenInfo,
} from './types.js'

/** A granted session as far as the check needs it. */
export type PolicySession = { policy: Policy; grantedAt: number; revoked?: boolean | undefined }

export type CheckCallsParameters = {
  calls: readonly PolicyCall[]
  /** Unix seconds of the check (the block time the calls would run at). Defaults to now. */
  now?: number | undefined
  /** On-chain enforcer state, as `readUsage` returns it. Defaults to unused. */
  usage?: PolicyUsage | undefined
} & (
  | { session: PolicySession; policy?: undefined; grantedAt?: undefined }
  | { session?: undefined; policy: Policy; grantedAt?: number | undefined }
)

export type CheckCallsReturnType = CheckResult

export type CheckCallsErrorType =
  | PolicyValidationErrorType
  | PolicyCallDecodeErrorType
  | SessionParameterErrorType

/**
 * Checks a batch of calls against a session's policy and enforcer state, exactly as the enforcers
 * would judge them, without touching the chain. `remaining` is after the batch when allowed, before it
 * when refused. https://sessionkit.dev/policy#check
 */
export function checkCalls(
  parameters: CheckCallsParameters,
  /** @internal Receives the usage after the calls when they are allowed (to check later calls on top). */
  after?: { usage?: PolicyUsage },
): CheckCallsReturnType {
  const now = parameters.now ?? Math.floor(Date.now() / 1000)
  const policy = parameters.session?.policy ?? (parameters.policy as Policy)
  const grantedAt = parameters.session?.grantedAt ?? parameters.grantedAt ?? now
  const resolved = resolvePolicy(policy, { now })
  const times = getSessionTimes(resolved, grantedAt)
  const plans = planDelegations(resolved)
  const usage = parameters.usage
  const before = copyState(plans, usage)
  const refuse = (reason: CheckReason): CheckResult => ({
    allowed: false,
    reason,
    remaining: remainingOf(resolved, plans, before, times, now),
  })

  if (parameters.session?.revoked || usage?.revoked)
    return refuse({ code: 'revoked', rule: 'session', message: 'This session was revoked.' })
  if (times.notBefore > 0 && now <= times.notBefore)
    return refuse({
      code: 'not-yet-valid',
      rule: 'validity.notBefore',
      limit: times.notBefore,
      attempted: now,
      message: 'This session is not valid yet.',
    })
  if (times.expiresAt > 0 && now >= times.expiresAt)
    return refuse({
      code: 'expired',
      rule:
        times.expiresAt === resolved.validity.expiresAt
          ? 'validity.expiresAt'
          : 'validity.expiresIn',
      limit: times.expiresAt,
      attempted: now,
      message: 'This session has expired.',
    })

  const state = copyState(plans, usage)
  for (const [callIndex, call] of parameters.calls.entries()) {
    const raw = toRawCall(call, callIndex)
    const match = matchCall(plans, raw)
    if ('failure' in match) return refuse({ ...match.failure, callIndex })
    const plan = match.plan
    const current = state.get(plan.id) as DelegationUsage
    if (current.disabled)
      return refuse({
        code: 'revoked',
        callIndex,
        rule: plan.id,
        message: 'The delegation for this call was revoked.',
      })

    const native = nativeInfo(resolved)
    if (plan.valueLte && raw.value > plan.valueLte.limit)
      return refuse({
        code: 'value-over-cap',
        callIndex,
        rule: plan.valueLte.field,
        limit: plan.valueLte.limit,
        attempted: raw.value,
        message:
          plan.valueLte.limit === 0n
            ? `The call sends ${formatAmount(raw.value, native)}, but this permission may not send native value.`
            : `The call sends ${formatAmount(raw.value, native)}, over the ${formatAmount(plan.valueLte.limit, native)} allowed per call.`,
      })
    const callsUsed = (current.callsUsed ?? 0) + 1
    if (plan.limitedCalls !== undefined && callsUsed > plan.limitedCalls)
      return refuse({
        code: 'calls-exhausted',
        callIndex,
        rule: 'actions',
        limit: plan.limitedCalls,
        attempted: callsUsed,
        message: `All ${plan.limitedCalls} actions of this session are used.`,
      })
    const spends = spendsOf(resolved, plan, raw)
    for (const spend of spends) {
      const reason = spendReason(spend, current, times, now, callIndex)
      if (reason) return refuse(reason)
    }
    if (plan.limitedCalls !== undefined) current.callsUsed = callsUsed
    for (const { spentKey, periodKey, total, period, amount } of spends) {
      if (total !== undefined) current[spentKey] = (current[spentKey] ?? 0n) + amount
      if (period) {
        const { currentPeriod, used } = periodState(
          period,
          times.periodStart,
          current[periodKey],
          now,
        )
        current[periodKey] = {
          lastTransferPeriod: currentPeriod,
          transferredInCurrentPeriod: used + amount,
        }
      }
    }
  }
  if (after) after.usage = { ...usage, delegations: Object.fromEntries(state) }
  return { allowed: true, remaining: remainingOf(resolved, plans, state, times, now) }
}

function copyState(
  plans: readonly DelegationPlan[],
  usage: PolicyUsage | undefined,
): Map<string, DelegationUsage> {
  return new Map(plans.map((plan) => [plan.id, { ...(usage?.delegations?.[plan.id] ?? {}) }]))
}

function nativeInfo(policy: ResolvedPolicy): TokenInfo {
  return {
    address: 'native',
    symbol: policy.native?.symbol ?? 'ETH',
    decimals: policy.native?.decimals ?? 18,
  }
}

/** One spend cap of a delegation: native value or an ERC-20 token, with what a call spends of it. */
type Spend = {
  /** The usage fields that count this cap's total and period spend. */
  spentKey: 'nativeSpent' | 'erc20Spent'
  periodKey: 'nativePeriod' | 'erc20Period'
  token: TokenInfo
  /** The policy field of the cap: `native` or `tokens[i]`. */
  field: string
  total: bigint | undefined
  period: ResolvedPeriod | undefined
  amount: bigint
}

/** The spend caps of a delegation, and what `raw` (when given) spends of each. */
function spendsOf(policy: ResolvedPolicy, plan: DelegationPlan, raw?: RawCall): Spend[] {
  const spends: Spend[] = []
  if (plan.nativeTotal !== undefined || plan.nativePeriod)
    spends.push({
      spentKey: 'nativeSpent',
      periodKey: 'nativePeriod',
      token: nativeInfo(policy),
      field: 'native',
      total: plan.nativeTotal,
      period: plan.nativePeriod,
      amount: raw?.value ?? 0n,
    })
  if (plan.scope === 'erc20') {
    const token = policy.tokens.find((t) => t.address === plan.token)
    spends.push({
      spentKey: 'erc20Spent',
      periodKey: 'erc20Period',
      token: {
        address: plan.token ?? 'native',
        symbol: token?.symbol,
        decimals: token?.decimals ?? 0,
      },
      field: token?.field ?? 'tokens',
      total: plan.erc20Total,
      period: plan.erc20Period,
      // transfer(address to, uint256 amount): the amount is the second word.
      amount: raw ? BigInt(slice(raw.data, 36, 68)) : 0n,
    })
  }
  return spends
}

/** Mirrors `_getAvailableAmount` of the period transfer enforcers. */
function periodState(
  period: ResolvedPeriod,
  start: number,
  usage: PeriodUsage | undefined,
  now: number,
): { started: boolean; currentPeriod: bigint; used: bigint; available: bigint } {
  if (now < start) return { started: false, currentPeriod: 0n, used: 0n, available: 0n }
  const currentPeriod = BigInt(Math.floor((now - start) / period.seconds) + 1)
  const used =
    usage && usage.lastTransferPeriod === currentPeriod ? usage.transferredInCurrentPeriod : 0n
  return {
    started: true,
    currentPeriod,
    used,
    available: period.amount > used ? period.amount - used : 0n,
  }
}

function spendReason(
  { spentKey, periodKey, token, field, total, period, amount }: Spend,
  usage: DelegationUsage,
  times: SessionTimes,
  now: number,
  callIndex: number,
): CheckReason | undefined {
  const overCap = (rule: string, limit: bigint, attempted: bigint, when: string): CheckReason => ({
    code: 'spend-over-cap',
    callIndex,
    rule,
    limit,
    attempted,
    message: `This would spend ${formatAmount(attempted, token)} ${when}, over the cap of ${formatAmount(limit, token)}.`,
  })
  const spent = (usage[spentKey] ?? 0n) + amount
  if (total !== undefined && spent > total)
    return overCap(`${field}.total`, total, spent, 'in total')
  if (period) {
    const state = periodState(period, times.periodStart, usage[periodKey], now)
    if (!state.started)
      return {
        code: 'not-yet-valid',
        callIndex,
        rule: `${field}.perPeriod`,
        limit: times.periodStart,
        attempted: now,
        message: 'The first spend period has not started yet.',
      }
    if (amount > state.available)
      return overCap(`${field}.perPeriod`, period.amount, state.used + amount, 'this period')
  }
  return undefined
}

function remainingOf(
  policy: ResolvedPolicy,
  plans: readonly DelegationPlan[],
  state: Map<string, DelegationUsage>,
  times: SessionTimes,
  now: number,
): Remaining {
  const spend: SpendRemaining[] = []
  let actionsLeft: number | undefined
  let actionsUsed: number | undefined
  for (const plan of plans) {
    const usage = state.get(plan.id) ?? {}
    if (plan.limitedCalls !== undefined) {
      actionsUsed = usage.callsUsed ?? 0
      actionsLeft = Math.max(0, plan.limitedCalls - actionsUsed)
    }
    for (const { spentKey, periodKey, token, total, period } of spendsOf(policy, plan)) {
      const used = usage[spentKey] ?? 0n
      if (total !== undefined)
        spend.push({ token, limit: total, used, left: total > used ? total - used : 0n })
      if (period) {
        const current = periodState(period, times.periodStart, usage[periodKey], now)
        spend.push({
          token,
          period: period.period,
          periodSeconds: period.seconds,
          limit: period.amount,
          used: current.used,
          left: current.available,
        })
      }
    }
  }
  return {
    actionsLeft,
    actionsUsed,
    spend,
    timeLeft: times.expiresAt > 0 ? Math.max(0, times.expiresAt - now) : undefined,
    expiresAt: times.expiresAt > 0 ? times.expiresAt : undefined,
  }
}
