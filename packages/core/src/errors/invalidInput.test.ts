import { describe, expect, test } from 'vitest'
import { assertAddress, assertArray, assertObject, invalid, wrapInput } from './invalidInput.js'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as { name: string; parameter: string; shortMessage: string; cause?: unknown }
  }
  throw new Error('not refused')
}

describe('input guards', () => {
  test('error: each guard refuses with SessionParameterError naming the parameter and what to pass', () => {
    for (const value of [null, undefined, 42, 'x', [], () => 0])
      expect(refusal(() => assertObject(value, 'options'))).toMatchObject({
        name: 'SessionParameterError',
        parameter: 'options',
        shortMessage: 'options: must be an object. Nothing was sent or stored.',
      })
    expect(refusal(() => assertArray({ length: 1 }, 'calls')).shortMessage).toContain(
      'calls: must be an array.',
    )
    for (const value of [
      42,
      '0x1234',
      `0x${'zz'.repeat(20)}`,
      'vitalik.eth',
      `0x${'11'.repeat(21)}`,
    ])
      expect(refusal(() => assertAddress(value, 'owner')).shortMessage).toContain(
        'owner: must be an address.',
      )
    expect(refusal(() => invalid('id', 'is required.')).parameter).toBe('id')
  })

  test('behavior: valid values pass (addresses in any case)', () => {
    expect(() => assertObject({}, 'o')).not.toThrow()
    expect(() => assertArray([], 'a')).not.toThrow()
    expect(() => assertAddress('0xAbcdef0000000000000000000000000000000000', 'a')).not.toThrow()
    expect(wrapInput('x', () => 7)).toBe(7)
  })

  test('error: wrapInput turns a foreign error into SessionParameterError with it as cause; typed errors pass through', () => {
    const foreign = new TypeError('boom')
    const error = refusal(() =>
      wrapInput('delegation', () => {
        throw foreign
      }),
    )
    expect(error).toMatchObject({ name: 'SessionParameterError', parameter: 'delegation' })
    expect(error.cause).toBe(foreign)
    const typed = refusal(() => invalid('inner', 'is bad.'))
    expect(
      refusal(() =>
        wrapInput('outer', () => {
          throw typed
        }),
      ),
    ).toBe(typed)
  })
})
