import type { PolicyCallDecodeErrorType, PolicyValidationErrorType } from '../errors/policy.js'
import type { SessionParameterErrorType } from '../errors/session.js'
import { hexToBigInt, slice } from '../viem.js'
import type { Policy } from './definePolicy.js'
import { formatAmount } from './formatPolicy.js'
import { matchCall } from './matchCall.js'
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

    if (plan.valueLte && raw.value > plan.valueLte.limit)
      return refuse({
        code: 'value-over-cap',
        callIndex,
        rule: plan.valueLte.field,
        limit: plan.valueLte.limit,
        attempted: raw.value,
        message:
          plan.valueLte.limit === 0n
            ? `The call sends ${formatAmount(raw.value, nativeInfo(resolved))}, but this permission may not send native value.`
            : `The call sends ${formatAmount(raw.value, nativeInfo(resolved))}, over the ${formatAmount(plan.valueLte.limit, nativeInfo(resolved))} allowed per call.`,
      })
    if (plan.limitedCalls !== undefined && (current.callsUsed ?? 0) + 1 > plan.limitedCalls)
      return refuse({
        code: 'calls-exhausted',
        callIndex,
        rule: 'actions',
        limit: plan.limitedCalls,
        attempted: (current.callsUsed ?? 0) + 1,
        message: `All ${plan.limitedCalls} actions of this session are used.`,
      })
    if (plan.nativeTotal !== undefined || plan.nativePeriod) {
      const reason = spendReason({
        total: plan.nativeTotal,
        period: plan.nativePeriod,
        spent: current.nativeSpent ?? 0n,
        periodUsage: current.nativePeriod,
        amount: raw.value,
        field: 'native',
        token: nativeInfo(resolved),
        times,
        now,
        callIndex,
      })
      if (reason) return refuse(reason)
    }
    if (plan.scope === 'erc20' && plan.token) {
      const amount = hexToBigInt(slice(raw.data, 36, 68))
      const token = resolved.tokens.find((t) => t.address === plan.token)
      const reason = spendReason({
        total: plan.erc20Total,
        period: plan.erc20Period,
        spent: current.erc20Spent ?? 0n,
        periodUsage: current.erc20Period,
        amount,
        field: token?.field ?? 'tokens',
        token: tokenInfo(resolved, plan),
        times,
        now,
        callIndex,
      })
      if (reason) return refuse(reason)
      if (plan.erc20Total !== undefined) current.erc20Spent = (current.erc20Spent ?? 0n) + amount
      if (plan.erc20Period)
        current.erc20Period = consumePeriod(
          plan.erc20Period,
          times,
          current.erc20Period,
          amount,
          now,
        )
    }
    if (plan.limitedCalls !== undefined) current.callsUsed = (current.callsUsed ?? 0) + 1
    if (plan.nativeTotal !== undefined)
      current.nativeSpent = (current.nativeSpent ?? 0n) + raw.value
    if (plan.nativePeriod)
      current.nativePeriod = consumePeriod(
        plan.nativePeriod,
        times,
        current.nativePeriod,
        raw.value,
        now,
      )
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

function tokenInfo(policy: ResolvedPolicy, plan: DelegationPlan): TokenInfo {
  const token = policy.tokens.find((t) => t.address === plan.token)
  return { address: plan.token ?? 'native', symbol: token?.symbol, decimals: token?.decimals ?? 0 }
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

function consumePeriod(
  period: ResolvedPeriod,
  times: SessionTimes,
  usage: PeriodUsage | undefined,
  amount: bigint,
  now: number,
): PeriodUsage {
  const { currentPeriod, used } = periodState(period, times.periodStart, usage, now)
  return { lastTransferPeriod: currentPeriod, transferredInCurrentPeriod: used + amount }
}

function spendReason(p: {
  total: bigint | undefined
  period: ResolvedPeriod | undefined
  spent: bigint
  periodUsage: PeriodUsage | undefined
  amount: bigint
  field: string
  token: TokenInfo
  times: SessionTimes
  now: number
  callIndex: number
}): CheckReason | undefined {
  if (p.total !== undefined && p.spent + p.amount > p.total)
    return {
      code: 'spend-over-cap',
      callIndex: p.callIndex,
      rule: `${p.field}.total`,
      limit: p.total,
      attempted: p.spent + p.amount,
      message: `This would spend ${formatAmount(p.spent + p.amount, p.token)} in total, over the cap of ${formatAmount(p.total, p.token)}.`,
    }
  if (p.period) {
    const state = periodState(p.period, p.times.periodStart, p.periodUsage, p.now)
    if (!state.started)
      return {
        code: 'not-yet-valid',
        callIndex: p.callIndex,
        rule: `${p.field}.perPeriod`,
        limit: p.times.periodStart,
        attempted: p.now,
        message: 'The first spend period has not started yet.',
      }
    if (p.amount > state.available)
      return {
        code: 'spend-over-cap',
        callIndex: p.callIndex,
        rule: `${p.field}.perPeriod`,
        limit: p.period.amount,
        attempted: state.used + p.amount,
        message: `This would spend ${formatAmount(state.used + p.amount, p.token)} this period, over the cap of ${formatAmount(p.period.amount, p.token)}.`,
      }
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
    const entries: [
      TokenInfo,
      bigint | undefined,
      ResolvedPeriod | undefined,
      bigint,
      PeriodUsage | undefined,
    ][] = []
    if (plan.nativeTotal !== undefined || plan.nativePeriod)
      entries.push([
        nativeInfo(policy),
        plan.nativeTotal,
        plan.nativePeriod,
        usage.nativeSpent ?? 0n,
        usage.nativePeriod,
      ])
    if (plan.scope === 'erc20')
      entries.push([
        tokenInfo(policy, plan),
        plan.erc20Total,
        plan.erc20Period,
        usage.erc20Spent ?? 0n,
        usage.erc20Period,
      ])
    for (const [token, total, period, spent, periodUsage] of entries) {
      if (total !== undefined)
        spend.push({ token, limit: total, used: spent, left: total > spent ? total - spent : 0n })
      if (period) {
        const current = periodState(period, times.periodStart, periodUsage, now)
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
