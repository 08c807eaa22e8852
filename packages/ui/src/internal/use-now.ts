import { useEffect, useState } from 'react'

/**
 * Current time in milliseconds, re-read every `intervalMs`.
 * When `fixedNow` is given (tests, stories, a parent clock) it is returned as is and no timer runs.
 */
export function useNow(fixedNow: number | undefined, intervalMs = 1000): number {
  const [now, setNow] = useState(() => fixedNow ?? Date.now())
  useEffect(() => {
    if (fixedNow !== undefined) return
    setNow(Date.now())
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [fixedNow, intervalMs])
  return fixedNow ?? now
}
