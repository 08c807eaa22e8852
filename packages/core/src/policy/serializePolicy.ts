import type { AbiParameter } from 'abitype'
import { PolicyValidationError } from '../errors/policy.js'
import { type DefinePolicyOptions, definePolicy, type Policy } from './definePolicy.js'
import { isObject } from './resolvePolicy.js'

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
  const invalid = (field: string, message: string) =>
    new PolicyValidationError({ field, message, fix: 'Pass what serializePolicy returned.' })
  // A fresh copy either way: amounts are restored in place.
  let data: unknown
  try {
    data = typeof json === 'string' ? JSON.parse(json) : structuredClone(json)
  } catch (cause) {
    throw invalid('policy', `is not valid JSON (${(cause as Error).message}).`)
  }
  if (!isObject(data)) throw invalid('policy', 'is not an object.')
  /** Restores `object[key]` from a decimal string. */
  const amount = (object: unknown, key: string, field: string) => {
    if (!isObject(object)) return
    const value = object[key]
    if (typeof value === 'string' && /^-?\d+$/.test(value)) object[key] = BigInt(value)
    else if (value !== undefined && typeof value !== 'bigint')
      throw invalid(`${field}.${key}`, `is not a decimal amount (${String(value)}).`)
  }
  const caps = Array.isArray(data.tokens)
    ? data.tokens.map((token, i) => [token, `tokens[${i}]`])
    : []
  for (const [cap, field] of [[data.native, 'native'], ...caps]) {
    amount(cap, 'total', field)
    if (isObject(cap)) amount(cap.perPeriod, 'amount', `${field}.perPeriod`)
  }
  if (Array.isArray(data.calls))
    data.calls.forEach((call, i) => {
      amount(call, 'valueLimit', `calls[${i}]`)
      if (isObject(call) && Array.isArray(call.functions))
        for (const fn of call.functions) reviveArgs(fn, Array.isArray(call.abi) ? call.abi : [])
    })
  return definePolicy(data as Policy, options)
}

/** Restores the bigints of a function permission's argument rules, in place, from the ABI types. */
function reviveArgs(
  fn: unknown,
  abi: readonly { type?: string; name?: string; inputs?: readonly AbiParameter[] }[],
) {
  if (!isObject(fn) || typeof fn.name !== 'string' || !isObject(fn.args)) return
  const name = fn.name.split('(')[0]
  const inputs = abi
    .filter((item) => item.type === 'function' && item.name === name)
    .flatMap((item) => item.inputs ?? [])
  const args = fn.args
  for (const [key, rule] of Object.entries(args)) {
    const parameter = inputs.find((input, i) => input.name === key || String(i) === key)
    if (!parameter) continue
    const revive = (value: unknown) => reviveValue(parameter, value)
    if (isObject(rule) && !Array.isArray(rule) && 'equals' in rule)
      rule.equals = revive(rule.equals)
    else if (isObject(rule) && !Array.isArray(rule) && 'oneOf' in rule)
      rule.oneOf = Array.isArray(rule.oneOf) ? rule.oneOf.map(revive) : rule.oneOf
    else args[key] = revive(rule)
  }
}

function reviveValue(parameter: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[\d*\]$/.exec(parameter.type)
  if (array && Array.isArray(value))
    return value.map((v) =>
      reviveValue({ ...parameter, type: array[1] as string } as AbiParameter, v),
    )
  if (parameter.type === 'tuple' && isObject(value)) {
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
