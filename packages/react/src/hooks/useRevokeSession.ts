'use client'
import {
  type RevokeSessionData,
  type RevokeSessionErrorType,
  type RevokeSessionVariables,
  revokeSessionMutationOptions,
  type SessionConfig,
} from '@sessionkit/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MutationParameter, UseMutationReturnType } from '../utils/query.js'
import { withInvalidation } from '../utils/withInvalidation.js'
import { useSessionConfig } from './useSessionConfig.js'

export type UseRevokeSessionParameters<context = unknown> = {
  config?: SessionConfig | undefined
} & MutationParameter<RevokeSessionData, RevokeSessionErrorType, RevokeSessionVariables, context>

export type UseRevokeSessionReturnType<context = unknown> = UseMutationReturnType<
  RevokeSessionData,
  RevokeSessionErrorType,
  RevokeSessionVariables,
  context
>

/**
 * Revokes one session (`mutate({ id })`) or all of the account's sessions on this chain and app
 * (`mutate({ all: true })`) with one wallet prompt; the session queries refresh.
 * https://sessionkit.dev/react/useRevokeSession
 */
export function useRevokeSession<context = unknown>(
  parameters: UseRevokeSessionParameters<context> = {},
): UseRevokeSessionReturnType<context> {
  const config = useSessionConfig(parameters)
  const queryClient = useQueryClient()
  const { mutation } = parameters
  return useMutation({
    ...mutation,
    ...revokeSessionMutationOptions<context>(config),
    onSuccess: withInvalidation(queryClient, mutation?.onSuccess),
  })
}
