import type { Address } from 'viem'
import { useConnection } from 'wagmi'
import type { DemoConfig } from '../config/demoConfig.js'
import { Hud } from '../hud/Hud.js'
import { Board } from './Board.js'
import { Controls } from './Controls.js'
import { predict } from './predict.js'
import { useDirectPlay } from './useDirectPlay.js'
import { useDungeon } from './useDungeon.js'
import { usePending } from './usePending.js'

/** The dungeon for the connected account: confirmed state from the chain, pending moves on top. */
export function Game({ config }: { config: DemoConfig }) {
  const { address } = useConnection()
  const player: Address | undefined = address
  const dungeon = useDungeon({ game: config.game, player })
  const { pending, add, remove } = usePending()
  const play = useDirectPlay({
    game: config.game,
    onMutate: add,
    onSettled: async (key) => {
      await dungeon.refetch()
      if (key !== undefined) remove(key)
    },
  })

  if (!player) return <p className="hint">Connect a wallet to enter the dungeon.</p>
  if (!dungeon.tiles || !dungeon.player) return <p className="hint">Loading the dungeon…</p>
  const confirmedAt = { x: dungeon.player.x, y: dungeon.player.y }
  const view = predict({ at: confirmedAt, tiles: dungeon.tiles }, pending)
  return (
    <div className="game">
      <Hud
        landed={dungeon.player.actions}
        pending={pending.length}
        kills={dungeon.player.kills}
        gems={dungeon.player.gems}
        relic={dungeon.player.relic}
        relicOwner={dungeon.relicOwner}
        player={player}
      />
      <Board tiles={view.tiles} at={view.at} confirmedAt={confirmedAt} />
      <Controls at={view.at} tiles={view.tiles} disabled={false} onAction={(a) => play.mutate(a)} />
      {play.error && (
        <p className="error" role="alert">
          {(play.error as { shortMessage?: string }).shortMessage ?? play.error.message}
        </p>
      )}
    </div>
  )
}
