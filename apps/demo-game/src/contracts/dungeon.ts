export { dungeonAbi, dungeonBytecode } from './generated/dungeon.js'

/** Side length of the square grid. */
export const gridSize = 8

/** Directions accepted by `move(dir)` and `attack(dir)`. */
export const direction = { up: 0, right: 1, down: 2, left: 3 } as const
export type Direction = (typeof direction)[keyof typeof direction]

/** Tile kinds returned by `board(player)`. */
export const tile = { empty: 0, monster: 1, gem: 2 } as const
export type Tile = (typeof tile)[keyof typeof tile]
