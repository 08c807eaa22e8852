import { encodeFunctionData, stringToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { dungeonAbi } from '../contracts/dungeon.js'
import { summarizeMessage, summarizeTransaction, summarizeTypedData } from './summarize.js'

describe('summarizeTypedData', () => {
  test('behavior: shows domain, primary type and top-level fields, arrays as counts', () => {
    const json = JSON.stringify({
      domain: { name: 'DelegationManager', version: '1', chainId: 31337 },
      primaryType: 'Delegation',
      types: {},
      message: { delegate: '0xabc', caveats: [{}, {}], salt: '5' },
    })
    expect(summarizeTypedData(json)).toEqual({
      title: 'Sign Delegation',
      lines: [
        'domain: DelegationManager v1 chain 31337',
        'delegate: 0xabc',
        'caveats: 2 item(s)',
        'salt: 5',
      ],
    })
  })

  test('error: an unreadable payload still gives a sheet', () => {
    expect(summarizeTypedData('{nope').lines).toEqual(['(unreadable payload)'])
  })
})

describe('summarizeMessage', () => {
  test('behavior: printable text is shown as text, binary as shortened hex', () => {
    expect(summarizeMessage(stringToHex('hello dungeon')).lines).toEqual(['hello dungeon'])
    const binary = `0x00${'ff'.repeat(40)}` as const
    expect(summarizeMessage(binary).lines[0]).toMatch(/^0x00ff.*…ffffffffffff \(84 chars\)$/)
  })
})

describe('summarizeTransaction', () => {
  test('behavior: decodes a Dungeon call and shows the value', () => {
    const data = encodeFunctionData({ abi: dungeonAbi, functionName: 'move', args: [2] })
    const summary = summarizeTransaction(
      { to: '0x0000000000000000000000000000000000000001', data, value: '0xde0b6b3a7640000' },
      [{ name: 'Dungeon', abi: dungeonAbi }],
    )
    expect(summary.lines).toEqual([
      'to: 0x0000000000000000000000000000000000000001',
      'value: 1 ETH',
      'call: Dungeon.move(2)',
    ])
  })

  test('behavior: unknown calldata is shown as data', () => {
    expect(summarizeTransaction({ data: '0x12345678' }).lines).toEqual([
      'to: (contract creation)',
      'data: 0x12345678',
    ])
  })
})
