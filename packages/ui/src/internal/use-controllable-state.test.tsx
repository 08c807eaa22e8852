import { act, renderHook } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { useControllableState } from './use-controllable-state.js'

describe('useControllableState', () => {
  test('behavior: uncontrolled keeps its own value and reports changes', () => {
    const onChange = vi.fn()
    const { result } = renderHook(() => useControllableState<number>(undefined, 1, onChange))
    expect(result.current[0]).toBe(1)
    act(() => result.current[1](5))
    expect(result.current[0]).toBe(5)
    expect(onChange).toHaveBeenCalledWith(5)
  })

  test('behavior: controlled follows the prop and only reports', () => {
    const onChange = vi.fn()
    const { result, rerender } = renderHook(
      ({ value }) => useControllableState(value, 1, onChange),
      {
        initialProps: { value: 3 },
      },
    )
    act(() => result.current[1](9))
    expect(result.current[0]).toBe(3)
    expect(onChange).toHaveBeenCalledWith(9)
    rerender({ value: 9 })
    expect(result.current[0]).toBe(9)
  })
})
