import { getSmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { createCaveatBuilder } from '@metamask/smart-accounts-kit/utils'
import { encodeAbiParameters, encodeFunctionData, toFunctionSelector } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  CallNotCoveredError,
  PolicyEnvironmentError,
  PolicyValidationError,
} from '../errors/policy.js'
import { toCaveats } from './checked.js'
import { definePolicy } from './definePolicy.js'
import {
  alice,
  dungeon,
  dungeonAbi,
  erc20Abi,
  now,
  session,
  shop,
  usdc,
} from './fixtures.test-utils.js'
import { selectDelegation } from './selectDelegation.js'
import { clockSkewSeconds } from './sessionTimes.js'

const environment = getSmartAccountsEnvironment(11155111)
const kit = () => createCaveatBuilder(environment, { allowInsecureUnrestrictedDelegation: true })
const lower = (caveats: readonly { enforcer: string; terms: string; args: string }[]) =>
  caveats.map((c) => ({
    enforcer: c.enforcer.toLowerCase(),
    terms: c.terms.toLowerCase(),
    args: c.args,
  }))

describe('toCaveats', () => {
  test('behavior: a calls policy compiles to the same caveats the kit builds', () => {
    const policy = definePolicy(
      {
        calls: [
          { target: dungeon, abi: dungeonAbi, functions: ['move', 'use(uint256)'], valueLimit: 0n },
          { target: shop, abi: dungeonAbi, functions: ['move', 'use(uint256)'] },
        ],
        actions: 7,
        validity: { expiresIn: 3600, notBefore: now + 10 },
      },
      { now },
    )
    const compiled = toCaveats(policy, { environment, redeemer: session, grantedAt: now })
    expect(compiled).toHaveLength(1)
    expect(compiled[0]?.scope).toBe('calls')
    const expected = kit()
      .addCaveat('redeemer', { redeemers: [session] })
      .addCaveat('timestamp', { afterThreshold: now + 10, beforeThreshold: now + 3600 })
      .addCaveat('allowedTargets', { targets: [dungeon, shop] })
      .addCaveat('allowedMethods', {
        selectors: [toFunctionSelector('move(uint8)'), toFunctionSelector('use(uint256)')],
      })
      .addCaveat('valueLte', { maxValue: 0n })
      .addCaveat('limitedCalls', { limit: 7 })
      .build()
    expect(lower(compiled[0]?.caveats ?? [])).toEqual(lower(expected))
  })

  test('behavior: argument rules compile to AllowedCalldata at the ABI offset, one delegation per rule set', () => {
    const policy = definePolicy(
      {
        calls: [
          {
            target: dungeon,
            abi: dungeonAbi,
            functions: [
              'move',
              { name: 'attack', args: { weapon: alice } },
              { name: 'setSpot', args: { flag: true } },
            ],
          },
        ],
      },
      { now },
    )
    const compiled = toCaveats(policy, { environment, redeemer: session, grantedAt: now })
    expect(compiled.map((d) => d.id)).toEqual(['calls:0', 'calls:1', 'calls:2'])
    const attack = kit()
      .addCaveat('redeemer', { redeemers: [session] })
      .addCaveat('allowedTargets', { targets: [dungeon] })
      .addCaveat('allowedMethods', { selectors: [toFunctionSelector('attack(uint256,address)')] })
      .addCaveat('allowedCalldata', {
        startIndex: 36,
        value: encodeAbiParameters([{ type: 'address' }], [alice]),
      })
      .addCaveat('valueLte', { maxValue: 0n })
      .build()
    expect(lower(compiled[1]?.caveats ?? [])).toEqual(lower(attack))
    // setSpot((uint32,uint32),bool): the static tuple takes 64 bytes of head, so `flag` sits at 4 + 64.
    expect(compiled[2]?.plan.calldata).toEqual([
      {
        offset: 68,
        bytes: encodeAbiParameters([{ type: 'bool' }], [true]),
        field: 'calls[0].functions[2].args.flag',
      },
    ])
  })

  test('behavior: native and ERC-20 budgets compile to their transfer and period enforcers', () => {
    const policy = definePolicy(
      {
        native: {
          total: 10n ** 18n,
          perPeriod: { amount: 10n ** 17n, period: 'day' },
          transfers: { to: [alice] },
        },
        tokens: [
          {
            address: usdc,
            decimals: 6,
            symbol: 'USDC',
            total: 5_000_000n,
            perPeriod: { amount: 1_000_000n, period: 3600 },
          },
        ],
        validity: { expiresAt: now + 100 },
      },
      { now },
    )
    const compiled = toCaveats(policy, { environment, redeemer: session, grantedAt: now })
    expect(compiled.map((d) => [d.id, d.scope, d.token])).toEqual([
      ['native', 'native', undefined],
      [`erc20:${usdc}`, 'erc20', usdc],
    ])
    const native = kit()
      .addCaveat('redeemer', { redeemers: [session] })
      .addCaveat('timestamp', { afterThreshold: 0, beforeThreshold: now + 100 })
      .addCaveat('allowedTargets', { targets: [alice] })
      .addCaveat('exactCalldata', { calldata: '0x' })
      .addCaveat('nativeTokenTransferAmount', { maxAmount: 10n ** 18n })
      .addCaveat('nativeTokenPeriodTransfer', {
        periodAmount: 10n ** 17n,
        periodDuration: 86400,
        startDate: now - clockSkewSeconds,
      })
      .build()
    expect(lower(compiled[0]?.caveats ?? [])).toEqual(lower(native))
    const erc20 = kit()
      .addCaveat('redeemer', { redeemers: [session] })
      .addCaveat('timestamp', { afterThreshold: 0, beforeThreshold: now + 100 })
      .addCaveat('valueLte', { maxValue: 0n })
      .addCaveat('erc20TransferAmount', { tokenAddress: usdc, maxAmount: 5_000_000n })
      .addCaveat('erc20PeriodTransfer', {
        tokenAddress: usdc,
        periodAmount: 1_000_000n,
        periodDuration: 3600,
        startDate: now - clockSkewSeconds,
      })
      .build()
    expect(lower(compiled[1]?.caveats ?? [])).toEqual(lower(erc20))
  })

  test('behavior: a native budget rides on the one call target that may send value', () => {
    const policy = definePolicy(
      {
        calls: [
          { target: dungeon, abi: dungeonAbi, functions: ['buy'], valueLimit: 100n },
          { target: shop, abi: dungeonAbi, functions: ['move'] },
        ],
        native: { total: 1000n },
      },
      { now },
    )
    const compiled = toCaveats(policy, { environment, redeemer: session, grantedAt: now })
    expect(compiled).toHaveLength(2)
    expect(compiled[0]?.plan).toMatchObject({
      targets: [dungeon],
      nativeTotal: 1000n,
      valueLte: { limit: 100n },
    })
    expect(compiled[1]?.plan.nativeTotal).toBeUndefined()
    expect(compiled[1]?.plan.valueLte?.limit).toBe(0n)
  })

  test('error: an environment without an enforcer is a typed error', () => {
    const policy = definePolicy({
      calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
    })
    const { AllowedMethodsEnforcer: _, ...caveatEnforcers } = environment.caveatEnforcers
    const error = (() => {
      try {
        toCaveats(policy, { environment: { caveatEnforcers }, redeemer: session })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(PolicyEnvironmentError)
    expect((error as PolicyEnvironmentError).enforcer).toBe('AllowedMethodsEnforcer')
  })

  test('error: a bad redeemer is a typed error', () => {
    const policy = definePolicy({
      calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
    })
    expect(() => toCaveats(policy, { environment, redeemer: '0x12' as never })).toThrow(
      PolicyValidationError,
    )
  })
})

describe('selectDelegation', () => {
  const policy = definePolicy(
    {
      calls: [
        {
          target: dungeon,
          abi: dungeonAbi,
          functions: ['move', { name: 'attack', args: { weapon: alice } }],
        },
      ],
      native: { total: 10n, transfers: true },
      tokens: [{ address: usdc, decimals: 6, total: 5n }],
    },
    { now },
  )
  const compiled = toCaveats(policy, { environment, redeemer: session, grantedAt: now })

  test('behavior: picks the delegation covering each call', () => {
    const picked = selectDelegation(compiled, [
      { address: dungeon, abi: dungeonAbi, functionName: 'move', args: [1] },
      { address: dungeon, abi: dungeonAbi, functionName: 'attack', args: [3n, alice] },
      { to: alice, value: 3n },
      {
        to: usdc,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [alice, 1n] }),
      },
    ])
    expect(picked.map((d) => d.id)).toEqual([
      'calls:0',
      'calls:1',
      'native',
      `erc20:${usdc.toLowerCase()}`,
    ])
  })

  test('error: a call no delegation covers throws CallNotCoveredError', () => {
    expect(() =>
      selectDelegation(compiled, [
        { address: dungeon, abi: dungeonAbi, functionName: 'move', args: [1] },
        { address: dungeon, abi: dungeonAbi, functionName: 'attack', args: [3n, shop] },
      ]),
    ).toThrow(CallNotCoveredError)
  })
})
