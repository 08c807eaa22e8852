import { toFunctionSelector } from 'viem'
import { describe, expect, test } from 'vitest'
import { dungeonAbi } from '../contracts/dungeon.js'
import { describeRefusal } from './describeRefusal.js'

describe('describeRefusal', () => {
  test('behavior: names the refused function from the ABI', () => {
    const attempted = toFunctionSelector('transferItem(address,uint256)')
    expect(
      describeRefusal(
        { code: 'function-not-allowed', rule: 'calls[0].functions', attempted, message: 'raw' },
        dungeonAbi,
      ),
    ).toBe("transferItem(address to, uint256 id) is outside this session's permissions.")
  })

  test('behavior: falls back to the check message for unknown selectors and other codes', () => {
    const base = { rule: 'r', message: 'the check says no' }
    expect(
      describeRefusal(
        { ...base, code: 'function-not-allowed', attempted: '0xdeadbeef' },
        dungeonAbi,
      ),
    ).toBe('the check says no')
    expect(describeRefusal({ ...base, code: 'calls-exhausted' }, dungeonAbi)).toBe(
      'the check says no',
    )
  })
})
