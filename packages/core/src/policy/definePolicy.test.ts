import { describe, expect, test } from 'vitest'
import { PolicyUnenforceableError, PolicyValidationError } from '../errors/policy.js'
import { definePolicy, type Policy } from './definePolicy.js'
import { dungeon, dungeonAbi, erc20Abi, now, usdc } from './fixtures.test-utils.js'

const define = (policy: Policy) => definePolicy(policy, { now })

function errorOf(fn: () => unknown): PolicyValidationError | PolicyUnenforceableError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PolicyValidationError || error instanceof PolicyUnenforceableError)
      return error
    throw error
  }
  throw new Error('expected a policy error')
}

const call = (overrides: Record<string, unknown> = {}) =>
  ({
    target: dungeon,
    abi: dungeonAbi,
    functions: ['move'],
    ...overrides,
  }) as Policy['calls'] extends readonly (infer c)[] | undefined ? c : never

describe('definePolicy', () => {
  test('behavior: returns the policy as given when valid', () => {
    const policy = definePolicy(
      {
        calls: [
          {
            target: dungeon,
            abi: dungeonAbi,
            functions: ['move', { name: 'attack', args: { weapon: usdc } }],
          },
        ],
        native: { total: 10n, transfers: true },
        tokens: [
          {
            address: usdc,
            symbol: 'USDC',
            decimals: 6,
            total: 5_000_000n,
            perPeriod: { amount: 1n, period: 'day' },
          },
        ],
        validity: { expiresIn: 3600 },
      },
      { now },
    )
    expect(policy.calls?.[0]?.functions).toEqual([
      'move',
      { name: 'attack', args: { weapon: usdc } },
    ])
    expect(
      definePolicy({
        calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
        actions: 3,
      }).actions,
    ).toBe(3)
  })

  test.each([
    [
      'malformed target',
      { calls: [call({ target: '0x123' })] },
      'calls[0].target',
      /not an address/,
    ],
    [
      'zero target',
      { calls: [call({ target: '0x0000000000000000000000000000000000000000' })] },
      'calls[0].target',
      /zero address/,
    ],
    [
      'bad checksum',
      { calls: [call({ target: '0xAbcdef0000000000000000000000000000000000' })] },
      'calls[0].target',
      /checksum/,
    ],
    [
      'function not in ABI',
      { calls: [call({ functions: ['fly'] })] },
      'calls[0].functions[0]',
      /"fly" is not in the ABI/,
    ],
    [
      'signature not in ABI',
      { calls: [call({ functions: ['move(uint256)'] })] },
      'calls[0].functions[0]',
      /move\(uint256\) is not in the ABI/,
    ],
    [
      'overloaded name',
      { calls: [call({ functions: ['use'] })] },
      'calls[0].functions[0]',
      /overloaded.*use\(uint256\) or use\(uint256,uint256\)/,
    ],
    [
      'duplicate function',
      { calls: [call({ functions: ['move', 'move(uint8)'] })] },
      'calls[0].functions[1]',
      /repeats move\(uint8\)/,
    ],
    ['empty functions', { calls: [call({ functions: [] })] }, 'calls[0].functions', /empty/],
    [
      'duplicate targets',
      { calls: [call(), call({ target: dungeon.toUpperCase().replace('0X', '0x') })] },
      'calls[1].target',
      /repeats calls\[0\]\.target/,
    ],
    [
      'negative value limit',
      { calls: [call({ valueLimit: -1n })] },
      'calls[0].valueLimit',
      /negative/,
    ],
    ['zero native total', { native: { total: 0n, transfers: true } }, 'native.total', /zero/],
    [
      'negative native total',
      { native: { total: -5n, transfers: true } },
      'native.total',
      /negative/,
    ],
    [
      'non-integer native total',
      { native: { total: 1.5, transfers: true } },
      'native.total',
      /not a whole number/,
    ],
    [
      'period zero',
      { native: { perPeriod: { amount: 1n, period: 0 }, transfers: true } },
      'native.perPeriod.period',
      /is zero/,
    ],
    [
      'period negative',
      { native: { perPeriod: { amount: 1n, period: -5 }, transfers: true } },
      'native.perPeriod.period',
      /positive/,
    ],
    [
      'period an Object.prototype key',
      { native: { perPeriod: { amount: 1n, period: 'toString' }, transfers: true } },
      'native.perPeriod.period',
      /is not a period \(toString\)/,
    ],
    [
      'zero period amount',
      { native: { perPeriod: { amount: 0n, period: 'day' }, transfers: true } },
      'native.perPeriod.amount',
      /zero/,
    ],
    ['uncapped transfers', { native: { transfers: true } }, 'native.transfers', /no cap/],
    [
      'budget with no spender',
      { native: { total: 5n } },
      'native',
      /nothing can send native value/,
    ],
    [
      'token zero address',
      {
        tokens: [{ address: '0x0000000000000000000000000000000000000000', decimals: 6, total: 1n }],
      },
      'tokens[0].address',
      /zero address/,
    ],
    [
      'token bad decimals',
      { tokens: [{ address: usdc, decimals: 6.5, total: 1n }] },
      'tokens[0].decimals',
      /decimals/,
    ],
    [
      'duplicate tokens',
      {
        tokens: [
          { address: usdc, decimals: 6, total: 1n },
          { address: usdc, decimals: 6, total: 2n },
        ],
      },
      'tokens[1].address',
      /repeats tokens\[0\]/,
    ],
    [
      'token negative total',
      { tokens: [{ address: usdc, decimals: 6, total: -1n }] },
      'tokens[0].total',
      /negative/,
    ],
    ['actions zero', { calls: [call()], actions: 0 }, 'actions', /positive/],
    ['actions fraction', { calls: [call()], actions: 1.5 }, 'actions', /whole number/],
    ['actions without calls', { actions: 2 }, 'actions', /allows none/],
    [
      'expiry in the past',
      { validity: { expiresAt: now - 1 } },
      'validity.expiresAt',
      /in the past/,
    ],
    ['expiry now', { validity: { expiresAt: now } }, 'validity.expiresAt', /in the past/],
    [
      'expiry before notBefore',
      { validity: { expiresAt: now + 10, notBefore: now + 10 } },
      'validity.expiresAt',
      /not after notBefore/,
    ],
    [
      'expiry in milliseconds',
      { validity: { expiresAt: Date.now() * 1000 } },
      'validity.expiresAt',
      /year 9999/,
    ],
    ['both expiries', { validity: { expiresAt: now + 10, expiresIn: 10 } }, 'validity', /both/],
    ['expiresIn zero', { validity: { expiresIn: 0 } }, 'validity.expiresIn', /positive/],
    [
      'rule on missing arg',
      { calls: [call({ functions: [{ name: 'move', args: { speed: 1 } }] })] },
      'calls[0].functions[0].args.speed',
      /no argument "speed"/,
    ],
    [
      'rule of wrong type',
      { calls: [call({ functions: [{ name: 'attack', args: { weapon: 12n } }] })] },
      'calls[0].functions[0].args.weapon',
      /is not a valid address \(12\)/,
    ],
    [
      'rule out of range',
      { calls: [call({ functions: [{ name: 'move', args: { direction: 300 } }] })] },
      'calls[0].functions[0].args.direction',
      /is not a valid uint8 \(300\)/,
    ],
    [
      'transfer on a capped token',
      {
        calls: [{ target: usdc, abi: erc20Abi, functions: ['transfer'] }],
        tokens: [{ address: usdc, decimals: 6, total: 1n }],
      },
      'calls[0].functions[0]',
      /bypassing the cap/,
    ],
  ] as const)('error: %s', (_, policy, field, message) => {
    const error = errorOf(() => define(policy as unknown as Policy))
    expect(error).toBeInstanceOf(PolicyValidationError)
    expect(error.field).toBe(field)
    expect(error.shortMessage).toMatch(message)
    expect(error.name).toBe('PolicyValidationError')
  })

  test.each([
    [
      'range rule',
      { calls: [call({ functions: [{ name: 'move', args: { direction: { lte: 3 } } }] })] },
      'calls[0].functions[0].args.direction',
      /range rule/,
    ],
    [
      'oneOf rule',
      { calls: [call({ functions: [{ name: 'move', args: { direction: { oneOf: [1, 2] } } }] })] },
      'calls[0].functions[0].args.direction',
      /oneOf/,
    ],
    [
      'dynamic arg',
      { calls: [call({ functions: [{ name: 'rename', args: { name: 'bob' } }] })] },
      'calls[0].functions[0].args.name',
      /dynamic-type argument \(string\)/,
    ],
    [
      'actions over several delegations',
      {
        calls: [call({ functions: ['move', { name: 'attack', args: { monsterId: 1n } }] })],
        actions: 5,
      },
      'actions',
      /is a total over 2 delegations \(calls\[0\]\.functions\[0\], calls\[0\]\.functions\[1\]\)/,
    ],
    [
      'native budget shared',
      {
        calls: [call({ functions: ['buy'], valueLimit: 5n })],
        native: { total: 10n, transfers: true },
      },
      'native',
      /is a total over 2 delegations/,
    ],
  ] as const)('error: unenforceable %s', (_, policy, field, message) => {
    const error = errorOf(() => define(policy as unknown as Policy))
    expect(error).toBeInstanceOf(PolicyUnenforceableError)
    expect(error.field).toBe(field)
    expect(error.shortMessage).toMatch(message)
    expect(error.shortMessage).toContain('No on-chain enforcer can check this')
  })

  test('behavior: accepts signatures, single-value oneOf, equals and static tuple rules', () => {
    expect(() =>
      define({
        calls: [
          call({
            functions: [
              'use(uint256,uint256)',
              'function use(uint256 itemId)',
              { name: 'move', args: { direction: { oneOf: [2] } } },
              { name: 'attack', args: { monsterId: { equals: 7n } } },
              { name: 'setSpot', args: { spot: { x: 1, y: 2 } } },
            ],
          }),
        ],
      }),
    ).not.toThrow()
  })

  test('error: a non-object policy is a typed error', () => {
    const error = errorOf(() => define(null as unknown as Policy))
    expect(error.field).toBe('policy')
  })
})
