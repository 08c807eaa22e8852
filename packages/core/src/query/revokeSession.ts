import type { MutationOptions } from '@tanstack/query-core'
import {
  type RevokeSessionErrorType,
  type RevokeSessionParameters,
  type RevokeSessionReturnType,
  revokeSession,
} from '../actions/revokeSession.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { assertObject } from '../errors/invalidInput.js'

export type RevokeSessionVariables = RevokeSessionParameters
export type RevokeSessionData = RevokeSessionReturnType
export type RevokeSessionMutationOptions<context = unknown> = MutationOptions<
  RevokeSessionData,
  RevokeSessionErrorType,
  RevokeSessionVariables,
  context
>

/** TanStack mutation options for `revokeSession`. After success, invalidate `['sessions']` and `['sessionStatus']`. */
export function revokeSessionMutationOptions<context = unknown>(
  config: SessionConfig,
  options: {
    mutation?: Omit<RevokeSessionMutationOptions<context>, 'mutationFn' | 'mutationKey'> | undefined
  } = {},
): RevokeSessionMutationOptions<context> {
  assertObject(options, 'options')
  return {
    ...options.mutation,
    mutationFn: (variables) => revokeSession(config, variables),
    mutationKey: ['revokeSession'],
  }
}
