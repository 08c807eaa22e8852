import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useDeadline } from './useDeadline.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const now = () => Math.floor(Date.now() / 1000)

describe('useDeadline', () => {
  test('behavior: flips once when the clock passes the deadline, with one timer and one re-render', () => {
    let renders = 0
    const deadline = now() + 10
    const { result } = renderHook(() => {
      renders++
      return useDeadline(deadline)
    })
    expect(result.current).toBe(false)
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(9_000))
    expect(result.current).toBe(false)
    act(() => vi.advanceTimersByTime(1_000))
    expect(result.current).toBe(true)
    expect(renders).toBe(2)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: no timer without a deadline or past one; a past deadline is passed at once', () => {
    const { result, rerender } = renderHook(({ deadline }) => useDeadline(deadline), {
      initialProps: { deadline: undefined as number | undefined },
    })
    expect(result.current).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
    rerender({ deadline: now() - 1 })
    expect(result.current).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: a new deadline replaces the timer; unmounting clears it', () => {
    const { result, rerender, unmount } = renderHook(({ deadline }) => useDeadline(deadline), {
      initialProps: { deadline: now() + 5 },
    })
    rerender({ deadline: now() + 60 })
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(10_000))
    expect(result.current).toBe(false)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: a deadline beyond setTimeout range re-arms instead of firing early', () => {
    const deadline = now() + 40 * 24 * 3600
    const { result } = renderHook(() => useDeadline(deadline))
    act(() => vi.advanceTimersByTime(2 ** 31 - 1))
    expect(result.current).toBe(false)
    expect(vi.getTimerCount()).toBe(1)
    act(() => vi.advanceTimersByTime(40 * 24 * 3600 * 1000))
    expect(result.current).toBe(true)
  })
})
