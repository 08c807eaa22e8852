import { useSessionAction } from '@sessionkit/react'
import type { Address } from 'viem'
import { dungeonAbi } from '../contracts/dungeon.js'
import { stealCall } from '../game/calls.js'
import { describeRefusal } from './describeRefusal.js'

/** Where the "stolen" relic would go. */
export const thief: Address = '0x000000000000000000000000000000000000dEaD'

/** Sends the relic away through the session: out of its scope, so it is refused with the reason. */
export function StealButton(props: {
  game: Address
  relic: bigint
  sessionId: string | undefined
}) {
  const steal = useSessionAction()
  const error = steal.error
  const reason = error?.name === 'SessionScopeError' ? error.reason : undefined
  return (
    <div className="steal">
      <button
        type="button"
        className="button button-danger"
        disabled={props.relic === 0n || steal.isPending}
        onClick={() =>
          steal.mutate({ ...stealCall(props.game, props.relic, thief), sessionId: props.sessionId })
        }
      >
        Try to steal the relic
      </button>
      {error && (
        <p className="steal-result" role="alert" data-testid="steal-refused">
          Refused: {reason ? describeRefusal(reason, dungeonAbi) : error.shortMessage}
          {reason && <code> ({reason.code})</code>}
        </p>
      )}
      {steal.isSuccess && (
        <p className="error" role="alert">
          The session sent it: this should never happen.
        </p>
      )}
    </div>
  )
}
