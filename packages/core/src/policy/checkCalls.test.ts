import { encodeFunctionData, maxUint256 } from 'viem'
import { describe, expect, test } from 'vitest'
import { PolicyCallDecodeError } from '../errors/policy.js'
import { checkCalls } from './checked.js'
import { definePolicy } from './definePolicy.js'
import { alice, dungeon, dungeonAbi, erc20Abi, now, shop, usdc } from './fixtures.test-utils.js'
import { clockSkewSeconds } from './sessionTimes.js'
import type { CheckResult } from './types.js'

const reasonOf = (result: CheckResult) => (result.allowed ? undefined : result.reason)
const transfer = (to: `0x${string}`, amount: bigint) =>
  ({
    to: usdc,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
  }) as const
const buy = (itemId: number, value: bigint) =>
  ({
    address: dungeon,
    abi: dungeonAbi,
    functionName: 'buy',
    args: [BigInt(itemId)],
    value,
  }) as const
const move = (direction: number, value = 0n) =>
  ({ address: dungeon, abi: dungeonAbi, functionName: 'move', args: [direction], value }) as const

const policy = definePolicy(
  {
    calls: [
      {
        target: dungeon,
        abi: dungeonAbi,
        functions: ['move', 'buy'],
        valueLimit: 100n,
      },
      { target: shop, abi: dungeonAbi, functions: [{ name: 'attack', args: { weapon: alice } }] },
    ],
    native: { total: 250n, perPeriod: { amount: 150n, period: 'hour' } },
    tokens: [
      {
        address: usdc,
        symbol: 'USDC',
        decimals: 6,
        total: 5_000_000n,
        perPeriod: { amount: 2_000_000n, period: 'day' },
      },
    ],
    validity: { notBefore: now + 10, expiresAt: now + 86400 * 3 },
  },
  { now },
)
const grantedAt = now
const t = now + 11

