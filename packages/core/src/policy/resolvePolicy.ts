import type { AbiFunction, AbiParameter } from 'abitype'
import {
  type Address,
  encodeAbiParameters,
  getAddress,
  type Hex,
  isAddress,
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

/** Validates a policy and resolves names, selectors, argument offsets and periods. Cached per policy object. */
export function resolvePolicy(
  policy: Policy,
  { now, checkPast = false }: { now: number; checkPast?: boolean | undefined },
): ResolvedPolicy {
  if (!checkPast) {
    const cached = typeof policy === 'object' && policy !== null ? cache.get(policy) : undefined
    if (cached) return cached
  }
  if (typeof policy !== 'object' || policy === null)
    throw invalid('policy', 'is not an object.', 'Pass an object to definePolicy.')

  const calls = resolveCalls(policy.calls)
  const tokens = resolveTokens(policy.tokens)
  const native = policy.native === undefined ? undefined : resolveNative(policy.native)
  const actions =
    policy.actions === undefined ? undefined : positiveInteger(policy.actions, 'actions')
  const validity = resolveValidity(policy.validity, now, checkPast)

  // A capped token must not also be transferable through a plain call permission: the cap would be bypassed.
  for (const token of tokens) {
    if (token.total === undefined && token.perPeriod === undefined) continue
    for (const call of calls) {
      if (call.target !== token.address) continue
      for (const fn of call.functions)
        if (fn.selector === transferSelector)
          throw invalid(
            fn.field,
            `allows transfer on ${token.address}, which would bypass the spend cap in ${token.field}.`,
            `Remove transfer from calls; token transfers are allowed and capped through ${token.field}.`,
          )
    }
  }

  const resolved: ResolvedPolicy = { calls, native, tokens, actions, validity }
  cache.set(policy, resolved)
  return resolved
}

export const transferSelector: Hex = '0xa9059cbb'

function resolveAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw invalid(
      field,
      `is not an address (${String(value)}).`,
      'Pass a 20-byte 0x-prefixed hex address.',
    )
  if (
    value !== value.toLowerCase() &&
    value.slice(2) !== value.slice(2).toUpperCase() &&
    !isAddress(value)
  )
    throw invalid(
      field,
      `has a wrong checksum (${value}).`,
      'Copy the address again, or pass it in lower case.',
    )
  if (value.toLowerCase() === zeroAddress)
    throw invalid(field, 'is the zero address.', 'Pass the address of a real contract or account.')
  return getAddress(value)
}

function resolveAmount(value: unknown, field: string, { allowZero = false } = {}): bigint {
  let amount: bigint
  if (typeof value === 'bigint') amount = value
  else if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value)
  else if (typeof value === 'number')
    throw invalid(
      field,
      `is not a whole number (${value}).`,
      'Pass a bigint in the smallest unit (e.g. parseEther("0.1")).',
    )
  else
    throw invalid(
      field,
      `is not an amount (${String(value)}).`,
      'Pass a bigint in the smallest unit.',
    )
  if (amount < 0n) throw invalid(field, `is negative (${amount}).`, 'Pass a positive amount.')
  if (amount === 0n && !allowZero)
    throw invalid(
      field,
      'is zero.',
      'Pass a positive amount, or leave the cap out to allow nothing of this kind.',
    )
  if (amount >= 2n ** 256n)
    throw invalid(field, 'does not fit in uint256.', 'Pass a smaller amount.')
  return amount
}

function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw invalid(field, `is not a whole number (${String(value)}).`, 'Pass a positive integer.')
  if (value <= 0)
    throw invalid(field, `must be positive (got ${value}).`, 'Pass a positive integer.')
  return value
}

function resolvePeriod(value: unknown, field: string): ResolvedPeriod {
  if (typeof value !== 'object' || value === null)
    throw invalid(
      field,
      'is not a period cap.',
      'Pass { amount, period: "hour" | "day" | "week" | seconds }.',
    )
  const { amount, period } = value as { amount: unknown; period: PolicyPeriodInput }
  const resolvedAmount = resolveAmount(amount, `${field}.amount`)
  if (typeof period === 'string' && period in periodSeconds)
    return { amount: resolvedAmount, seconds: periodSeconds[period], period }
  if (period === 0)
    throw invalid(
      `${field}.period`,
      'is zero.',
      'Pass "hour", "day", "week" or a positive number of seconds.',
    )
  const seconds = positiveInteger(period, `${field}.period`)
  const named = (Object.keys(periodSeconds) as PolicyPeriod[]).find(
    (key) => periodSeconds[key] === seconds,
  )
  return { amount: resolvedAmount, seconds, period: named }
}

