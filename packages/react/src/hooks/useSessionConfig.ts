'use client'
import type { SessionConfig } from '@sessionkit/core'
import { useContext } from 'react'
import { SessionContext } from '../context.js'
import { SessionProviderNotFoundError } from '../errors/context.js'

export type UseSessionConfigParameters = {
  /** Use this config instead of the nearest `<SessionProvider>`'s. */
  config?: SessionConfig | undefined
}

export type UseSessionConfigReturnType = SessionConfig

/** The session config from the parameter or the nearest `<SessionProvider>`. https://sessionkit.dev/react/useSessionConfig */
export function useSessionConfig(
  parameters: UseSessionConfigParameters = {},
): UseSessionConfigReturnType {
  const context = useContext(SessionContext)
  const config = parameters.config ?? context
  if (!config) throw new SessionProviderNotFoundError()
  return config
}
