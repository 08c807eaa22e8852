import { definePolicy } from '@sessionkit/core'
import { counterAbi, testTokenAbi } from '@sessionkit/test/contracts'
import { describe, expect, test } from 'vitest'
import { isGrantedFrom } from './matchPolicy.js'

const counter = '0x00000000000000000000000000000000000000c0'
const token = '0x00000000000000000000000000000000000000d0'
const requested = definePolicy({
  calls: [
    { target: counter, abi: counterAbi, functions: ['increment', 'move'] },
    { target: token, abi: testTokenAbi, functions: ['approve'], optional: true },
  ],
  tokens: [{ address: token, decimals: 18, total: 10n }],
  validity: { expiresIn: 3600 },
})

describe('isGrantedFrom', () => {
  test('behavior: the same policy, or one narrowed by the user, was granted from it', () => {
    expect(isGrantedFrom(requested, requested)).toBe(true)
    const narrowed = definePolicy({
      calls: [
        {
          target: counter.toUpperCase().replace('0X', '0x') as typeof counter,
          abi: counterAbi,
          functions: ['move'],
        },
      ],
      validity: { expiresIn: 600 },
    })
    expect(isGrantedFrom(narrowed, requested)).toBe(true)
  })

  test('behavior: a policy with another contract, function, token or a native budget was not', () => {
    const otherFunction = definePolicy({
      calls: [{ target: counter, abi: counterAbi, functions: ['reset'] }],
    })
    const otherTarget = definePolicy({
      calls: [{ target: token, abi: counterAbi, functions: ['increment'] }],
    })
    const otherToken = definePolicy({ tokens: [{ address: counter, decimals: 6, total: 1n }] })
    const native = definePolicy({ native: { total: 1n, transfers: true } })
    expect(isGrantedFrom(otherFunction, requested)).toBe(false)
    expect(isGrantedFrom(otherTarget, requested)).toBe(false)
    expect(isGrantedFrom(otherToken, requested)).toBe(false)
    expect(isGrantedFrom(native, requested)).toBe(false)
  })
})
