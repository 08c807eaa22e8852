import type { AbiFunction, AbiParameter } from 'abitype'
import type { Address, Hex } from 'viem'
import {
  encodeAbiParameters,
  getAddress,
  isAddress,
  maxUint256,
  parseAbiItem,
  toFunctionSelector,
  toFunctionSignature,
  zeroAddress,
} from 'viem'
import { PolicyUnenforceableError, PolicyValidationError } from '../errors/policy.js'
import type { Policy, PolicyPeriodInput } from './definePolicy.js'
import type { PolicyPeriod } from './types.js'

/** Largest timestamp the TimestampEnforcer accepts. */
export const maxTimestamp = 253402300799

const periodSeconds: Record<PolicyPeriod, number> = { hour: 3600, day: 86400, week: 604800 }

export type ResolvedArgRule = {
  field: string
  arg: string
  /** Byte offset in the calldata, selector included. */
  offset: number
  /** Exact bytes expected at `offset`. */
  bytes: Hex
  value: unknown
}

export type ResolvedFunction = {
  field: string
  name: string
  signature: string
  selector: Hex
  abiItem: AbiFunction
  rules: ResolvedArgRule[]
  /** The ABI marks it payable: only payable functions may send native value (up to the entry's valueLimit). */
  payable: boolean
}

export type ResolvedCall = {
  field: string
  index: number
  target: Address
  name: string | undefined
  optional: boolean
  valueLimit: bigint
  functions: ResolvedFunction[]
}

export type ResolvedPeriod = { amount: bigint; seconds: number; period: PolicyPeriod | undefined }

export type ResolvedNative = {
  total: bigint | undefined
  perPeriod: ResolvedPeriod | undefined
  transfers: false | { to: Address[] | undefined }
  symbol: string
  decimals: number
}

export type ResolvedToken = {
  field: string
  address: Address
  symbol: string | undefined
  decimals: number
  total: bigint | undefined
  perPeriod: ResolvedPeriod | undefined
}

export type ResolvedPolicy = {
  calls: ResolvedCall[]
  native: ResolvedNative | undefined
  tokens: ResolvedToken[]
  actions: number | undefined
  validity: {
    expiresAt: number | undefined
    expiresIn: number | undefined
    notBefore: number | undefined
  }
}

const cache = new WeakMap<object, ResolvedPolicy>()

const invalid = (field: string, message: string, fix: string) =>
  new PolicyValidationError({ field, message, fix })

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** `undefined` stays `undefined`; anything else is resolved by `resolve`. */
const optional = <T>(
  value: unknown,
  field: string,
  resolve: (value: unknown, field: string) => T,
) => (value === undefined ? undefined : resolve(value, field))

/** Validates a policy and resolves names, selectors, argument offsets and periods. Cached per policy object. */
export function resolvePolicy(
  policy: Policy,
  { now, checkPast = false }: { now: number; checkPast?: boolean | undefined },
): ResolvedPolicy {
  if (!checkPast) {
    const cached = isObject(policy) ? cache.get(policy) : undefined
    if (cached) return cached
  }
  if (!isObject(policy)) throw invalid('policy', 'is not an object.', 'Pass one to definePolicy.')

  const calls = resolveEntries(policy.calls, 'calls', 'target', resolveCall)
  const tokens = resolveEntries(policy.tokens, 'tokens', 'address', resolveToken)
  const native = optional(policy.native, 'native', resolveNative)
  const actions = optional(policy.actions, 'actions', positiveInteger)
  const validity = resolveValidity(policy.validity, now, checkPast)

  // A capped token must not also be transferable through a plain call permission: the cap would be bypassed.
  for (const token of tokens)
    if (token.total !== undefined || token.perPeriod !== undefined)
      for (const call of calls)
        for (const fn of call.functions)
          if (call.target === token.address && fn.selector === transferSelector)
            throw invalid(
              fn.field,
              `allows transfer on ${token.address}, bypassing the cap in ${token.field}.`,
              `Remove it; ${token.field} allows capped transfers.`,
            )

  const resolved: ResolvedPolicy = { calls, native, tokens, actions, validity }
  cache.set(policy, resolved)
  return resolved
}

export const transferSelector: Hex = '0xa9059cbb'

function resolveAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw invalid(field, `is not an address (${String(value)}).`, 'Pass 0x and 40 hex digits.')
  // Mixed case must be a valid checksum; all lower or all upper case carries none.
  const digits = value.slice(2)
  if (!isAddress(value) && digits !== digits.toUpperCase())
    throw invalid(
      field,
      `has a wrong checksum (${value}).`,
      'Copy it again, or pass it in lower case.',
    )
  const address = getAddress(value)
  if (address === zeroAddress) throw invalid(field, 'is the zero address.', 'Pass a real address.')
  return address
}

