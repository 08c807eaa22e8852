import { type UseSessionActionVariables, useSessionAction } from '@sessionkit/react'
import { useCallback, useRef, useState } from 'react'
import type { Address } from 'viem'
import type { Direction } from '../contracts/dungeon.js'
import { toCall } from './calls.js'
import type { GameAction } from './predict.js'
import { unconfirmed, usePending } from './usePending.js'

/** The game action a session call stands for (the inverse of `toCall`). */
function toGameAction(variables: UseSessionActionVariables): GameAction {
  if (variables.calls !== undefined || variables.functionName === 'pickUp')
    return { type: 'pickUp' }
  const dir = Number(variables.args?.[0]) as Direction
  return variables.functionName === 'attack' ? { type: 'attack', dir } : { type: 'move', dir }
}

/**
 * Plays through the session with no wallet prompt. Each move shows at once (`onMutate` puts it on
 * the pending layer); moves run one after another in a mutation scope, and each one's `onSuccess`
 * waits for it to land, so they land in the order played. `confirmed` is the player's on-chain
 * action count as last polled: moves it already includes are not shown twice.
 */
export function useSessionPlay(parameters: {
  game: Address
  sessionId: string | undefined
  confirmed: number
  refetch(): Promise<number | undefined>
}) {
  const { game, sessionId, refetch, confirmed } = parameters
  const latest = useRef(confirmed)
  latest.current = confirmed
  const { pending, add, remove } = usePending()
  const [failures, setFailures] = useState<{ count: number; last?: string }>({ count: 0 })
  const action = useSessionAction<number>({
    mutation: {
      scope: { id: `dungeon-moves:${game}` },
      // A bundler or paymaster refusal before any operation hash sent nothing: safe to retry, twice.
      retry: (count, error) =>
        count < 2 &&
        (error.name === 'PaymasterError' ||
          (error.name === 'BundlerError' && error.userOperationHash === undefined)),
      retryDelay: 250,
      onMutate: (variables) => add(toGameAction(variables), latest.current),
      onSuccess: async (data, _variables, key) => {
        try {
          await data.wait()
        } finally {
          remove(key, (await refetch()) ?? latest.current)
        }
      },
      onError: (error, _variables, key) => {
        if (key !== undefined) remove(key, latest.current)
        const last = `${error.name}: ${error.shortMessage ?? error.message}`
        setFailures((f) => ({ count: f.count + 1, last }))
      },
    },
  })
  const play = useCallback(
    (gameAction: GameAction) => action.mutate({ ...toCall(game, gameAction), sessionId }),
    [action.mutate, game, sessionId],
  )
  return { play, pending: unconfirmed(pending, confirmed), failures, error: action.error }
}
