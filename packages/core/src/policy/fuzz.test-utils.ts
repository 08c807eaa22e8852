// The random (policy, call) generator of the policy differential tests: this package's
// (differential.integration.test.ts) and the reliability suite's (tests/reliability/src/fuzz),
// which extends it with calls at the exact remaining allowance.
import fc from 'fast-check'
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  maxUint256,
  parseAbi,
  toHex,
} from 'viem'
import type { Policy } from './definePolicy.js'
import type { PolicyCall } from './toRawCall.js'

export const gameAbi = parseAbi([
  'function move(uint8 direction)',
  'function attack(uint256 monsterId, address weapon)',
  'function buy(uint256 itemId) payable',
  'function setSpot((uint32 x, uint32 y) spot, bool flag)',
  'function use(uint256 itemId)',
  'function use(uint256 itemId, uint256 amount)',
  'function rename(string name)',
])
export const erc20Abi = parseAbi(['function transfer(address to, uint256 amount) returns (bool)'])
export const managerAbi = parseAbi([
  'function redeemDelegations(bytes[] permissionContexts, bytes32[] modes, bytes[] executionCallDatas)',
])

// Codeless addresses: a call to them succeeds whenever the enforcers let it through, so the chain's
// verdict is the enforcers' verdict. Derived from the seed so runs are reproducible.
const address = (label: string) => `0x${keccak256(toHex(`sk-diff-${label}`)).slice(26)}` as Address
export const targets = [0, 1, 2, 3].map((i) => address(`target-${i}`))
export const tokens = [0, 1].map((i) => address(`token-${i}`))
export const recipients = [0, 1].map((i) => address(`recipient-${i}`))
const weapons = [address('weapon-0'), address('weapon-1')]
const periods = ['hour', 'day', 'week', 600] as const
const periodSeconds = (p: (typeof periods)[number]) =>
  p === 'hour' ? 3600 : p === 'day' ? 86400 : p === 'week' ? 604800 : p

type FunctionSpec = { fn: number; rule: number }
export type Scenario = {
  calls: { target: number; functions: FunctionSpec[]; value: number }[]
  native: { total: number; perPeriod: number; period: number; transfers: number } | null
  tokens: { total: number; perPeriod: number; period: number }[]
  actions: number | null
  validity: { notBefore: number | null; expires: number | null; expiresIn: boolean }
  steps: { at: number; calls: number[][] }[]
}

const amountChoices = [1n, 2n, 5n, 100n, 10n ** 18n, 2n ** 100n, 3n]

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  calls: fc.uniqueArray(
    fc.record({
      target: fc.nat({ max: 3 }),
      functions: fc.uniqueArray(
        fc.record({ fn: fc.nat({ max: 6 }), rule: fc.oneof(fc.constant(0), fc.nat({ max: 3 })) }),
        {
          minLength: 1,
          maxLength: 3,
          selector: (f) => f.fn,
        },
      ),
      value: fc.nat({ max: 4 }),
    }),
    { maxLength: 3, selector: (c) => c.target },
  ),
  native: fc.option(
    fc.record({
      total: fc.nat({ max: 6 }),
      perPeriod: fc.nat({ max: 6 }),
      period: fc.nat({ max: 3 }),
      transfers: fc.nat({ max: 2 }),
    }),
  ),
  tokens: fc.array(
    fc.record({
      total: fc.nat({ max: 6 }),
      perPeriod: fc.nat({ max: 6 }),
      period: fc.nat({ max: 3 }),
    }),
    {
      maxLength: 2,
    },
  ),
  actions: fc.option(fc.integer({ min: 1, max: 4 })),
  validity: fc.record({
    notBefore: fc.option(fc.integer({ min: -50, max: 50 })),
    expires: fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 3000, max: 700_000 }),
        fc.integer({ min: 3000, max: 700_000 }),
      ),
    ),
    expiresIn: fc.boolean(),
  }),
  steps: fc.array(
    fc.record({
      at: fc.nat({ max: 1_000_000 }),
      // Mostly single calls; some batches of two or three.
      calls: fc.oneof(
        {
          arbitrary: fc.array(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), {
            minLength: 1,
            maxLength: 1,
          }),
          weight: 6,
        },
        {
          arbitrary: fc.array(fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), {
            minLength: 2,
            maxLength: 3,
          }),
          weight: 3,
        },
      ),
    }),
    { minLength: 4, maxLength: 10 },
  ),
})

