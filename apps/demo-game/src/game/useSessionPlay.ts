import { type UseSessionActionVariables, useSessionAction } from '@sessionkit/react'
import { useCallback, useState } from 'react'
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
      onMutate: (variables) => add(toGameAction(variables)),
      onSuccess: async (data, _variables, key) => {
        try {
          await data.wait()
        } finally {
          await refetch()
          remove(key)
        }
      },
      onError: (error, _variables, key) => {
        if (key !== undefined) remove(key)
        const last = `${error.name}: ${error.shortMessage ?? error.message}`
        setFailures((f) => ({ count: f.count + 1, last }))
      },
    },
  })
  const play = useCallback(
    (gameAction: GameAction) => action.mutate({ ...toCall(game, gameAction), sessionId }),
    [action.mutate, game, sessionId],
  )
  return { play, pending, failures, error: action.error }
}
