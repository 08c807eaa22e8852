import { useSession } from '@sessionkit/react'
import { useMemo } from 'react'
import type { Address } from 'viem'
import { gamePolicy } from './policy.js'

/** The session for the game's policy on the connected account (active, ended, or none). */
export function useGameSession(game: Address) {
  const policy = useMemo(() => gamePolicy(game), [game])
  return useSession({ policy })
}
