import { bytesToBigInt, type Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import type { RawDump, RawValue } from './harness/api.js'
import { scanForKeys } from './scanForKeys.js'

const key = generatePrivateKey()
const bytes = Buffer.from(key.slice(2), 'hex')
const dumpOf = (value: RawValue): RawDump => ({
  indexedDb: [{ database: 'db', store: 's', key: { kind: 'string', value: 'k' }, value }],
  webStorage: [],
})
const str = (value: string): RawValue => ({ kind: 'string', value })

describe('scanForKeys', () => {
  const plants: [string, RawDump][] = [
    ['hex with 0x', dumpOf(str(`{"privateKey":"${key}"}`))],
    ['hex without 0x', dumpOf(str(key.slice(2)))],
    ['upper-case hex', dumpOf(str(key.slice(2).toUpperCase()))],
    ['bytes in a byte array', dumpOf({ kind: 'bytes', hex: `00ff${key.slice(2)}aa` })],
    ['bytes as a latin1 string', dumpOf(str(`x${bytes.toString('latin1')}y`))],
    ['base64', dumpOf(str(bytes.toString('base64')))],
    [
      'base64url inside a blob, shifted',
      dumpOf(
        str(Buffer.concat([Buffer.from([1]), bytes, Buffer.from([2, 3])]).toString('base64url')),
      ),
    ],
    ['decimal', dumpOf(str(bytesToBigInt(bytes).toString()))],
    ['nested object key', dumpOf({ kind: 'object', entries: [[key, { kind: 'empty' }]] })],
    [
      'hex inside bytes holding text',
      dumpOf({ kind: 'bytes', hex: Buffer.from(`{"k":"${key}"}`).toString('hex') }),
    ],
    [
      'localStorage',
      {
        indexedDb: [],
        webStorage: [{ area: 'localStorage', key: 'wagmi.store', value: `["${key}"]` }],
      },
    ],
  ]
  test.each(plants)('behavior: finds a key planted as %s', (_, dump) => {
    const result = scanForKeys(dump, [key])
    expect(result.hits.length).toBeGreaterThan(0)
    expect(result.hits[0]?.key).toBe(key)
  })

  test('behavior: finds nothing when only other keys are stored', () => {
    const other = generatePrivateKey()
    const otherBytes = Buffer.from(other.slice(2), 'hex')
    const result = scanForKeys(
      dumpOf({
        kind: 'array',
        items: [
          str(other),
          { kind: 'bytes', hex: other.slice(2) },
          str(otherBytes.toString('base64')),
        ],
      }),
      [key as Hex],
    )
    expect(result.values).toBeGreaterThanOrEqual(3)
    expect(result.hits).toEqual([])
  })
})
