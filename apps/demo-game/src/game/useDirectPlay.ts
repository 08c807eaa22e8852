import { useMutation } from '@tanstack/react-query'
import type { Address } from 'viem'
import { useConfig } from 'wagmi'
import { waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { toCall } from './calls.js'
import type { GameAction } from './predict.js'

/** Without a session: every action is a wallet transaction (one prompt each). */
export function useDirectPlay(parameters: {
  game: Address
  onMutate(action: GameAction): number
  onSettled(key: number | undefined): Promise<void> | void
}) {
  const config = useConfig()
  return useMutation({
    mutationFn: async (action: GameAction) => {
      const hash = await writeContract(config, toCall(parameters.game, action))
      return waitForTransactionReceipt(config, { hash, pollingInterval: 250 })
    },
    onMutate: (action) => parameters.onMutate(action),
    onSettled: (_data, _error, _action, key) => parameters.onSettled(key),
  })
}
