import type { Address } from 'viem'
import { dungeonAbi } from '../contracts/dungeon.js'
import type { GameAction } from './predict.js'

/** The contract call for a game action, in the `{ address, abi, functionName, args }` shape wagmi and Sessionkit take. */
export function toCall(game: Address, action: GameAction) {
  if (action.type === 'pickUp')
    return { address: game, abi: dungeonAbi, functionName: 'pickUp', args: [] } as const
  return { address: game, abi: dungeonAbi, functionName: action.type, args: [action.dir] } as const
}

/** The out-of-scope call the "steal" button tries: moving the player's relic to someone else. */
export function stealCall(game: Address, relic: bigint, thief: Address) {
  return {
    address: game,
    abi: dungeonAbi,
    functionName: 'transferItem',
    args: [thief, relic],
  } as const
}
