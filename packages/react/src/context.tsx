'use client'
import type { SessionConfig } from '@sessionkit/core'
import { useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createContext, useContext, useEffect } from 'react'
import { WagmiContext } from 'wagmi'
import { WagmiConfigMismatchError } from './errors/context.js'
import { invalidateSessionQueries } from './utils/queryKeys.js'

/** The session config of the nearest `<SessionProvider>`. */
export const SessionContext = createContext<SessionConfig | undefined>(undefined)

export type SessionProviderProps = {
  config: SessionConfig
  children?: ReactNode
}

/**
 * Provides the session config to the hooks. Place inside `WagmiProvider` and
 * `QueryClientProvider`. Listens to the config's storage, so a session created or revoked in
 * another tab refreshes this tab's session queries. https://sessionkit.dev/react/SessionProvider
 */
export function SessionProvider({ config, children }: SessionProviderProps) {
  const queryClient = useQueryClient()
  const wagmi = useContext(WagmiContext)
  if (wagmi && wagmi !== (config.wagmi as unknown)) throw new WagmiConfigMismatchError()
  useEffect(() => {
    // Coalesced with the mutations' own refresh: a burst of changes refetches once.
    return config.storage.subscribe(() => invalidateSessionQueries(queryClient))
  }, [config, queryClient])
  return <SessionContext.Provider value={config}>{children}</SessionContext.Provider>
}
