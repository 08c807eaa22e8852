'use client'
import {
  type CreateSessionData,
  type CreateSessionErrorType,
  type CreateSessionVariables,
  createSessionMutationOptions,
  type SessionConfig,
} from '@sessionkit/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MutationParameter, UseMutationReturnType } from '../utils/query.js'
import { withInvalidation } from '../utils/withInvalidation.js'
import { useSessionConfig } from './useSessionConfig.js'

export type UseCreateSessionParameters<context = unknown> = {
  config?: SessionConfig | undefined
} & MutationParameter<CreateSessionData, CreateSessionErrorType, CreateSessionVariables, context>

export type UseCreateSessionReturnType<context = unknown> = UseMutationReturnType<
  CreateSessionData,
  CreateSessionErrorType,
  CreateSessionVariables,
  context
>

/**
 * Creates a session from a policy with one wallet prompt. Declined: `UserRejectedError`, nothing
 * stored. On success the session queries refresh. https://sessionkit.dev/react/useCreateSession
 */
export function useCreateSession<context = unknown>(
  parameters: UseCreateSessionParameters<context> = {},
): UseCreateSessionReturnType<context> {
  const config = useSessionConfig(parameters)
  const queryClient = useQueryClient()
  const { mutation } = parameters
  return useMutation({
    ...mutation,
    ...createSessionMutationOptions<context>(config),
    onSuccess: withInvalidation(queryClient, mutation?.onSuccess),
  })
}
