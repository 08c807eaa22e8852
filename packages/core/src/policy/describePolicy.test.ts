import { maxUint256, parseEther, toFunctionSelector } from 'viem'
import { describe, expect, test } from 'vitest'
import { definePolicy } from './definePolicy.js'
import { describePolicy } from './describePolicy.js'
import { alice, dungeon, dungeonAbi, erc20Abi, now, shop, usdc } from './fixtures.test-utils.js'

describe('describePolicy', () => {
  test('behavior: lines with signatures, argument names, rules, amounts, periods, counts and times', () => {
    const policy = definePolicy(
      {
        calls: [
          {
            target: dungeon,
            name: 'Dungeon',
            abi: dungeonAbi,
            functions: ['move', { name: 'attack', args: { weapon: alice } }],
            optional: true,
          },
        ],
        tokens: [
          {
            address: usdc,
            symbol: 'USDC',
            decimals: 6,
            perPeriod: { amount: 2_500_000n, period: 'day' },
          },
        ],
        validity: { expiresAt: now + 2 * 86400 + 3600 },
      },
      { now },
    )
    const { lines, risks, text } = describePolicy(policy, { now })
    expect(lines.map((line) => [line.id, line.title, line.detail])).toEqual([
      ['calls[0].functions[0]', 'move(uint8 direction) on Dungeon (0x1111…1111)', 'any arguments'],
      [
        'calls[0].functions[1]',
        'attack(uint256 monsterId, address weapon) on Dungeon (0x1111…1111)',
        `only with weapon = ${alice}`,
      ],
      ['tokens[0].perPeriod', 'Spend up to 2.5 USDC per day', undefined],
      ['validity', 'Expires in 2 days 1 hour', 'Valid until 2027-01-17 09:00:00 UTC'],
    ])
    expect(lines[0]?.optional).toBe(true)
    expect(lines[1]?.call?.args).toEqual([
      { name: 'monsterId', type: 'uint256', rule: undefined },
      { name: 'weapon', type: 'address', rule: `= ${alice}` },
    ])
    expect(lines[1]?.call?.selector).toBe(toFunctionSelector('attack(uint256,address)'))
    expect(lines[2]?.spend).toEqual({
      token: { address: usdc, symbol: 'USDC', decimals: 6 },
      amount: 2_500_000n,
      formatted: '2.5 USDC',
      period: 'day',
      periodSeconds: 86400,
    })
    expect(risks).toEqual([])
    expect(text.split('\n')).toHaveLength(4)
    expect(text).toContain(
      '- move(uint8 direction) on Dungeon (0x1111…1111) (any arguments) [optional]',
    )
  })

  test('behavior: native budget, value caps, plain transfers, actions and custom periods', () => {
    const policy = definePolicy({
      calls: [
        { target: dungeon, abi: dungeonAbi, functions: ['buy'], valueLimit: parseEther('0.01') },
      ],
      native: {
        total: parseEther('0.05'),
        perPeriod: { amount: parseEther('0.02'), period: 5400 },
      },
      actions: 12,
      validity: { expiresIn: 3600 },
    })
    const { lines, risks } = describePolicy(policy, { now })
    expect(lines.map((line) => line.title)).toEqual([
      `buy(uint256 itemId) on ${dungeon}`,
      'Spend up to 0.05 ETH in total',
      'Spend up to 0.02 ETH every 1 hour 30 minutes',
      'Up to 12 contract calls',
      'Expires 1 hour after approval',
    ])
    expect(lines[0]?.detail).toBe('any arguments; may send up to 0.01 ETH per call')
    expect(lines[3]?.actions).toEqual({ count: 12 })
    expect(risks).toEqual([])
  })

  test('behavior: risk flags for no expiry, long expiry, unlimited and large spend, dangerous functions, uncapped tokens', () => {
    const risky = definePolicy(
      {
        calls: [
          { target: usdc, abi: erc20Abi, functions: ['approve'] },
          {
            target: dungeon,
            abi: dungeonAbi,
            functions: ['transferOwnership', 'buy'],
            valueLimit: 1n,
          },
          {
            target: shop,
            abi: erc20Abi,
            functions: [{ name: 'approve', args: { spender: alice } }],
          },
        ],
        tokens: [{ address: alice, decimals: 18, total: maxUint256 }],
      },
      { now },
    )
    const { risks, text } = describePolicy(risky, { now })
    expect(risks.map((risk) => [risk.code, risk.severity, risk.lineId])).toEqual([
      ['dangerous-function', 'danger', 'calls[0].functions[0]'],
      ['token-without-cap', 'warning', 'calls[0].functions[0]'],
      ['dangerous-function', 'danger', 'calls[1].functions[0]'],
      ['unlimited-spend', 'danger', 'calls[1].functions[0]'],
      ['token-without-cap', 'warning', 'calls[2].functions[0]'],
      ['unlimited-spend', 'danger', 'tokens[0].total'],
      ['no-expiry', 'danger', 'validity'],
    ])
    expect(risks[0]?.message).toBe(`approve on ${usdc} is allowed with no argument rule.`)
    expect(text).toContain('! danger: This session never expires.')

    const long = definePolicy({
      native: { total: parseEther('5'), transfers: true },
      validity: { expiresIn: 8 * 86400 },
    })
    expect(describePolicy(long, { now }).risks.map((risk) => risk.code)).toEqual([
      'large-spend',
      'long-expiry',
    ])
    const week = definePolicy({
      native: { total: 1n, transfers: true },
      validity: { expiresIn: 7 * 86400 },
    })
    expect(describePolicy(week, { now }).risks).toEqual([])
  })
})
