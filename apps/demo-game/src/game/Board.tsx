import { gridSize, type Tile, tile } from '../contracts/dungeon.js'
import type { Position } from './predict.js'

const glyph: Record<Tile, string> = { [tile.empty]: '', [tile.monster]: 'M', [tile.gem]: '◆' }
const label: Record<Tile, string> = {
  [tile.empty]: 'empty',
  [tile.monster]: 'monster',
  [tile.gem]: 'gem',
}

export type BoardProps = {
  tiles: readonly Tile[]
  /** Where the player will be once pending actions land. */
  at: Position
  /** Where the chain says the player is. */
  confirmedAt: Position
}

/** The 8x8 dungeon: `@` is the player (dimmed while the move is in flight), `M` a monster, `◆` a gem. */
export function Board({ tiles, at, confirmedAt }: BoardProps) {
  const pending = at.x !== confirmedAt.x || at.y !== confirmedAt.y
  return (
    <table className="board" aria-label="Dungeon" data-pending={pending}>
      <tbody>
        {Array.from({ length: gridSize }, (_, y) => (
          <tr key={y}>
            {Array.from({ length: gridSize }, (_, x) => {
              const kind = tiles[y * gridSize + x] ?? tile.empty
              const here = at.x === x && at.y === y
              return (
                <td
                  key={x}
                  className="tile"
                  data-kind={label[kind]}
                  data-player={here || undefined}
                  aria-label={`${x},${y} ${here ? 'you' : label[kind]}`}
                >
                  {here ? '@' : glyph[kind]}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
