import type { AbiParameter } from 'abitype'
import { PolicyValidationError } from '../errors/policy.js'
import { type DefinePolicyOptions, definePolicy, type Policy } from './definePolicy.js'

/** Renders a policy as JSON; bigints become decimal strings. */
export function serializePolicy(policy: Policy): string {
  return JSON.stringify(policy, (_, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  )
}

/**
 * Parses a policy from `serializePolicy` output (string or parsed object), restores bigints and validates it
 * again. Pass `now` = the time the session was granted when restoring a stored session, so a past expiry is not refused.
 */
export function deserializePolicy(
  json: string | object,
  options: DefinePolicyOptions = {},
): Policy {
  let data: Record<string, unknown>
  try {
    data = (typeof json === 'string' ? JSON.parse(json) : structuredClone(json)) as Record<
      string,
      unknown
    >
  } catch (cause) {
    throw new PolicyValidationError({
      field: 'policy',
      message: `is not valid JSON (${(cause as Error).message}).`,
      fix: 'Pass the string serializePolicy returned.',
    })
  }
  if (typeof data !== 'object' || data === null)
    throw new PolicyValidationError({
      field: 'policy',
      message: 'is not an object.',
      fix: 'Pass the string serializePolicy returned.',
    })
  const amount = (value: unknown, field: string) => {
    if (value === undefined || typeof value === 'bigint') return value
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value)
    throw new PolicyValidationError({
      field,
      message: `is not a decimal amount (${String(value)}).`,
      fix: 'Store amounts as decimal strings.',
    })
  }
  const period = (value: unknown, field: string) =>
    value && typeof value === 'object'
      ? { ...value, amount: amount((value as { amount: unknown }).amount, `${field}.amount`) }
      : value
  const spend = (value: Record<string, unknown>, field: string) => ({
    ...value,
    ...(value.total !== undefined ? { total: amount(value.total, `${field}.total`) } : {}),
    ...(value.perPeriod !== undefined
      ? { perPeriod: period(value.perPeriod, `${field}.perPeriod`) }
      : {}),
  })
  const policy: Record<string, unknown> = { ...data }
  if (data.native && typeof data.native === 'object')
    policy.native = spend(data.native as Record<string, unknown>, 'native')
  if (Array.isArray(data.tokens))
    policy.tokens = data.tokens.map((token, i) => spend(token, `tokens[${i}]`))
  if (Array.isArray(data.calls))
    policy.calls = data.calls.map((call, i) => ({
      ...call,
      ...(call.valueLimit !== undefined
        ? { valueLimit: amount(call.valueLimit, `calls[${i}].valueLimit`) }
        : {}),
      functions: Array.isArray(call.functions)
        ? call.functions.map((fn: unknown) =>
            reviveFunction(fn, Array.isArray(call.abi) ? call.abi : []),
          )
        : call.functions,
    }))
  return definePolicy(policy as Policy, options)
}

function reviveFunction(
  fn: unknown,
  abi: readonly { type?: string; name?: string; inputs?: readonly AbiParameter[] }[],
): unknown {
  if (typeof fn !== 'object' || fn === null) return fn
  const { name, args } = fn as { name?: unknown; args?: Record<string, unknown> }
  if (typeof name !== 'string' || typeof args !== 'object' || args === null) return fn
  const fnName = name.split('(')[0]
  const inputs = abi
    .filter((item) => item.type === 'function' && item.name === fnName)
    .flatMap((item) => item.inputs ?? [])
  const revived: Record<string, unknown> = {}
  for (const [key, rule] of Object.entries(args)) {
    const parameter = inputs.find((input, i) => input.name === key || String(i) === key)
    if (!parameter) {
      revived[key] = rule
      continue
    }
    if (rule && typeof rule === 'object' && !Array.isArray(rule) && 'equals' in rule)
      revived[key] = {
        ...rule,
        equals: reviveValue(parameter, (rule as { equals: unknown }).equals),
      }
    else if (rule && typeof rule === 'object' && !Array.isArray(rule) && 'oneOf' in rule)
      revived[key] = {
        ...rule,
        oneOf: ((rule as { oneOf: unknown[] }).oneOf ?? []).map((v) => reviveValue(parameter, v)),
      }
    else revived[key] = reviveValue(parameter, rule)
  }
  return { ...fn, args: revived }
}

function reviveValue(parameter: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[\d*\]$/.exec(parameter.type)
  if (array && Array.isArray(value))
    return value.map((v) =>
      reviveValue({ ...parameter, type: array[1] as string } as AbiParameter, v),
    )
  if (parameter.type === 'tuple' && value && typeof value === 'object') {
    const components = (parameter as { components?: readonly AbiParameter[] }).components ?? []
    if (Array.isArray(value))
      return value.map((v, i) => (components[i] ? reviveValue(components[i], v) : v))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const component = components.find((c) => c.name === k)
        return [k, component ? reviveValue(component, v) : v]
      }),
    )
  }
  if (/^u?int\d*$/.test(parameter.type) && typeof value === 'string' && /^-?\d+$/.test(value))
    return BigInt(value)
  return value
}
