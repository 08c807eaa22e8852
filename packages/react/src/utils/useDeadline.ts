'use client'
import { useEffect, useState } from 'react'

/** Largest delay `setTimeout` takes (about 24.8 days); longer deadlines re-arm. */
const maxDelay = 2 ** 31 - 1

/**
 * Whether the clock has passed `deadline` (unix seconds). Re-renders once when it does, with a
 * single timer; no timer when `deadline` is undefined or already passed.
 */
export function useDeadline(deadline: number | undefined): boolean {
  const [passedDeadline, setPassedDeadline] = useState<number | undefined>(undefined)
  useEffect(() => {
    if (deadline === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      const delay = deadline * 1000 - Date.now()
      // Already passed at mount: the render saw it, no state change needed.
      if (delay > 0) timer = setTimeout(fire, Math.min(delay, maxDelay))
    }
    const fire = () => {
      if (deadline * 1000 <= Date.now()) setPassedDeadline(deadline)
      else arm()
    }
    arm()
    return () => clearTimeout(timer)
  }, [deadline])
  // Derived in render so a new deadline never shows the old one's result.
  return deadline !== undefined && (passedDeadline === deadline || deadline * 1000 <= Date.now())
}
