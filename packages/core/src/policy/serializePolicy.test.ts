import { describe, expect, test } from 'vitest'
import { PolicyValidationError } from '../errors/policy.js'
import { checkCalls } from './checkCalls.js'
import { definePolicy } from './definePolicy.js'
import { alice, dungeon, dungeonAbi, now, usdc } from './fixtures.test-utils.js'
import { deserializePolicy, serializePolicy } from './serializePolicy.js'

const policy = definePolicy(
  {
    calls: [
      {
        target: dungeon,
        abi: dungeonAbi,
        functions: [
          { name: 'attack', args: { monsterId: 2n ** 200n, weapon: alice } },
          { name: 'setSpot', args: { spot: { x: 1, y: 2 } } },
          'buy',
        ],
        valueLimit: 7n,
      },
    ],
    native: { total: 10n ** 18n, perPeriod: { amount: 10n ** 17n, period: 'week' } },
    tokens: [
      {
        address: usdc,
        decimals: 6,
        symbol: 'USDC',
        total: 123n,
        perPeriod: { amount: 45n, period: 60 },
      },
    ],
    validity: { expiresIn: 600 },
  },
  { now },
)

describe('serializePolicy', () => {
  test('behavior: plain JSON with bigints as decimal strings', () => {
    const json = serializePolicy(policy)
    const parsed = JSON.parse(json)
    expect(parsed.native).toEqual({
      total: '1000000000000000000',
      perPeriod: { amount: '100000000000000000', period: 'week' },
    })
    expect(parsed.calls[0].functions[0].args.monsterId).toBe((2n ** 200n).toString())
    expect(parsed.calls[0].valueLimit).toBe('7')
  })

  test('behavior: deserializePolicy restores the same policy (round trip)', () => {
    const restored = deserializePolicy(serializePolicy(policy), { now })
    expect(restored).toEqual(policy)
    expect(deserializePolicy(JSON.parse(serializePolicy(policy)), { now })).toEqual(policy)
    const call = {
      address: dungeon,
      abi: dungeonAbi,
      functionName: 'attack',
      args: [2n ** 200n, alice],
    } as const
    expect(checkCalls({ policy: restored, now, calls: [call] }).allowed).toBe(true)
  })

  test('error: malformed JSON and malformed amounts are typed errors', () => {
    expect(() => deserializePolicy('{', { now })).toThrow(PolicyValidationError)
    const bad = JSON.parse(serializePolicy(policy))
    bad.native.total = '1.5'
    try {
      deserializePolicy(bad, { now })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyValidationError)
      expect((error as PolicyValidationError).field).toBe('native.total')
    }
  })
})