describe('checkCalls', () => {
  test('behavior: allows a covered call and reports what remains after it', () => {
    const result = checkCalls({
      policy,
      grantedAt,
      now: t,
      calls: [buy(1, 40n), transfer(alice, 1_500_000n)],
    })
    expect(result.allowed).toBe(true)
    expect(result.remaining.timeLeft).toBe(now + 86400 * 3 - t)
    expect(result.remaining.spend).toEqual([
      {
        token: { address: 'native', symbol: 'ETH', decimals: 18 },
        limit: 250n,
        used: 40n,
        left: 210n,
      },
      {
        token: { address: 'native', symbol: 'ETH', decimals: 18 },
        period: 'hour',
        periodSeconds: 3600,
        limit: 150n,
        used: 40n,
        left: 110n,
      },
      {
        token: { address: usdc, symbol: 'USDC', decimals: 6 },
        limit: 5_000_000n,
        used: 1_500_000n,
        left: 3_500_000n,
      },
      {
        token: { address: usdc, symbol: 'USDC', decimals: 6 },
        period: 'day',
        periodSeconds: 86400,
        limit: 2_000_000n,
        used: 1_500_000n,
        left: 500_000n,
      },
    ])
  })

  test('error: not-yet-valid at and before notBefore (the enforcer needs now > notBefore)', () => {
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: now + 10, calls: [move(1)] })),
    ).toMatchObject({
      code: 'not-yet-valid',
      rule: 'validity.notBefore',
      limit: now + 10,
      attempted: now + 10,
    })
    expect(checkCalls({ policy, grantedAt, now: now + 11, calls: [move(1)] }).allowed).toBe(true)
  })

  test('error: expired at the expiry second (the enforcer needs now < expiresAt)', () => {
    const expiresAt = now + 86400 * 3
    expect(checkCalls({ policy, grantedAt, now: expiresAt - 1, calls: [move(1)] }).allowed).toBe(
      true,
    )
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: expiresAt, calls: [move(1)] })),
    ).toMatchObject({
      code: 'expired',
      rule: 'validity.expiresAt',
      limit: expiresAt,
    })
  })

  test('behavior: expiresIn counts from the grant', () => {
    const short = definePolicy({
      calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
      validity: { expiresIn: 60 },
    })
    expect(
      checkCalls({ session: { policy: short, grantedAt: now }, now: now + 59, calls: [move(1)] })
        .allowed,
    ).toBe(true)
    expect(
      reasonOf(
        checkCalls({ session: { policy: short, grantedAt: now }, now: now + 60, calls: [move(1)] }),
      ),
    ).toMatchObject({
      code: 'expired',
      rule: 'validity.expiresIn',
    })
  })

  test('error: revoked session, or revoked delegation in usage', () => {
    expect(
      reasonOf(
        checkCalls({ session: { policy, grantedAt, revoked: true }, now: t, calls: [move(1)] }),
      )?.code,
    ).toBe('revoked')
    const usage = { delegations: { 'calls:0': { disabled: true } } }
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, usage, calls: [move(1)] })),
    ).toMatchObject({ code: 'revoked', callIndex: 0 })
    expect(
      checkCalls({ policy, grantedAt, now: t, usage, calls: [transfer(alice, 1n)] }).allowed,
    ).toBe(true)
  })

  test('error: target-not-allowed names the target', () => {
    expect(
      reasonOf(
        checkCalls({
          policy,
          grantedAt,
          now: t,
          calls: [move(1), { to: alice, data: '0x12345678' }],
        }),
      ),
    ).toMatchObject({
      code: 'target-not-allowed',
      callIndex: 1,
      attempted: alice,
    })
  })

  test('error: function-not-allowed for a function outside the policy, short calldata and plain transfers to a contract', () => {
    const attack = encodeFunctionData({
      abi: dungeonAbi,
      functionName: 'attack',
      args: [1n, alice],
    })
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [{ to: dungeon, data: attack }] })),
    ).toMatchObject({
      code: 'function-not-allowed',
      attempted: attack.slice(0, 10),
    })
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [{ to: dungeon, data: '0x0102' }] }))
        ?.code,
    ).toBe('function-not-allowed')
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [{ to: dungeon, value: 1n }] }))
        ?.code,
    ).toBe('function-not-allowed')
    // A transfer of the wrong length is not covered by the ERC-20 enforcers.
    expect(
      reasonOf(
        checkCalls({
          policy,
          grantedAt,
          now: t,
          calls: [{ to: usdc, data: `${transfer(alice, 1n).data}00` }],
        }),
      )?.code,
    ).toBe('function-not-allowed')
  })

  test('error: argument-rule names the rule and the bytes', () => {
    const result = checkCalls({
      policy,
      grantedAt,
      now: t,
      calls: [{ address: shop, abi: dungeonAbi, functionName: 'attack', args: [1n, dungeon] }],
    })
    expect(reasonOf(result)).toMatchObject({
      code: 'argument-rule',
      rule: 'calls[1].functions[0].args.weapon',
    })
    expect(
      checkCalls({
        policy,
        grantedAt,
        now: t,
        calls: [{ address: shop, abi: dungeonAbi, functionName: 'attack', args: [9n, alice] }],
      }).allowed,
    ).toBe(true)
  })

  test('error: value-over-cap at one over the per-call limit', () => {
    expect(checkCalls({ policy, grantedAt, now: t, calls: [buy(1, 100n)] }).allowed).toBe(true)
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [buy(1, 101n)] })),
    ).toMatchObject({
      code: 'value-over-cap',
      rule: 'calls[0].valueLimit',
      limit: 100n,
      attempted: 101n,
      message:
        'The call sends 0.000000000000000101 ETH, over the 0.0000000000000001 ETH allowed per call.',
    })
    // Non-payable functions, calls with no valueLimit and ERC-20 transfers may not send value at all.
    expect(reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [move(1, 1n)] }))).toMatchObject(
      {
        code: 'value-over-cap',
        limit: 0n,
        // A zero cap is no allowance at all: said plainly, not as "over the 0 ETH allowed".
        message:
          'The call sends 0.000000000000000001 ETH, but this permission may not send native value.',
      },
    )
    const attack = {
      address: shop,
      abi: dungeonAbi,
      functionName: 'attack',
      args: [1n, alice],
      value: 1n,
    } as const
    expect(reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [attack] }))?.code).toBe(
      'value-over-cap',
    )
    expect(
      reasonOf(
        checkCalls({ policy, grantedAt, now: t, calls: [{ ...transfer(alice, 1n), value: 1n }] }),
      )?.code,
    ).toBe('value-over-cap')
  })

  test('error: spend-over-cap for the native period and total, counted across the batch and usage', () => {
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [buy(1, 100n), buy(2, 51n)] })),
    ).toMatchObject({
      code: 'spend-over-cap',
      callIndex: 1,
      rule: 'native.perPeriod',
      limit: 150n,
      attempted: 151n,
    })
    const usage = {
      delegations: {
        'calls:1': {
          nativeSpent: 200n,
          nativePeriod: { lastTransferPeriod: 1n, transferredInCurrentPeriod: 100n },
        },
      },
    }
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, usage, calls: [buy(1, 51n)] })),
    ).toMatchObject({
      code: 'spend-over-cap',
      rule: 'native.total',
      limit: 250n,
      attempted: 251n,
    })
    expect(checkCalls({ policy, grantedAt, now: t, usage, calls: [buy(1, 50n)] }).allowed).toBe(
      true,
    )
    // The next period starts fresh: periods count from notBefore, one hour each.
    const nextPeriod = now + 10 + 3600
    const later = checkCalls({ policy, grantedAt, now: nextPeriod, usage, calls: [buy(1, 50n)] })
    expect(later.allowed).toBe(true)
    expect(later.remaining.spend[1]).toMatchObject({ used: 50n, left: 100n })
  })

  test('error: spend-over-cap for ERC-20 total and per period; an exact cap is allowed', () => {
    expect(
      checkCalls({ policy, grantedAt, now: t, calls: [transfer(alice, 2_000_000n)] }).allowed,
    ).toBe(true)
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [transfer(alice, 2_000_001n)] })),
    ).toMatchObject({
      code: 'spend-over-cap',
      rule: 'tokens[0].perPeriod',
    })
    const usage = { delegations: { [`erc20:${usdc}`]: { erc20Spent: 4_000_000n } } }
    expect(
      reasonOf(
        checkCalls({ policy, grantedAt, now: t, usage, calls: [transfer(alice, 1_000_001n)] }),
      ),
    ).toMatchObject({
      code: 'spend-over-cap',
      rule: 'tokens[0].total',
      limit: 5_000_000n,
      attempted: 5_000_001n,
    })
    expect(
      reasonOf(checkCalls({ policy, grantedAt, now: t, calls: [transfer(alice, maxUint256)] }))
        ?.code,
    ).toBe('spend-over-cap')
  })

  test('error: calls-exhausted after the last action', () => {
    const limited = definePolicy({
      calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
      actions: 2,
    })
    const usage = { delegations: { 'calls:0': { callsUsed: 1 } } }
    const ok = checkCalls({ policy: limited, now, usage, calls: [move(1)] })
    expect(ok).toMatchObject({ allowed: true, remaining: { actionsLeft: 0, actionsUsed: 2 } })
    expect(
      reasonOf(checkCalls({ policy: limited, now, usage, calls: [move(1), move(2)] })),
    ).toMatchObject({
      code: 'calls-exhausted',
      callIndex: 1,
      limit: 2,
      attempted: 3,
    })
  })

  test('error: a period cap refuses everything before the first period starts', () => {
    const later = definePolicy({
      tokens: [{ address: usdc, decimals: 6, perPeriod: { amount: 10n, period: 'day' } }],
    })
    expect(
      reasonOf(
        checkCalls({
          policy: later,
          grantedAt: now,
          now: now - clockSkewSeconds - 1,
          calls: [transfer(alice, 0n)],
        }),
      ),
    ).toMatchObject({
      code: 'not-yet-valid',
      rule: 'tokens[0].perPeriod',
    })
  })

  test('behavior: plain native transfers only to the listed recipients, with empty calldata', () => {
    const tips = definePolicy({ native: { total: 10n, transfers: { to: [alice] } } })
    expect(checkCalls({ policy: tips, now, calls: [{ to: alice, value: 10n }] }).allowed).toBe(true)
    expect(
      reasonOf(checkCalls({ policy: tips, now, calls: [{ to: shop, value: 1n }] }))?.code,
    ).toBe('target-not-allowed')
    expect(
      reasonOf(checkCalls({ policy: tips, now, calls: [{ to: alice, data: '0x00', value: 1n }] }))
        ?.code,
    ).toBe('function-not-allowed')
    expect(
      reasonOf(checkCalls({ policy: tips, now, calls: [{ to: alice, value: 11n }] }))?.code,
    ).toBe('spend-over-cap')
  })

  test('error: a bad time is a typed error', () => {
    expect(() => checkCalls({ policy, now: Date.now(), calls: [] })).toThrow(/not milliseconds/)
    expect(() => checkCalls({ policy, now: 1.5, calls: [] })).toThrow(/now: is not a unix time/)
    expect(() => checkCalls({ policy, now: t, grantedAt: -1, calls: [] })).toThrow(/grantedAt/)
  })

  test('error: a call that cannot be encoded is a typed error', () => {
    expect(() =>
      checkCalls({
        policy,
        now: t,
        calls: [{ address: dungeon, abi: dungeonAbi, functionName: 'move', args: ['north'] }],
      }),
    ).toThrow(PolicyCallDecodeError)
    expect(() =>
      checkCalls({ policy, now: t, calls: [{ to: '0x12', data: '0x' }] as never }),
    ).toThrow(PolicyCallDecodeError)
    expect(() => checkCalls({ policy, now: t, calls: [{ ...move(1), value: -1n }] })).toThrow(
      PolicyCallDecodeError,
    )
  })
})

