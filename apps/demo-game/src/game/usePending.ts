import { useCallback, useState } from 'react'
import type { GameAction } from './predict.js'

export type PendingAction = GameAction & { key: number }

let nextKey = 1

type Pending = {
  list: readonly PendingAction[]
  /** The player's on-chain action count when the first action of `list` had not landed yet. */
  baseline: number
}

/**
 * The actions of `list` a confirmed count of `confirmed` actions does not include yet. Actions land
 * one at a time, in order, so the first `confirmed - baseline` of them already landed: a poll can
 * show an action on chain before its receipt removes it from the list, and it must not be applied
 * twice (a click in that moment would aim from the wrong square).
 */
export function unconfirmed(pending: Pending, confirmed: number): readonly PendingAction[] {
  const landed = Math.min(Math.max(confirmed - pending.baseline, 0), pending.list.length)
  return landed === 0 ? pending.list : pending.list.slice(landed)
}

/** Actions sent but not yet in the confirmed state: the optimistic layer over the board. */
export function usePending() {
  const [pending, setPending] = useState<Pending>({ list: [], baseline: 0 })
  /** Adds an action; `confirmed` is the player's on-chain action count as last read. */
  const add = useCallback((action: GameAction, confirmed: number) => {
    const entry = { ...action, key: nextKey++ } as PendingAction
    setPending(({ list, baseline }) => ({
      list: [...list, entry],
      baseline: list.length === 0 ? confirmed : baseline,
    }))
    return entry.key
  }, [])
  /**
   * Removes a landed or failed action; `confirmed` is the action count read after it settled. A
   * second removal of the same action (a reverted move settles in onSuccess, then fails in onError)
   * changes nothing: its count may be older than the first one's.
   */
  const remove = useCallback((key: number, confirmed: number) => {
    setPending((pending) =>
      pending.list.some((p) => p.key === key)
        ? { list: pending.list.filter((p) => p.key !== key), baseline: confirmed }
        : pending,
    )
  }, [])
  return { pending, add, remove }
}
