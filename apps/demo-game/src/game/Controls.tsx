import { useEffect } from 'react'
import { type Direction, direction, type Tile, tile } from '../contracts/dungeon.js'
import { actionFor, type GameAction, indexOf, type Position } from './predict.js'

const arrows: { dir: Direction; key: string; glyph: string; name: string }[] = [
  { dir: direction.up, key: 'ArrowUp', glyph: '↑', name: 'up' },
  { dir: direction.left, key: 'ArrowLeft', glyph: '←', name: 'left' },
  { dir: direction.down, key: 'ArrowDown', glyph: '↓', name: 'down' },
  { dir: direction.right, key: 'ArrowRight', glyph: '→', name: 'right' },
]

export type ControlsProps = {
  at: Position
  tiles: readonly Tile[]
  disabled: boolean
  onAction(action: GameAction): void
}

/** Direction pad (a direction toward a monster attacks it), pick-up, and arrow keys. */
export function Controls({ at, tiles, disabled, onAction }: ControlsProps) {
  useEffect(() => {
    if (disabled) return
    const onKey = (event: KeyboardEvent) => {
      const arrow = arrows.find((a) => a.key === event.key)
      if (!arrow || event.target instanceof HTMLInputElement) return
      event.preventDefault()
      onAction(actionFor(at, tiles, arrow.dir))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [at, tiles, disabled, onAction])

  const onGem = tiles[indexOf(at)] === tile.gem
  return (
    <div className="controls">
      <div className="dpad">
        {arrows.map((arrow) => {
          const action = actionFor(at, tiles, arrow.dir)
          return (
            <button
              type="button"
              key={arrow.name}
              className="dpad-button"
              data-dir={arrow.name}
              data-action={action.type}
              disabled={disabled}
              aria-label={`${action.type === 'attack' ? 'Attack' : 'Move'} ${arrow.name}`}
              onClick={() => onAction(action)}
            >
              {arrow.glyph}
            </button>
          )
        })}
      </div>
      <button
        type="button"
        className="button"
        disabled={disabled || !onGem}
        onClick={() => onAction({ type: 'pickUp' })}
      >
        Pick up gem
      </button>
    </div>
  )
}