describe('checkCalls on top of earlier calls (internal)', () => {
  test('behavior: checking calls one at a time on the usage each check leaves gives what checking them together gives', async () => {
    const { checkCalls: unchecked } = await import('./checkCalls.js')
    const calls = [
      buy(1, 60n),
      transfer(alice, 1_500_000n),
      move(2, 40n),
      transfer(alice, 400_000n),
      buy(2, 50n),
      transfer(alice, 200_000n),
      buy(3, 10n),
    ]
    for (let n = 1; n <= calls.length; n++) {
      const together = unchecked({ policy, grantedAt, now: t, calls: calls.slice(0, n) })
      let usage: Parameters<typeof unchecked>[0]['usage']
      let stepwise: CheckResult | undefined
      for (const call of calls.slice(0, n)) {
        const after: { usage?: typeof usage } = {}
        stepwise = unchecked({ policy, grantedAt, now: t, calls: [call], usage }, after)
        if (!stepwise.allowed) break
        usage = after.usage
      }
      expect(stepwise?.allowed).toBe(together.allowed)
      if (together.allowed) expect(stepwise?.remaining).toEqual(together.remaining)
      else expect(reasonOf(stepwise as CheckResult)?.code).toBe(reasonOf(together)?.code)
    }
    // the hourly native cap (150) refuses the sixth buy-or-move value in both ways
    expect(unchecked({ policy, grantedAt, now: t, calls }).allowed).toBe(false)
  })
})
