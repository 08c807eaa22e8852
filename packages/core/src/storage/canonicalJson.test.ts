import { describe, expect, test } from 'vitest'
import { canonicalJson } from './canonicalJson.js'

describe('canonicalJson', () => {
  test('behavior: sorts object keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })

  test('behavior: a shared (non-cyclic) reference is fine', () => {
    const shared = { x: 1 }
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]')
  })

  const unsafe: [string, unknown][] = [
    ['bigint', { salt: 1n }],
    ['function', [() => 1]],
    ['symbol', Symbol('x')],
    ['undefined', undefined],
    ['undefined in an array', [undefined]],
    ['a hole in an array', new Array(2)],
    ['NaN', { n: Number.NaN }],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a Uint8Array', new Uint8Array(2)],
  ]
  test.each(unsafe)('behavior: %s is not JSON-safe', (_, value) => {
    expect(canonicalJson(value)).toBeUndefined()
  })

  test('behavior: a cycle is not JSON-safe', () => {
    const value: unknown[] = []
    value.push(value)
    expect(canonicalJson(value)).toBeUndefined()
  })
})
