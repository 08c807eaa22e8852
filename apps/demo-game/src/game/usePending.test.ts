import { describe, expect, test } from 'vitest'
import { direction } from '../contracts/dungeon.js'
import { type PendingAction, unconfirmed } from './usePending.js'

const move = (key: number): PendingAction => ({ type: 'move', dir: direction.right, key })
const list = [move(1), move(2), move(3)]

describe('unconfirmed', () => {
  test('behavior: all pending actions apply while the confirmed count has not moved', () => {
    expect(unconfirmed({ list, baseline: 7 }, 7)).toEqual(list)
  })

  test('behavior: an action a poll already shows landed is not applied twice before its receipt removes it', () => {
    expect(unconfirmed({ list, baseline: 7 }, 8)).toEqual([move(2), move(3)])
  })

  test('behavior: a stale or higher count never drops more than the list, nor adds any', () => {
    expect(unconfirmed({ list, baseline: 7 }, 5)).toEqual(list)
    expect(unconfirmed({ list, baseline: 7 }, 20)).toEqual([])
  })
})