function resolveAmount(value: unknown, field: string, allowZero?: boolean): bigint {
  if (typeof value !== 'bigint' && !Number.isSafeInteger(value))
    throw invalid(
      field,
      `is not a whole number (${String(value)}).`,
      'Pass a bigint in the smallest unit (e.g. parseEther("0.1")).',
    )
  const amount = BigInt(value as bigint)
  if (amount < 0n) throw invalid(field, `is negative (${amount}).`, 'Pass a positive amount.')
  if (amount === 0n && !allowZero)
    throw invalid(field, 'is zero.', 'Pass a positive amount, or leave it out to allow none.')
  if (amount > maxUint256)
    throw invalid(field, 'does not fit in uint256.', 'Pass a smaller amount.')
  return amount
}

function positiveInteger(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) <= 0)
    throw invalid(field, `is not a positive whole number (${String(value)}).`, 'Pass 1 or more.')
  return value as number
}

function resolvePeriod(value: unknown, field: string): ResolvedPeriod {
  if (!isObject(value)) throw invalid(field, 'is not a period cap.', 'Pass { amount, period }.')
  const amount = resolveAmount(value.amount, `${field}.amount`)
  const period = value.period as PolicyPeriodInput
  if (typeof period === 'string' && Object.hasOwn(periodSeconds, period))
    return { amount, seconds: periodSeconds[period], period }
  if (!Number.isSafeInteger(period) || (period as number) <= 0)
    throw invalid(
      `${field}.period`,
      `is ${period === 0 ? 'zero' : `not a period (${String(period)})`}.`,
      'Pass "hour", "day", "week" or a positive number of seconds.',
    )
  const seconds = period as number
  const named = (Object.keys(periodSeconds) as PolicyPeriod[]).find(
    (key) => periodSeconds[key] === seconds,
  )
  return { amount, seconds, period: named }
}

function resolveNative(value: unknown): ResolvedNative {
  if (!isObject(value))
    throw invalid('native', 'is not an object.', 'Pass { total?, perPeriod?, transfers? }.')
  const total = optional(value.total, 'native.total', resolveAmount)
  const perPeriod = optional(value.perPeriod, 'native.perPeriod', resolvePeriod)
  const field = 'native.transfers'
  const allowed = value.transfers
  let transfers: ResolvedNative['transfers'] = false
  if (allowed === true) transfers = { to: undefined }
  else if (isObject(allowed)) {
    const to = allowed.to
    if (!Array.isArray(to) || to.length === 0)
      throw invalid(`${field}.to`, 'is empty.', 'List a recipient, or pass transfers: true.')
    transfers = { to: to.map((address, i) => resolveAddress(address, `${field}.to[${i}]`)) }
  } else if (allowed !== undefined && allowed !== false)
    throw invalid(field, 'is not a boolean or { to }.', 'Pass true, false or { to: [addresses] }.')
  if (transfers && total === undefined && perPeriod === undefined)
    throw invalid(
      field,
      'allows plain transfers with no cap.',
      'Set native.total or native.perPeriod.',
    )
  return {
    total,
    perPeriod,
    transfers,
    symbol: typeof value.symbol === 'string' ? value.symbol : 'ETH',
    decimals: value.decimals === undefined ? 18 : decimalsOf(value.decimals, 'native.decimals'),
  }
}

function decimalsOf(value: unknown, field: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 255)
    throw invalid(field, `is not a decimals count (${String(value)}).`, 'Pass 0 to 255.')
  return value as number
}

/** Resolves `calls` or `tokens`: an array of objects, each keyed by an address listed once. */
function resolveEntries<T>(
  value: unknown,
  name: 'calls' | 'tokens',
  key: 'target' | 'address',
  resolve: (entry: Record<string, unknown>, field: string, address: Address, index: number) => T,
): T[] {
  if (value === undefined) return []
  const shape = name === 'calls' ? '{ target, abi, functions }' : '{ address, decimals }'
  if (!Array.isArray(value)) throw invalid(name, 'is not an array.', `Pass an array of ${shape}.`)
  const seen = new Map<string, string>()
  return value.map((entry, index) => {
    const field = `${name}[${index}]`
    if (!isObject(entry)) throw invalid(field, 'is not an object.', `Pass ${shape}.`)
    const address = resolveAddress(entry[key], `${field}.${key}`)
    const previous = seen.get(address)
    if (previous)
      throw invalid(
        `${field}.${key}`,
        `repeats ${previous}.${key} (${address}).`,
        'Merge the two entries.',
      )
    seen.set(address, field)
    return resolve(entry, field, address, index)
  })
}