function resolveNative(value: unknown): ResolvedNative {
  if (typeof value !== 'object' || value === null)
    throw invalid('native', 'is not an object.', 'Pass { total?, perPeriod?, transfers? }.')
  const native = value as Record<string, unknown>
  const total = native.total === undefined ? undefined : resolveAmount(native.total, 'native.total')
  const perPeriod =
    native.perPeriod === undefined ? undefined : resolvePeriod(native.perPeriod, 'native.perPeriod')
  let transfers: ResolvedNative['transfers'] = false
  if (native.transfers === true) transfers = { to: undefined }
  else if (typeof native.transfers === 'object' && native.transfers !== null) {
    const to = (native.transfers as { to?: unknown }).to
    if (!Array.isArray(to) || to.length === 0)
      throw invalid(
        'native.transfers.to',
        'is empty.',
        'List at least one recipient, or pass transfers: true.',
      )
    transfers = { to: to.map((address, i) => resolveAddress(address, `native.transfers.to[${i}]`)) }
  } else if (native.transfers !== undefined && native.transfers !== false)
    throw invalid(
      'native.transfers',
      'is not a boolean or { to }.',
      'Pass true, false or { to: [addresses] }.',
    )
  if (transfers && total === undefined && perPeriod === undefined)
    throw invalid(
      'native.transfers',
      'allows plain transfers with no cap.',
      'Set native.total or native.perPeriod.',
    )
  const decimals =
    native.decimals === undefined ? 18 : decimalsOf(native.decimals, 'native.decimals')
  return {
    total,
    perPeriod,
    transfers,
    symbol: typeof native.symbol === 'string' ? native.symbol : 'ETH',
    decimals,
  }
}

function decimalsOf(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 255)
    throw invalid(
      field,
      `is not a valid decimals count (${String(value)}).`,
      'Pass an integer between 0 and 255.',
    )
  return value
}

function resolveTokens(value: unknown): ResolvedToken[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    throw invalid(
      'tokens',
      'is not an array.',
      'Pass an array of { address, decimals, total?, perPeriod? }.',
    )
  const seen = new Map<string, string>()
  return value.map((token, i) => {
    const field = `tokens[${i}]`
    if (typeof token !== 'object' || token === null)
      throw invalid(field, 'is not an object.', 'Pass { address, decimals }.')
    const address = resolveAddress(token.address, `${field}.address`)
    const previous = seen.get(address)
    if (previous)
      throw invalid(
        `${field}.address`,
        `repeats ${previous}.address (${address}).`,
        'List each token once.',
      )
    seen.set(address, field)
    return {
      field,
      address,
      symbol: typeof token.symbol === 'string' ? token.symbol : undefined,
      decimals: decimalsOf(token.decimals, `${field}.decimals`),
      total: token.total === undefined ? undefined : resolveAmount(token.total, `${field}.total`),
      perPeriod:
        token.perPeriod === undefined
          ? undefined
          : resolvePeriod(token.perPeriod, `${field}.perPeriod`),
    }
  })
}

function timestamp(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw invalid(
      field,
      `is not a unix time in seconds (${String(value)}).`,
      'Pass a whole number of seconds since 1970.',
    )
  if (value > maxTimestamp)
    throw invalid(
      field,
      `is after year 9999 (${value}).`,
      'Pass a unix time in seconds, not milliseconds.',
    )
  return value
}

