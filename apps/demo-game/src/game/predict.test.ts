import { describe, expect, test } from 'vitest'
import { direction, type Tile, tile } from '../contracts/dungeon.js'
import { actionFor, predict, step } from './predict.js'

const E = tile.empty
const M = tile.monster
const G = tile.gem
/** 8x8 board with a monster at (1,0) and a gem at (0,1). */
const tiles: Tile[] = Array.from({ length: 64 }, (_, i) => (i === 1 ? M : i === 8 ? G : E))

describe('step', () => {
  test('behavior: walls stop at the edges', () => {
    expect(step({ x: 0, y: 0 }, direction.up)).toBeUndefined()
    expect(step({ x: 7, y: 3 }, direction.right)).toBeUndefined()
    expect(step({ x: 3, y: 3 }, direction.down)).toEqual({ x: 3, y: 4 })
    expect(step({ x: 3, y: 3 }, direction.left)).toEqual({ x: 2, y: 3 })
  })
})

describe('actionFor', () => {
  test('behavior: a direction toward a monster attacks, otherwise moves', () => {
    expect(actionFor({ x: 0, y: 0 }, tiles, direction.right)).toEqual({ type: 'attack', dir: 1 })
    expect(actionFor({ x: 0, y: 0 }, tiles, direction.down)).toEqual({ type: 'move', dir: 2 })
  })
})

describe('predict', () => {
  test('behavior: moves, bumps, attacks and pick-ups apply like the contract', () => {
    const result = predict({ at: { x: 0, y: 0 }, tiles }, [
      { type: 'move', dir: direction.right }, // bump into the monster
      { type: 'move', dir: direction.up }, // bump into the wall
      { type: 'attack', dir: direction.right },
      { type: 'move', dir: direction.down },
      { type: 'pickUp' },
      { type: 'move', dir: direction.right },
    ])
    expect(result.at).toEqual({ x: 1, y: 1 })
    expect(result.tiles[1]).toBe(E)
    expect(result.tiles[8]).toBe(E)
    expect(tiles[1]).toBe(M) // input untouched
  })

  test('behavior: nothing pending gives the confirmed state', () => {
    expect(predict({ at: { x: 2, y: 5 }, tiles }, [])).toEqual({ at: { x: 2, y: 5 }, tiles })
  })
})
