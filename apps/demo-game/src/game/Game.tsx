import type { ConsentApp } from '@sessionkit/ui'
import { useConnection } from 'wagmi'
import type { DemoConfig } from '../config/demoConfig.js'
import { Hud } from '../hud/Hud.js'
import { StartSession } from '../session/StartSession.js'
import { StealButton } from '../session/StealButton.js'
import { useGameSession } from '../session/useGameSession.js'
import { Board } from './Board.js'
import { Controls } from './Controls.js'
import { predict } from './predict.js'
import { useDungeon } from './useDungeon.js'
import { useSessionPlay } from './useSessionPlay.js'

const statusText = {
  disconnected: 'Connect a wallet to enter the dungeon.',
  none: 'Start a session: approve once, then every move is free of pop-ups.',
  active: 'Session active: play, no wallet pop-ups.',
  expired: 'The session expired. Moves are refused until you start a new one.',
  revoked: 'The session was revoked. Moves are refused until you start a new one.',
  exhausted: 'The session used all its moves. Start a new one to keep playing.',
} as const

/** The dungeon of the user's smart account: confirmed state from the chain, pending moves on top. */
export function Game({ config, app }: { config: DemoConfig; app: ConsentApp }) {
  const { address } = useConnection()
  const session = useGameSession(config.game)
  // The player is the user's smart account: sessions act from it. Before any session: a preview.
  const player = session.session?.account
  const dungeon = useDungeon({ game: config.game, player })
  const play = useSessionPlay({
    game: config.game,
    sessionId: session.session?.id,
    confirmed: dungeon.player?.actions ?? 0,
    refetch: dungeon.refetch,
  })

  if (!address) return <p className="hint">{statusText.disconnected}</p>
  if (!dungeon.tiles || !dungeon.player) return <p className="hint">Loading the dungeon…</p>
  const confirmedAt = { x: dungeon.player.x, y: dungeon.player.y }
  const view = predict({ at: confirmedAt, tiles: dungeon.tiles }, play.pending)
  const error = play.error as (Error & { shortMessage?: string }) | null
  return (
    <div className="game">
      <Hud
        landed={dungeon.player.actions}
        pending={play.pending.length}
        failed={play.failures}
        kills={dungeon.player.kills}
        gems={dungeon.player.gems}
        relic={dungeon.player.relic}
        relicOwner={dungeon.relicOwner}
        player={player}
      />
      <div className="session-status" data-status={session.status} data-testid="session-status">
        <span>{session.isPending ? 'Loading sessions…' : statusText[session.status]}</span>
        {!session.isPending && session.status !== 'active' && (
          <StartSession app={app} game={config.game} />
        )}
      </div>
      <Board tiles={view.tiles} at={view.at} confirmedAt={confirmedAt} />
      <Controls at={view.at} tiles={view.tiles} disabled={!session.session} onAction={play.play} />
      {error && (
        <p className="error" role="alert" data-testid="move-error">
          Move refused: {error.shortMessage ?? error.message}
        </p>
      )}
      {session.session && (
        <StealButton
          game={config.game}
          relic={dungeon.player.relic}
          sessionId={session.session.id}
        />
      )}
    </div>
  )
}
