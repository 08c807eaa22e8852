import { describe, expect, test } from 'vitest'
import { PolicyValidationError } from '../errors/policy.js'
import { checkCalls } from './checkCalls.js'
import { definePolicy } from './definePolicy.js'
import { dungeon, dungeonAbi, now, shop } from './fixtures.test-utils.js'
import { withoutPermissions } from './withoutPermissions.js'

const policy = definePolicy({
  calls: [
    { target: dungeon, abi: dungeonAbi, functions: ['move'] },
    { target: shop, abi: dungeonAbi, functions: ['buy', 'use(uint256)'], optional: true },
  ],
})

describe('withoutPermissions', () => {
  test('behavior: drops switched-off optional functions, and entries left empty', () => {
    const one = withoutPermissions(policy, ['calls[1].functions[0]'])
    expect(one.calls?.[1]?.functions).toEqual(['use(uint256)'])
    const buy = { address: shop, abi: dungeonAbi, functionName: 'buy', args: [1n] } as const
    expect(checkCalls({ policy: one, now, calls: [buy] }).allowed).toBe(false)
    const none = withoutPermissions(policy, ['calls[1].functions[0]', 'calls[1].functions[1]'])
    expect(none.calls).toHaveLength(1)
  })

  test('error: a required permission or an unknown line id is a typed error', () => {
    expect(() => withoutPermissions(policy, ['calls[0].functions[0]'])).toThrow(
      PolicyValidationError,
    )
    expect(() => withoutPermissions(policy, ['calls[7].functions[0]'])).toThrow(
      /not a call permission/,
    )
  })
})
