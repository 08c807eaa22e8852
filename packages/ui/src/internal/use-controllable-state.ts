import { useCallback, useRef, useState } from 'react'

/** Value that is controlled when `prop` is defined and internal otherwise; `onChange` fires either way. */
export function useControllableState<T>(
  prop: T | undefined,
  defaultValue: T | (() => T),
  onChange: ((value: T) => void) | undefined,
): [T, (value: T) => void] {
  const [internal, setInternal] = useState(defaultValue)
  const controlled = prop !== undefined
  const value = controlled ? prop : internal
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const setValue = useCallback(
    (next: T) => {
      if (!controlled) setInternal(() => next)
      onChangeRef.current?.(next)
    },
    [controlled],
  )
  return [value, setValue]
}
