import { useCallback, useState } from 'react'
import type { GameAction } from './predict.js'

export type PendingAction = GameAction & { key: number }

let nextKey = 1

/** Actions sent but not yet in the confirmed state: the optimistic layer over the board. */
export function usePending() {
  const [pending, setPending] = useState<readonly PendingAction[]>([])
  const add = useCallback((action: GameAction) => {
    const entry = { ...action, key: nextKey++ } as PendingAction
    setPending((list) => [...list, entry])
    return entry.key
  }, [])
  const remove = useCallback((key: number) => {
    setPending((list) => list.filter((p) => p.key !== key))
  }, [])
  return { pending, add, remove }
}