function resolveToken(
  token: Record<string, unknown>,
  field: string,
  address: Address,
): ResolvedToken {
  return {
    field,
    address,
    symbol: typeof token.symbol === 'string' ? token.symbol : undefined,
    decimals: decimalsOf(token.decimals, `${field}.decimals`),
    total: optional(token.total, `${field}.total`, resolveAmount),
    perPeriod: optional(token.perPeriod, `${field}.perPeriod`, resolvePeriod),
  }
}

function timestamp(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw invalid(field, `is not a unix time (${String(value)}).`, 'Pass whole seconds since 1970.')
  if ((value as number) > maxTimestamp)
    throw invalid(field, `is after year 9999 (${value}).`, 'Pass seconds, not milliseconds.')
  return value as number
}

function resolveValidity(
  value: unknown,
  now: number,
  checkPast: boolean,
): ResolvedPolicy['validity'] {
  if (value === undefined)
    return { expiresAt: undefined, expiresIn: undefined, notBefore: undefined }
  if (!isObject(value))
    throw invalid('validity', 'is not an object.', 'Pass { expiresAt? | expiresIn?, notBefore? }.')
  if (value.expiresAt !== undefined && value.expiresIn !== undefined)
    throw invalid('validity', 'sets both expiresAt and expiresIn.', 'Pass only one of them.')
  const field = 'validity.expiresAt'
  const expiresAt = optional(value.expiresAt, field, timestamp)
  const expiresIn = optional(value.expiresIn, 'validity.expiresIn', positiveInteger)
  const notBefore = optional(value.notBefore, 'validity.notBefore', timestamp)
  if (expiresAt === 0 || (expiresAt !== undefined && checkPast && expiresAt <= now))
    throw invalid(
      field,
      `is in the past (${expiresAt} <= now ${now}).`,
      'Pass a time in the future, or use expiresIn.',
    )
  if (expiresAt !== undefined && notBefore !== undefined && expiresAt <= notBefore)
    throw invalid(field, `is not after notBefore (${expiresAt} <= ${notBefore}).`, 'Make it later.')
  return { expiresAt, expiresIn, notBefore }
}

function resolveCall(
  call: Record<string, unknown>,
  field: string,
  target: Address,
  index: number,
): ResolvedCall {
  if (!Array.isArray(call.abi))
    throw invalid(`${field}.abi`, 'is not an ABI array.', 'Pass the contract ABI.')
  const abiFunctions = (call.abi as readonly unknown[]).filter(
    (item): item is AbiFunction => isObject(item) && item.type === 'function',
  )
  if (!Array.isArray(call.functions) || call.functions.length === 0)
    throw invalid(`${field}.functions`, 'is empty.', 'List at least one allowed function.')
  const selectors = new Set<Hex>()
  const functions = (call.functions as unknown[]).map((entry, j) => {
    const fn = resolveFunction(entry, abiFunctions, `${field}.functions[${j}]`)
    if (selectors.has(fn.selector))
      throw invalid(fn.field, `repeats ${fn.signature}.`, 'List each function once.')
    selectors.add(fn.selector)
    return fn
  })
  const valueLimit =
    call.valueLimit === undefined ? 0n : resolveAmount(call.valueLimit, `${field}.valueLimit`, true)
  if (valueLimit > 0n && !functions.some((fn) => fn.payable))
    throw invalid(
      `${field}.valueLimit`,
      'is set, but no allowed function is payable.',
      'Allow a payable function, or leave valueLimit out.',
    )
  return {
    field,
    index,
    target,
    name: typeof call.name === 'string' ? call.name : undefined,
    optional: call.optional === true,
    valueLimit,
    functions,
  }
}