/** Builds the policy a scenario describes (it may be invalid or unenforceable: then it is skipped). */
export function toPolicy(s: Scenario, grantedAt: number): Policy {
  const pick = (i: number) => amountChoices[i % amountChoices.length] as bigint
  const functionNames = [
    'move',
    'attack',
    'buy',
    'setSpot',
    'use(uint256)',
    'use(uint256,uint256)',
    'rename',
  ]
  const ruleOf = (fn: number, rule: number): Record<string, unknown> | undefined => {
    if (rule === 0) return undefined
    if (fn === 0) return { direction: rule }
    if (fn === 1)
      return rule === 1
        ? { weapon: weapons[0] }
        : { monsterId: BigInt(rule), weapon: weapons[rule % 2] }
    if (fn === 2) return { itemId: BigInt(rule) }
    if (fn === 3) return rule === 1 ? { flag: true } : { spot: { x: rule, y: 1 } }
    if (fn === 4 || fn === 5) return { itemId: BigInt(rule) }
    return undefined
  }
  const valueLimits = [0n, 0n, 1n, 1000n, 10n ** 18n]
  const times: { notBefore?: number; expiresAt?: number; expiresIn?: number } = {}
  if (s.validity.notBefore !== null) times.notBefore = grantedAt + s.validity.notBefore
  if (s.validity.expires !== null) {
    if (s.validity.expiresIn) times.expiresIn = s.validity.expires
    else times.expiresAt = grantedAt + s.validity.expires
  }
  return {
    calls: s.calls.map((c) => ({
      target: targets[c.target] as Address,
      abi: gameAbi,
      functions: c.functions.map(({ fn, rule }) => {
        const args = ruleOf(fn, rule)
        const name = functionNames[fn] as string
        return args ? { name, args } : name
      }),
      valueLimit: c.functions.some((f) => f.fn === 2) ? valueLimits[c.value] : undefined,
    })),
    native: s.native
      ? {
          total: s.native.total === 0 ? undefined : pick(s.native.total),
          perPeriod:
            s.native.perPeriod === 0
              ? undefined
              : { amount: pick(s.native.perPeriod), period: periods[s.native.period] as never },
          transfers:
            s.native.transfers === 0
              ? undefined
              : s.native.transfers === 1
                ? true
                : { to: [recipients[0] as Address] },
        }
      : undefined,
    tokens: s.tokens.map((t, i) => ({
      address: tokens[i] as Address,
      decimals: 6,
      total: t.total === 0 ? undefined : pick(t.total),
      perPeriod:
        t.perPeriod === 0
          ? undefined
          : { amount: pick(t.perPeriod), period: periods[t.period] as never },
    })),
    actions: s.actions ?? undefined,
    validity: times,
  } as Policy
}

/** Interesting amounts for a call: zero, one, each cap, one over each cap, max uint. */
export function amountsOf(policy: Policy): bigint[] {
  const caps = [
    policy.native?.total,
    policy.native?.perPeriod?.amount,
    ...(policy.tokens ?? []).flatMap((t) => [t.total, t.perPeriod?.amount]),
    ...(policy.calls ?? []).map((c) => c.valueLimit),
  ].filter((v): v is bigint => typeof v === 'bigint' && v > 0n)
  return [0n, 1n, ...caps, ...caps.map((c) => c + 1n), ...caps.map((c) => c / 2n), maxUint256]
}

const inputsOf = (signature: string) => {
  const name = signature.split('(')[0]
  const items = gameAbi.filter((item) => item.name === name)
  return signature.includes('(')
    ? items.find(
        (item) => `${item.name}(${item.inputs.map((i) => i.type).join(',')})` === signature,
      )
    : items[0]
}

/** Arguments for a function: the rule's value when `follow`, small random values otherwise. */
function argsFor(
  signature: string,
  rules: Record<string, unknown> | undefined,
  r: number,
  follow: boolean,
): unknown[] {
  const item = inputsOf(signature)
  if (!item) return []
  return item.inputs.map((input, i) => {
    const ruled = rules?.[input.name ?? '']
    if (ruled !== undefined && follow) return ruled
    const n = (r >> (i * 3)) % 4
    if (input.type === 'uint8') return n
    if (input.type === 'uint256') return BigInt(n)
    if (input.type === 'address') return weapons[n % 2]
    if (input.type === 'bool') return n % 2 === 0
    if (input.type === 'string') return 'x'.repeat(n * 13)
    return { x: n, y: n % 2 }
  })
}

