import { describe, expect, test } from 'vitest'
import { formatAmount, formatDuration, formatTimeLeftSpoken, fraction } from './format.js'

describe('formatDuration', () => {
  test('behavior: picks the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(45.9)).toBe('45 s')
    expect(formatDuration(14 * 60 + 59)).toBe('14 min')
    expect(formatDuration(3600)).toBe('1 h')
    expect(formatDuration(3900)).toBe('1 h 5 min')
    expect(formatDuration(86_400)).toBe('24 h')
    expect(formatDuration(86_400 * 2)).toBe('2 d')
    expect(formatDuration(86_400 * 2 + 3 * 3600)).toBe('2 d 3 h')
    expect(formatDuration(-5)).toBe('0 s')
  })
})

describe('formatTimeLeftSpoken', () => {
  test('behavior: rounds up to whole minutes', () => {
    expect(formatTimeLeftSpoken(0)).toBe('expired')
    expect(formatTimeLeftSpoken(1)).toBe('1 minute left')
    expect(formatTimeLeftSpoken(61)).toBe('2 minutes left')
    expect(formatTimeLeftSpoken(3600)).toBe('1 hour left')
    expect(formatTimeLeftSpoken(3601)).toBe('1 hour 1 minute left')
  })
})

describe('formatAmount', () => {
  test('behavior: formats base units with trimmed decimals', () => {
    expect(formatAmount(250_000_000_000_000_000n, 18)).toBe('0.25')
    expect(formatAmount(1_234_567_890n, 6)).toBe('1,234.5678')
    expect(formatAmount(5n, 0)).toBe('5')
    expect(formatAmount(-1_500_000n, 6)).toBe('-1.5')
  })
})

describe('fraction', () => {
  test('behavior: clamps and handles zero totals', () => {
    expect(fraction(1n, 4n)).toBe(0.25)
    expect(fraction(5, 4)).toBe(1)
    expect(fraction(1, 0)).toBe(0)
  })
})