function resolveValidity(
  value: unknown,
  now: number,
  checkPast: boolean,
): ResolvedPolicy['validity'] {
  if (value === undefined)
    return { expiresAt: undefined, expiresIn: undefined, notBefore: undefined }
  if (typeof value !== 'object' || value === null)
    throw invalid('validity', 'is not an object.', 'Pass { expiresAt? | expiresIn?, notBefore? }.')
  const v = value as Record<string, unknown>
  if (v.expiresAt !== undefined && v.expiresIn !== undefined)
    throw invalid('validity', 'sets both expiresAt and expiresIn.', 'Pass only one of them.')
  const expiresAt =
    v.expiresAt === undefined ? undefined : timestamp(v.expiresAt, 'validity.expiresAt')
  const expiresIn =
    v.expiresIn === undefined ? undefined : positiveInteger(v.expiresIn, 'validity.expiresIn')
  const notBefore =
    v.notBefore === undefined ? undefined : timestamp(v.notBefore, 'validity.notBefore')
  if (expiresAt !== undefined && expiresAt === 0)
    throw invalid('validity.expiresAt', 'is zero.', 'Pass a time in the future.')
  if (expiresAt !== undefined && checkPast && expiresAt <= now)
    throw invalid(
      'validity.expiresAt',
      `is in the past (${expiresAt} <= now ${now}).`,
      'Pass a time in the future, or use expiresIn.',
    )
  if (expiresAt !== undefined && notBefore !== undefined && expiresAt <= notBefore)
    throw invalid(
      'validity.expiresAt',
      `is not after notBefore (${expiresAt} <= ${notBefore}).`,
      'Make expiresAt later than notBefore.',
    )
  return { expiresAt, expiresIn, notBefore }
}

