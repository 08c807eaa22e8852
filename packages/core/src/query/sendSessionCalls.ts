import type { MutationOptions } from '@tanstack/query-core'
import {
  type SendSessionCallsErrorType,
  type SendSessionCallsParameters,
  type SendSessionCallsReturnType,
  sendSessionCalls,
} from '../actions/sendSessionCalls.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { assertObject } from '../errors/invalidInput.js'

export type SendSessionCallsVariables = SendSessionCallsParameters
export type SendSessionCallsData = SendSessionCallsReturnType
export type SendSessionCallsMutationOptions<context = unknown> = MutationOptions<
  SendSessionCallsData,
  SendSessionCallsErrorType,
  SendSessionCallsVariables,
  context
>

/** TanStack mutation options for `sendSessionCalls` (resolves once the UserOperation is sent; `data.wait()` for the receipt). */
export function sendSessionCallsMutationOptions<context = unknown>(
  config: SessionConfig,
  options: {
    mutation?:
      | Omit<SendSessionCallsMutationOptions<context>, 'mutationFn' | 'mutationKey'>
      | undefined
  } = {},
): SendSessionCallsMutationOptions<context> {
  assertObject(options, 'options')
  return {
    ...options.mutation,
    mutationFn: (variables) => sendSessionCalls(config, variables),
    mutationKey: ['sendSessionCalls'],
  }
}