/** Turns 8 random numbers into one call, aimed at the policy often enough to hit its rules and caps. */
export function toCall(r: number[], policy: Policy): PolicyCall {
  const [kind = 0, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0] = r
  const amounts = amountsOf(policy)
  const amount = amounts[b % amounts.length] as bigint
  const permissions = policy.calls ?? []
  const anyTarget = [...targets, ...tokens, ...recipients]
  const value = d % 4 !== 0 ? 0n : (amounts[e % amounts.length] as bigint)
  // Aim at what the policy has: calls, token transfers or native transfers.
  const aims = [
    ...(permissions.length ? [0, 1, 2] : []),
    ...((policy.tokens ?? []).length ? [4, 5] : []),
    ...(policy.native?.transfers ? [6, 6] : []),
  ]
  const choice = kind % 10 < 7 && aims.length ? (aims[kind % aims.length] as number) : kind % 8
  switch (choice) {
    case 0:
    case 1:
    case 2: {
      // A call to a permitted function, usually with the rule's arguments.
      const permission = permissions[c % Math.max(1, permissions.length)]
      if (!permission)
        return { to: targets[c % targets.length] as Address, data: '0x12345678', value }
      const entry = permission.functions[e % permission.functions.length] as
        | string
        | { name: string; args?: Record<string, unknown> }
      const signature = typeof entry === 'string' ? entry : entry.name
      const rules = typeof entry === 'string' ? undefined : entry.args
      const item = inputsOf(signature)
      const target = (a % 12 === 0 ? anyTarget[a % anyTarget.length] : permission.target) as Address
      return {
        to: target,
        data: encodeFunctionData({
          abi: [item as never],
          functionName: item?.name,
          args: argsFor(signature, rules, f, g % 4 !== 0),
        } as never),
        value:
          d % 3 === 0
            ? (amounts[e % amounts.length] as bigint)
            : d % 3 === 1
              ? (permission.valueLimit ?? 0n)
              : 0n,
      }
    }
    case 3: {
      // Any function of the ABI on any target.
      const item = gameAbi[e % gameAbi.length]
      const target = (
        a % 2 === 0
          ? anyTarget[c % anyTarget.length]
          : (permissions[c % Math.max(1, permissions.length)]?.target ?? targets[0])
      ) as Address
      return {
        to: target,
        data: encodeFunctionData({
          abi: [item as never],
          functionName: item?.name,
          args: argsFor(
            `${item?.name}(${item?.inputs.map((i) => i.type).join(',')})`,
            undefined,
            f,
            false,
          ),
        } as never),
        value,
      }
    }
    case 4:
    case 5: {
      const token = (
        a % 5 === 0 ? anyTarget[c % anyTarget.length] : tokens[c % tokens.length]
      ) as Address
      return {
        to: token,
        data: encodeFunctionData({
          abi: erc20Abi,
          functionName: 'transfer',
          args: [recipients[f % 2] as Address, amount],
        }),
        value: d % 7 === 0 ? 1n : 0n,
      }
    }
    case 6: {
      const transfers = policy.native?.transfers
      const allowedTo = typeof transfers === 'object' ? transfers.to : recipients
      const to = (
        a % 4 === 0 ? anyTarget[c % anyTarget.length] : allowedTo[c % allowedTo.length]
      ) as Address
      return { to, data: d % 9 === 0 ? '0x00' : '0x', value: amount }
    }
    default: {
      // Malformed calldata: too short for a selector, or a transfer of the wrong length.
      const target = anyTarget[c % anyTarget.length] as Address
      const transfer = encodeFunctionData({
        abi: erc20Abi,
        functionName: 'transfer',
        args: [recipients[0] as Address, amount],
      })
      const shapes: Hex[] = ['0x00', '0xa9059cbb', `${transfer}00`, transfer.slice(0, -2) as Hex]
      return {
        to: a % 2 === 0 ? (tokens[c % 2] as Address) : target,
        data: shapes[f % shapes.length] as Hex,
        value: 0n,
      }
    }
  }
}

/** Time points worth probing: the validity edges and the spend period edges, and a few in between. */
export function timesOf(policy: Policy, grantedAt: number, at: number): number {
  const { notBefore, expiresAt, expiresIn } = policy.validity ?? {}
  const expiry = expiresAt ?? (expiresIn !== undefined ? grantedAt + expiresIn : undefined)
  const start = notBefore ?? grantedAt
  const periodLengths = [policy.native?.perPeriod, ...(policy.tokens ?? []).map((t) => t.perPeriod)]
    .filter((p) => p !== undefined)
    .map((p) => periodSeconds(p.period as (typeof periods)[number]))
  const points = [grantedAt + 1, grantedAt + 2, grantedAt + 30]
  if (notBefore !== undefined) points.push(notBefore - 1, notBefore, notBefore + 1)
  if (expiry !== undefined) points.push(expiry - 1, expiry, expiry + 1)
  for (const length of periodLengths)
    points.push(start + length - 1, start + length, start + length + 1, start + 2 * length)
  if (at % 3 !== 0) return start + 1 + (at % 40)
  return at % 7 === 0 ? grantedAt + (at % 1_000_000) : (points[at % points.length] as number)
}