function resolveCalls(value: unknown): ResolvedCall[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    throw invalid('calls', 'is not an array.', 'Pass an array of { target, abi, functions }.')
  const seen = new Map<string, string>()
  return value.map((call, index) => {
    const field = `calls[${index}]`
    if (typeof call !== 'object' || call === null)
      throw invalid(field, 'is not an object.', 'Pass { target, abi, functions }.')
    const target = resolveAddress(call.target, `${field}.target`)
    const previous = seen.get(target)
    if (previous)
      throw invalid(
        `${field}.target`,
        `repeats ${previous}.target (${target}).`,
        'Merge the functions of both entries into one.',
      )
    seen.set(target, field)
    if (!Array.isArray(call.abi))
      throw invalid(
        `${field}.abi`,
        'is not an ABI array.',
        'Pass the contract ABI (JSON or parseAbi).',
      )
    const abiFunctions = (call.abi as readonly { type?: unknown }[]).filter(
      (item): item is AbiFunction =>
        typeof item === 'object' && item !== null && item.type === 'function',
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
      call.valueLimit === undefined
        ? 0n
        : resolveAmount(call.valueLimit, `${field}.valueLimit`, { allowZero: true })
    if (valueLimit > 0n && !functions.some((fn) => fn.payable))
      throw invalid(
        `${field}.valueLimit`,
        'is set, but none of the allowed functions is payable.',
        'Only payable functions may send native value: allow a payable function, or leave valueLimit out.',
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
  })
}

function normalizeSignature(signature: string, field: string): string {
  try {
    const item = parseAbiItem(`function ${signature.replace(/^function\s+/, '')}` as string)
    if (item.type !== 'function') throw new Error('not a function')
    return toFunctionSignature(item)
  } catch (cause) {
    throw new PolicyValidationError({
      field,
      message: `is not a valid function signature (${signature}): ${(cause as Error).message.split('\n')[0]}`,
      fix: 'Write it like move(uint8) or transfer(address,uint256).',
    })
  }
}

function resolveFunction(
  entry: unknown,
  abiFunctions: AbiFunction[],
  field: string,
): ResolvedFunction {
  const ref = typeof entry === 'string' ? entry : (entry as { name?: unknown } | null)?.name
  if (typeof ref !== 'string' || ref.length === 0)
    throw invalid(
      field,
      'is not a function name.',
      'Pass a function name, a signature, or { name, args }.',
    )
  let abiItem: AbiFunction | undefined
  if (ref.includes('(')) {
    const signature = normalizeSignature(ref, field)
    abiItem = abiFunctions.find((item) => toFunctionSignature(item) === signature)
    if (!abiItem)
      throw invalid(
        field,
        `${signature} is not in the ABI.`,
        `Use one of: ${abiFunctions.map((f) => toFunctionSignature(f)).join(', ') || '(no functions)'}.`,
      )
  } else {
    const matches = abiFunctions.filter((item) => item.name === ref)
    if (matches.length === 0)
      throw invalid(
        field,
        `function "${ref}" is not in the ABI.`,
        `Use one of: ${[...new Set(abiFunctions.map((f) => f.name))].join(', ') || '(no functions)'}.`,
      )
    if (matches.length > 1)
      throw invalid(
        field,
        `"${ref}" is overloaded.`,
        `Name it by signature: ${matches.map((f) => toFunctionSignature(f)).join(' or ')}.`,
      )
    abiItem = matches[0] as AbiFunction
  }
  const signature = toFunctionSignature(abiItem)
  const args =
    typeof entry === 'object' && entry !== null ? (entry as { args?: unknown }).args : undefined
  const rules = args === undefined ? [] : resolveArgRules(args, abiItem, `${field}.args`)
  return {
    field,
    name: abiItem.name,
    signature,
    selector: toFunctionSelector(signature),
    abiItem,
    rules,
    payable:
      abiItem.stateMutability === 'payable' || (abiItem as { payable?: boolean }).payable === true,
  }
}

function isDynamic(parameter: AbiParameter): boolean {
  const { type } = parameter
  if (type === 'string' || type === 'bytes' || type.endsWith('[]')) return true
  const fixedArray = /^(.*)\[(\d+)\]$/.exec(type)
  if (fixedArray) return isDynamic({ ...parameter, type: fixedArray[1] as string } as AbiParameter)
  if (type === 'tuple')
    return ((parameter as { components?: readonly AbiParameter[] }).components ?? []).some(
      isDynamic,
    )
  return false
}

function headSize(parameter: AbiParameter): number {
  if (isDynamic(parameter)) return 32
  const fixedArray = /^(.*)\[(\d+)\]$/.exec(parameter.type)
  if (fixedArray)
    return (
      Number(fixedArray[2]) *
      headSize({ ...parameter, type: fixedArray[1] as string } as AbiParameter)
    )
  if (parameter.type === 'tuple')
    return ((parameter as { components?: readonly AbiParameter[] }).components ?? []).reduce(
      (sum, c) => sum + headSize(c),
      0,
    )
  return 32
}

function resolveArgRules(args: unknown, abiItem: AbiFunction, field: string): ResolvedArgRule[] {
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw invalid(
      field,
      'is not an object.',
      'Pass rules keyed by argument name, e.g. { to: "0x…" }.',
    )
  const rules: ResolvedArgRule[] = []
  for (const [key, rule] of Object.entries(args)) {
    if (rule === undefined) continue
    const ruleField = `${field}.${key}`
    let index = abiItem.inputs.findIndex((input) => input.name === key)
    if (index === -1 && /^\d+$/.test(key) && Number(key) < abiItem.inputs.length)
      index = Number(key)
    if (index === -1)
      throw invalid(
        ruleField,
        `${toFunctionSignature(abiItem)} has no argument "${key}".`,
        `Use one of: ${abiItem.inputs.map((input, i) => input.name || String(i)).join(', ') || '(no arguments)'}.`,
      )
    const parameter = abiItem.inputs[index] as AbiParameter
    const value = equalityValue(rule, ruleField)
    if (isDynamic(parameter))
      throw new PolicyUnenforceableError({
        field: ruleField,
        message: `is a rule on a dynamic-type argument (${parameter.type}).`,
        fix: 'Put rules on static arguments (address, uint, bool, bytesN, fixed tuples) only.',
      })
    let bytes: Hex
    try {
      bytes = encodeAbiParameters([parameter], [value])
    } catch (cause) {
      throw new PolicyValidationError({
        field: ruleField,
        message: `does not fit the argument type ${parameter.type} (${String(value)}): ${(cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message}`,
        fix: `Pass a ${parameter.type} value.`,
      })
    }
    const offset =
      4 + abiItem.inputs.slice(0, index).reduce((sum, input) => sum + headSize(input), 0)
    rules.push({
      field: ruleField,
      arg: parameter.name || String(index),
      offset,
      bytes,
      value,
    })
  }
  return rules.sort((a, b) => a.offset - b.offset)
}

function equalityValue(rule: unknown, field: string): unknown {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return rule
  if ('equals' in rule) return (rule as { equals: unknown }).equals
  if ('oneOf' in rule) {
    const values = (rule as { oneOf: unknown }).oneOf
    if (Array.isArray(values) && values.length === 1) return values[0]
    throw new PolicyUnenforceableError({
      field,
      message: 'is a oneOf rule with several values.',
      fix: 'Pass one exact value, or split the permission so each value has its own rule.',
    })
  }
  if ('gte' in rule || 'lte' in rule || 'gt' in rule || 'lt' in rule)
    throw new PolicyUnenforceableError({
      field,
      message: 'is a range rule on an argument.',
      fix: 'Pass an exact value; to cap amounts of native or ERC-20 tokens use valueLimit, native or tokens.',
    })
  // A plain object value (a static tuple argument).
  return rule
}
