import { type UseSessionActionVariables, useSessionAction } from '@sessionkit/react'
import { useCallback } from 'react'
import type { Address } from 'viem'
import type { Direction } from '../contracts/dungeon.js'
import { toCall } from './calls.js'
import type { GameAction } from './predict.js'
import { usePending } from './usePending.js'

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
 * waits for it to land, so they land in the order played.
 */
export function useSessionPlay(parameters: {
  game: Address
  sessionId: string | undefined
  refetch(): Promise<unknown>
}) {
  const { game, sessionId, refetch } = parameters
  const { pending, add, remove } = usePending()
  const action = useSessionAction<number>({
    mutation: {
      scope: { id: `dungeon-moves:${game}` },
      onMutate: (variables) => add(toGameAction(variables)),
      onSuccess: async (data, _variables, key) => {
        try {
          await data.wait()
        } finally {
          await refetch()
          remove(key)
        }
      },
      onError: (_error, _variables, key) => {
        if (key !== undefined) remove(key)
      },
    },
  })
  const play = useCallback(
    (gameAction: GameAction) => action.mutate({ ...toCall(game, gameAction), sessionId }),
    [action.mutate, game, sessionId],
  )
  return { play, pending, error: action.error }
}
