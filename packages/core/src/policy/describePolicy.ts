import type { AbiParameter } from 'abitype'
import { maxUint256 } from 'viem'
import { assertObject } from '../errors/invalidInput.js'
import type { PolicyValidationErrorType } from '../errors/policy.js'
import type { SessionParameterErrorType } from '../errors/session.js'
import type { Policy } from './definePolicy.js'
import {
  formatAmount,
  formatDuration,
  formatPeriod,
  formatTime,
  shortAddress,
} from './formatPolicy.js'
import { type ResolvedPeriod, resolvePolicy } from './resolvePolicy.js'
import type { PolicyDescription, PolicyLine, RiskFlag, TokenInfo } from './types.js'

export type DescribePolicyOptions = {
  /** Unix seconds used for relative times ("in 2 days"). Defaults to now. */
  now?: number | undefined
}

export type DescribePolicyReturnType = PolicyDescription
export type DescribePolicyErrorType = PolicyValidationErrorType | SessionParameterErrorType

/** Functions that move assets or control without an argument rule are flagged. */
const dangerousFunctions = new Set([
  'transfer',
  'transferFrom',
  'safeTransferFrom',
  'approve',
  'increaseAllowance',
  'permit',
  'setApprovalForAll',
  'transferOwnership',
  'renounceOwnership',
  'acceptOwnership',
  'upgradeTo',
  'upgradeToAndCall',
  'changeAdmin',
  'grantRole',
  'setOwner',
])

const sevenDays = 7 * 86400
const largeNative = 10n ** 18n
const unlimited = 2n ** 128n

/** Describes a policy for a person: one line per permission, risk flags, and a plain-text rendering. https://sessionkit.dev/policy#describe */
export function describePolicy(
  policy: Policy,
  options: DescribePolicyOptions = {},
): DescribePolicyReturnType {
  assertObject(options, 'options')
  const now = options.now ?? Math.floor(Date.now() / 1000)
  const resolved = resolvePolicy(policy, { now })
  const lines: PolicyLine[] = []
  const risks: RiskFlag[] = []
  const nativeToken: TokenInfo = {
    address: 'native',
    symbol: resolved.native?.symbol ?? 'ETH',
    decimals: resolved.native?.decimals ?? 18,
  }
  const hasNativeBudget =
    resolved.native?.total !== undefined || resolved.native?.perPeriod !== undefined

  for (const call of resolved.calls) {
    // An ABI with transfer and balanceOf functions looks like a token.
    const names = new Set(
      (policy.calls?.[call.index]?.abi ?? []).map((item) =>
        item.type === 'function' ? item.name : undefined,
      ),
    )
    const targetName = call.name ? `${call.name} (${shortAddress(call.target)})` : call.target
    const token = resolved.tokens.find((t) => t.address === call.target)
    for (const fn of call.functions) {
      const rules = fn.rules.map((rule) => `${rule.arg} = ${String(formatValue(rule.value))}`)
      const valueCap =
        call.valueLimit > 0n && fn.payable
          ? { amount: call.valueLimit, formatted: formatAmount(call.valueLimit, nativeToken) }
          : undefined
      const detail = [
        rules.length ? `only with ${rules.join(', ')}` : 'any arguments',
        valueCap ? `may send up to ${valueCap.formatted} per call` : undefined,
      ]
        .filter(Boolean)
        .join('; ')
      lines.push({
        id: fn.field,
        kind: 'call',
        title: `${fn.name}(${fn.abiItem.inputs.map((input) => (input.name ? `${formatType(input)} ${input.name}` : formatType(input))).join(', ')}) on ${targetName}`,
        detail,
        optional: call.optional || undefined,
        call: {
          target: call.target,
          targetName: call.name,
          functionName: fn.name,
          signature: fn.signature,
          selector: fn.selector,
          args: fn.abiItem.inputs.map((input, i) => {
            const rule = fn.rules.find((r) => r.arg === (input.name || String(i)))
            return {
              name: input.name ?? '',
              type: input.type,
              rule: rule ? `= ${String(formatValue(rule.value))}` : undefined,
            }
          }),
          valueCap,
        },
      })
      if (dangerousFunctions.has(fn.name) && fn.rules.length === 0)
        risks.push({
          code: 'dangerous-function',
          severity: 'danger',
          message: `${fn.name} on ${call.name ?? call.target} is allowed with no argument rule.`,
          lineId: fn.field,
        })
    }
    if (call.valueLimit > 0n && !hasNativeBudget)
      risks.push({
        code: 'unlimited-spend',
        severity: 'danger',
        message: `Calls to ${call.name ?? call.target} may each send up to ${formatAmount(call.valueLimit, nativeToken)} with no total cap.`,
        lineId: call.functions[0]?.field,
      })
    if (
      ((names.has('transfer') && names.has('balanceOf')) || token) &&
      !(token && (token.total !== undefined || token.perPeriod !== undefined))
    )
      risks.push({
        code: 'token-without-cap',
        severity: 'warning',
        message: `${call.name ?? call.target} is a token and has no spend cap in this policy.`,
        lineId: call.functions[0]?.field,
      })
  }

  const native = resolved.native
  if (native?.transfers)
    lines.push({
      id: 'native.transfers',
      kind: 'native-spend',
      title: `Send ${nativeToken.symbol} ${native.transfers.to ? `to ${native.transfers.to.map(shortAddress).join(', ')}` : 'to any address'}`,
    })
  if (native)
    spendLines(
      lines,
      risks,
      'native',
      'native-spend',
      nativeToken,
      native.total,
      native.perPeriod,
      largeNative,
    )

  for (const token of resolved.tokens) {
    const info: TokenInfo = {
      address: token.address,
      symbol: token.symbol,
      decimals: token.decimals,
    }
    spendLines(
      lines,
      risks,
      token.field,
      'token-spend',
      info,
      token.total,
      token.perPeriod,
      10_000n * 10n ** BigInt(token.decimals),
    )
  }

  if (resolved.actions !== undefined)
    lines.push({
      id: 'actions',
      kind: 'actions',
      title: `Up to ${resolved.actions} contract call${resolved.actions === 1 ? '' : 's'}`,
      actions: { count: resolved.actions },
    })

  const { expiresAt, expiresIn, notBefore } = resolved.validity
  const duration =
    expiresIn ?? (expiresAt !== undefined ? expiresAt - Math.max(now, notBefore ?? 0) : undefined)
  const validityParts = [
    notBefore !== undefined ? `from ${formatTime(notBefore)}` : undefined,
    expiresAt !== undefined ? `until ${formatTime(expiresAt)}` : undefined,
  ].filter(Boolean)
  lines.push({
    id: 'validity',
    kind: 'validity',
    title:
      duration === undefined
        ? 'No expiry'
        : expiresIn !== undefined
          ? `Expires ${formatDuration(expiresIn)} after approval`
          : `Expires in ${formatDuration(Math.max(0, expiresAt! - now))}`,
    detail: validityParts.length ? `Valid ${validityParts.join(' ')}` : undefined,
    validity: { notBefore, expiresAt, durationSeconds: duration },
  })
  if (duration === undefined)
    risks.push({
      code: 'no-expiry',
      severity: 'danger',
      message: 'This session never expires.',
      lineId: 'validity',
    })
  else if (duration > sevenDays)
    risks.push({
      code: 'long-expiry',
      severity: 'warning',
      message: `This session lasts ${formatDuration(duration)}, more than 7 days.`,
      lineId: 'validity',
    })

  const text = [
    ...lines.map(
      (line) =>
        `- ${line.title}${line.detail ? ` (${line.detail})` : ''}${line.optional ? ' [optional]' : ''}`,
    ),
    ...risks.map((risk) => `! ${risk.severity}: ${risk.message}`),
  ].join('\n')
  return { lines, risks, text }
}

function formatValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null)
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
  return value
}

function spendLines(
  lines: PolicyLine[],
  risks: RiskFlag[],
  field: string,
  kind: 'native-spend' | 'token-spend',
  token: TokenInfo,
  total: bigint | undefined,
  perPeriod: ResolvedPeriod | undefined,
  large: bigint,
) {
  const entries: [string, bigint, ResolvedPeriod | undefined][] = []
  if (total !== undefined) entries.push([`${field}.total`, total, undefined])
  if (perPeriod) entries.push([`${field}.perPeriod`, perPeriod.amount, perPeriod])
  for (const [id, amount, period] of entries) {
    const formatted = formatAmount(amount, token)
    lines.push({
      id,
      kind,
      title: `Spend up to ${formatted} ${period ? formatPeriod(period.period, period.seconds) : 'in total'}`,
      spend: { token, amount, formatted, period: period?.period, periodSeconds: period?.seconds },
    })
    if (amount >= unlimited || amount === maxUint256)
      risks.push({
        code: 'unlimited-spend',
        severity: 'danger',
        message: `${formatted} is effectively unlimited.`,
        lineId: id,
      })
    else if (amount >= large)
      risks.push({
        code: 'large-spend',
        severity: 'warning',
        message: `${formatted} is a large amount.`,
        lineId: id,
      })
  }
}

/** An argument type as a person reads it: tuples spelled out, e.g. `(address,uint256)[]`. */
function formatType(parameter: AbiParameter): string {
  if (!parameter.type.startsWith('tuple')) return parameter.type
  const components = (parameter as { components?: readonly AbiParameter[] }).components ?? []
  return `(${components.map(formatType).join(',')})${parameter.type.slice('tuple'.length)}`
}
