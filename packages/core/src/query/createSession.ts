import type { MutationOptions } from '@tanstack/query-core'
import {
  type CreateSessionErrorType,
  type CreateSessionParameters,
  type CreateSessionReturnType,
  createSession,
} from '../actions/createSession.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { assertObject } from '../errors/invalidInput.js'

export type CreateSessionVariables = CreateSessionParameters
export type CreateSessionData = CreateSessionReturnType
export type CreateSessionMutationOptions<context = unknown> = MutationOptions<
  CreateSessionData,
  CreateSessionErrorType,
  CreateSessionVariables,
  context
>

/** TanStack mutation options for `createSession`. After success, invalidate `['sessions']` and `['sessionStatus']`. */
export function createSessionMutationOptions<context = unknown>(
  config: SessionConfig,
  options: {
    mutation?: Omit<CreateSessionMutationOptions<context>, 'mutationFn' | 'mutationKey'> | undefined
  } = {},
): CreateSessionMutationOptions<context> {
  assertObject(options, 'options')
  return {
    ...options.mutation,
    mutationFn: (variables) => createSession(config, variables),
    mutationKey: ['createSession'],
  }
}
