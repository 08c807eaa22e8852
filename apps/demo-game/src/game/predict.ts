import { type Direction, gridSize, type Tile, tile } from '../contracts/dungeon.js'

export type Position = { x: number; y: number }

/** One game action as the UI sends it. */
export type GameAction =
  | { type: 'move'; dir: Direction }
  | { type: 'attack'; dir: Direction }
  | { type: 'pickUp' }

/** The neighbour of `at` in direction `dir`, or undefined past the wall (same rule as the contract). */
export function step(at: Position, dir: Direction): Position | undefined {
  const { x, y } = at
  if (dir === 0) return y === 0 ? undefined : { x, y: y - 1 }
  if (dir === 1) return x === gridSize - 1 ? undefined : { x: x + 1, y }
  if (dir === 2) return y === gridSize - 1 ? undefined : { x, y: y + 1 }
  return x === 0 ? undefined : { x: x - 1, y }
}

export const indexOf = (at: Position) => at.y * gridSize + at.x

/** What pressing a direction does here: attack when a monster stands there, else move. */
export function actionFor(at: Position, tiles: readonly Tile[], dir: Direction): GameAction {
  const next = step(at, dir)
  return next && tiles[indexOf(next)] === tile.monster
    ? { type: 'attack', dir }
    : { type: 'move', dir }
}

/**
 * Applies actions not yet confirmed on-chain to the confirmed state, as the contract would:
 * the optimistic view of the board.
 */
export function predict(
  confirmed: { at: Position; tiles: readonly Tile[] },
  pending: readonly GameAction[],
): { at: Position; tiles: Tile[] } {
  let at = confirmed.at
  const tiles = [...confirmed.tiles]
  for (const action of pending) {
    if (action.type === 'move') {
      const next = step(at, action.dir)
      if (next && tiles[indexOf(next)] !== tile.monster) at = next
    } else if (action.type === 'attack') {
      const next = step(at, action.dir)
      if (next && tiles[indexOf(next)] === tile.monster) tiles[indexOf(next)] = tile.empty
    } else if (tiles[indexOf(at)] === tile.gem) tiles[indexOf(at)] = tile.empty
  }
  return { at, tiles }
}
