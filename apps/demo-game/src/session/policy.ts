import { definePolicy } from '@sessionkit/react'
import type { Address } from 'viem'
import { dungeonAbi } from '../contracts/dungeon.js'

/** Default session length: one hour. */
export const sessionSeconds = 3_600
/** Moves a session may make. */
export const sessionActions = 500

/** The game's session policy: moves only (move / attack / pickUp on the Dungeon), 1 h, 500 moves. */
export function gamePolicy(game: Address, expiresIn = sessionSeconds) {
  return definePolicy({
    calls: [
      { target: game, abi: dungeonAbi, name: 'Dungeon', functions: ['move', 'attack', 'pickUp'] },
    ],
    actions: sessionActions,
    validity: { expiresIn },
  })
}

export type GamePolicy = ReturnType<typeof gamePolicy>
