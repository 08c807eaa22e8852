import { describe, expect, test } from 'vitest'
import { createGasBook } from './gas.js'

const estimate = {
  callGasLimit: 100_000n,
  verificationGasLimit: 200_000n,
  preVerificationGas: 50_000n,
  paymasterVerificationGasLimit: 40_000n,
  paymasterPostOpGasLimit: 10n,
}

describe('createGasBook', () => {
  test('behavior: learned limits carry the margins (+25% call, +10% verification, +5% pre-verification)', () => {
    const book = createGasBook({ call: 25, verification: 10, preVerification: 5 })
    expect(book.learn('a', estimate)).toEqual({
      callGasLimit: 125_000n,
      verificationGasLimit: 220_000n,
      preVerificationGas: 52_500n,
      paymasterVerificationGasLimit: 44_000n,
      paymasterPostOpGasLimit: 11n,
    })
    expect(book.get('a')?.callGasLimit).toBe(125_000n)
    book.forget('a')
    expect(book.get('a')).toBeUndefined()
  })

  test('behavior: concurrent callers of one shape share one estimate', async () => {
    const book = createGasBook({ call: 0, verification: 0, preVerification: 0 })
    let estimates = 0
    const run = () =>
      book.learnOnce('shape', async () => {
        estimates++
        await new Promise((resolve) => setTimeout(resolve, 10))
        return estimate
      })
    const results = await Promise.all([run(), run(), run()])
    expect(estimates).toBe(1)
    expect(results.every((r) => r.callGasLimit === 100_000n)).toBe(true)
    await run()
    expect(estimates).toBe(1)
  })

  test('behavior: a failed estimate is not remembered', async () => {
    const book = createGasBook({ call: 0, verification: 0, preVerification: 0 })
    await expect(
      book.learnOnce('s', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom')
    expect(book.get('s')).toBeUndefined()
    expect((await book.learnOnce('s', async () => estimate)).callGasLimit).toBe(100_000n)
  })
})
