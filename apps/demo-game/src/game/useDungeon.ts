import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { type Address, zeroAddress } from 'viem'
import { useReadContract } from 'wagmi'
import { dungeonAbi, type Tile } from '../contracts/dungeon.js'

/**
 * The confirmed on-chain state of `player` in the Dungeon at `game`, polled every second. Without a
 * player it reads the empty map (the zero address never plays): a preview.
 */
export function useDungeon(parameters: { game: Address; player: Address | undefined }) {
  const { game, player } = parameters
  const queryClient = useQueryClient()
  const common = {
    address: game,
    abi: dungeonAbi,
    args: [player ?? zeroAddress],
    query: { refetchInterval: 1_000 },
  } as const
  const state = useReadContract({ ...common, functionName: 'getPlayer' })
  const board = useReadContract({ ...common, functionName: 'board' })
  const relic = state.data?.relic ?? 0n
  const owner = useReadContract({
    address: game,
    abi: dungeonAbi,
    functionName: 'ownerOf',
    args: [relic],
    query: { enabled: relic > 0n, refetchInterval: 1_000 },
  })
  const playerKey = state.queryKey
  /** Reads the game's state again now; resolves with the player's on-chain action count. */
  const refetch = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: ['readContract', { address: game }] })
    return (queryClient.getQueryData(playerKey) as { actions: number } | undefined)?.actions
  }, [queryClient, game, playerKey])
  return {
    player: state.data,
    tiles: board.data as readonly Tile[] | undefined,
    relicOwner: owner.data,
    isLoading: state.isLoading || board.isLoading,
    refetch,
  }
}