function resolveFunction(
  entry: unknown,
  abiFunctions: AbiFunction[],
  field: string,
): ResolvedFunction {
  const ref = typeof entry === 'string' ? entry : isObject(entry) ? entry.name : undefined
  if (typeof ref !== 'string' || ref.length === 0)
    throw invalid(field, 'is not a function name.', 'Pass a name, a signature, or { name, args }.')
  let matches: AbiFunction[]
  if (ref.includes('(')) {
    let signature: string
    try {
      const item = parseAbiItem(`function ${ref.replace(/^function\s+/, '')}`)
      if (item.type !== 'function') throw new Error('not a function')
      signature = toFunctionSignature(item)
    } catch (cause) {
      throw invalid(
        field,
        `is not a function signature (${ref}): ${(cause as Error).message.split('\n')[0]}`,
        'Write it like move(uint8).',
      )
    }
    matches = abiFunctions.filter((item) => toFunctionSignature(item) === signature).slice(0, 1)
  } else matches = abiFunctions.filter((item) => item.name === ref)
  if (matches.length === 0)
    throw invalid(
      field,
      `${ref.includes('(') ? ref : `"${ref}"`} is not in the ABI.`,
      `Use one of: ${abiFunctions.map((f) => toFunctionSignature(f)).join(', ') || '(none)'}.`,
    )
  if (matches.length > 1)
    throw invalid(
      field,
      `"${ref}" is overloaded.`,
      `Name it by signature: ${matches.map((f) => toFunctionSignature(f)).join(' or ')}.`,
    )
  const abiItem = matches[0] as AbiFunction
  const signature = toFunctionSignature(abiItem)
  const args = isObject(entry) ? entry.args : undefined
  return {
    field,
    name: abiItem.name,
    signature,
    selector: toFunctionSelector(signature),
    abiItem,
    rules: args === undefined ? [] : resolveArgRules(args, abiItem, `${field}.args`),
    payable:
      abiItem.stateMutability === 'payable' || (abiItem as { payable?: boolean }).payable === true,
  }
}

/** Bytes a static ABI type takes in the head of the calldata; `undefined` for a dynamic type. */
function staticSize(parameter: AbiParameter): number | undefined {
  const { type } = parameter
  const components = (parameter as { components?: readonly AbiParameter[] }).components ?? []
  if (type === 'string' || type === 'bytes' || type.endsWith('[]')) return undefined
  const fixedArray = /^(.*)\[(\d+)\]$/.exec(type)
  if (fixedArray) {
    const size = staticSize({ ...parameter, type: fixedArray[1] as string } as AbiParameter)
    return size === undefined ? undefined : size * Number(fixedArray[2])
  }
  if (type !== 'tuple') return 32
  let sum = 0
  for (const component of components) {
    const size = staticSize(component)
    if (size === undefined) return undefined
    sum += size
  }
  return sum
}

function resolveArgRules(args: unknown, abiItem: AbiFunction, field: string): ResolvedArgRule[] {
  if (!isObject(args) || Array.isArray(args))
    throw invalid(
      field,
      'is not an object.',
      'Pass rules keyed by argument name, e.g. { to: "0x…" }.',
    )
  const { inputs } = abiItem
  const rules: ResolvedArgRule[] = []
  for (const [key, rule] of Object.entries(args)) {
    if (rule === undefined) continue
    const ruleField = `${field}.${key}`
    let index = inputs.findIndex((input) => input.name === key)
    if (index === -1 && /^\d+$/.test(key) && Number(key) < inputs.length) index = Number(key)
    if (index === -1)
      throw invalid(
        ruleField,
        `${toFunctionSignature(abiItem)} has no argument "${key}".`,
        `Use one of: ${inputs.map((input, i) => input.name || String(i)).join(', ') || '(none)'}.`,
      )
    const parameter = inputs[index] as AbiParameter
    const value = equalityValue(rule, ruleField)
    if (staticSize(parameter) === undefined)
      throw new PolicyUnenforceableError({
        field: ruleField,
        message: `is a rule on a dynamic-type argument (${parameter.type}).`,
        fix: 'Rule only static-type arguments.',
      })
    let bytes: Hex
    try {
      bytes = encodeAbiParameters([parameter], [value])
    } catch (cause) {
      throw invalid(
        ruleField,
        `is not a valid ${parameter.type} (${String(value)}): ${(cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message}`,
        'Pass a value of that type.',
      )
    }
    let offset = 4
    for (const input of inputs.slice(0, index)) offset += staticSize(input) ?? 32
    rules.push({ field: ruleField, arg: parameter.name || String(index), offset, bytes, value })
  }
  return rules.sort((a, b) => a.offset - b.offset)
}

function equalityValue(rule: unknown, field: string): unknown {
  if (!isObject(rule) || Array.isArray(rule)) return rule
  if ('equals' in rule) return rule.equals
  const unenforceable = (message: string, fix: string) =>
    new PolicyUnenforceableError({ field, message, fix })
  if ('oneOf' in rule) {
    if (Array.isArray(rule.oneOf) && rule.oneOf.length === 1) return rule.oneOf[0]
    throw unenforceable(
      'is a oneOf rule with several values.',
      'Pass one value, or one permission per value.',
    )
  }
  if ('gte' in rule || 'lte' in rule || 'gt' in rule || 'lt' in rule)
    throw unenforceable(
      'is a range rule on an argument.',
      'Pass an exact value; cap amounts with valueLimit, native or tokens.',
    )
  // A plain object value (a static tuple argument).
  return rule
}
