import { definePolicy, PolicyValidationError } from '@sessionkit/core'
import { counterAbi } from '@sessionkit/test/contracts'
import { describe, expect, test } from 'vitest'
import { applyConsentSelection } from './apply-consent.js'

const counter = '0x00000000000000000000000000000000000000c0'
const now = 1_900_000_000

const policy = (validity: { expiresIn?: number; expiresAt?: number; notBefore?: number }) =>
  definePolicy(
    {
      calls: [
        {
          target: counter,
          abi: counterAbi,
          functions: ['increment', 'move'],
          name: 'Counter',
          optional: true,
        },
      ],
      validity,
    },
    { now },
  )

describe('applyConsentSelection', () => {
  test('behavior: the chosen duration replaces expiresIn', () => {
    const result = applyConsentSelection(
      policy({ expiresIn: 86_400 }),
      { durationSeconds: 900, excludedLineIds: [] },
      { now },
    )
    expect(result.validity).toEqual({ notBefore: undefined, expiresIn: 900 })
    expect(result.calls?.[0]?.functions).toEqual(['increment', 'move'])
  })

  test('behavior: an absolute expiresAt is kept as the upper bound', () => {
    const shorter = applyConsentSelection(
      policy({ expiresAt: now + 7200 }),
      { durationSeconds: 3600, excludedLineIds: [] },
      { now },
    )
    expect(shorter.validity).toEqual({ notBefore: undefined, expiresAt: now + 3600 })
    const longer = applyConsentSelection(
      policy({ expiresAt: now + 7200 }),
      { durationSeconds: 86_400, excludedLineIds: [] },
      { now },
    )
    expect(longer.validity?.expiresAt).toBe(now + 7200)
    const later = applyConsentSelection(
      policy({ notBefore: now + 600, expiresAt: now + 7200 }),
      { durationSeconds: 900, excludedLineIds: [] },
      { now },
    )
    expect(later.validity).toEqual({ notBefore: now + 600, expiresAt: now + 1500 })
  })

  test('behavior: switched-off optional functions are removed', () => {
    const result = applyConsentSelection(
      policy({ expiresIn: 3600 }),
      { durationSeconds: 3600, excludedLineIds: ['calls[0].functions[1]'] },
      { now },
    )
    expect(result.calls?.map((c) => c.functions)).toEqual([['increment']])
  })

  test('error: a line that is not an optional permission, or a bad duration, is a PolicyValidationError', () => {
    expect(() =>
      applyConsentSelection(
        policy({ expiresIn: 3600 }),
        { durationSeconds: 3600, excludedLineIds: ['actions'] },
        { now },
      ),
    ).toThrow(PolicyValidationError)
    expect(() =>
      applyConsentSelection(
        policy({ expiresIn: 3600 }),
        { durationSeconds: 0, excludedLineIds: [] },
        { now },
      ),
    ).toThrow(PolicyValidationError)
    expect(() =>
      applyConsentSelection(
        policy({ expiresIn: 3600 }),
        { durationSeconds: Number.NaN, excludedLineIds: [] },
        { now },
      ),
    ).toThrow(PolicyValidationError)
  })
})
