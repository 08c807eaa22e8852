'use client'
import {
  type SendSessionCallsData,
  type SendSessionCallsErrorType,
  type SendSessionCallsVariables,
  type SessionCall,
  type SessionConfig,
  sendSessionCallsMutationOptions,
} from '@sessionkit/core'
import type { MutateOptions, UseMutationResult } from '@tanstack/react-query'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type {
  Abi,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionParameters,
  MulticallContracts,
  Narrow,
} from 'viem'
import type { MutationParameter } from '../utils/query.js'
import { invalidateSessionQueries } from '../utils/queryKeys.js'
import { useSessionConfig } from './useSessionConfig.js'

type Mutability = 'nonpayable' | 'payable'

/** How an action is sent. */
export type SessionActionOptions = {
  /** The session to act with; defaults to the newest usable session whose policy allows the calls. */
  sessionId?: string | undefined
  /** `parallel` (default): actions may land in any order. `ordered`: they land in the order sent. */
  lane?: 'parallel' | 'ordered' | undefined
}

/** One contract call, typed from its ABI: `{ address, abi, functionName, args, value }`. */
export type SessionActionCall<
  abi extends Abi | readonly unknown[] = Abi,
  functionName extends ContractFunctionName<abi, Mutability> = ContractFunctionName<
    abi,
    Mutability
  >,
  args extends ContractFunctionArgs<abi, Mutability, functionName> = ContractFunctionArgs<
    abi,
    Mutability,
    functionName
  >,
> = ContractFunctionParameters<abi, Mutability, functionName, args> & { value?: bigint | undefined }

/** Several calls sent as one action (all or none, in one UserOperation), each typed from its own ABI. */
export type SessionActionBatch<calls extends readonly unknown[] = readonly unknown[]> = {
  calls: MulticallContracts<
    calls,
    { mutability: Mutability; properties: { value?: bigint | undefined } }
  >
}

/** What `mutate` takes: one call, or `{ calls: [...] }` for a batch, plus the action options. */
export type UseSessionActionVariables =
  | (SessionActionCall & SessionActionOptions & { calls?: undefined })
  | ({ calls: readonly SessionActionCall[] } & SessionActionOptions)

export type UseSessionActionData = SendSessionCallsData
export type UseSessionActionErrorType = SendSessionCallsErrorType

type MutateOptionsOf<context> = MutateOptions<
  UseSessionActionData,
  UseSessionActionErrorType,
  UseSessionActionVariables,
  context
>

/** `mutate` typed from the ABI of each call. */
export type SessionActionMutate<context = unknown> = {
  <
    const abi extends Abi | readonly unknown[],
    functionName extends ContractFunctionName<abi, Mutability>,
    args extends ContractFunctionArgs<abi, Mutability, functionName>,
  >(
    variables: SessionActionCall<abi, functionName, args> & SessionActionOptions,
    options?: MutateOptionsOf<context> | undefined,
  ): void
  <const calls extends readonly unknown[]>(
    variables: SessionActionBatch<Narrow<calls>> & SessionActionOptions,
    options?: MutateOptionsOf<context> | undefined,
  ): void
}

/** `mutateAsync` typed from the ABI of each call. */
export type SessionActionMutateAsync<context = unknown> = {
  <
    const abi extends Abi | readonly unknown[],
    functionName extends ContractFunctionName<abi, Mutability>,
    args extends ContractFunctionArgs<abi, Mutability, functionName>,
  >(
    variables: SessionActionCall<abi, functionName, args> & SessionActionOptions,
    options?: MutateOptionsOf<context> | undefined,
  ): Promise<UseSessionActionData>
  <const calls extends readonly unknown[]>(
    variables: SessionActionBatch<Narrow<calls>> & SessionActionOptions,
    options?: MutateOptionsOf<context> | undefined,
  ): Promise<UseSessionActionData>
}

export type UseSessionActionParameters<context = unknown> = {
  config?: SessionConfig | undefined
} & MutationParameter<
  UseSessionActionData,
  UseSessionActionErrorType,
  UseSessionActionVariables,
  context
>

type Result<context> = UseMutationResult<
  UseSessionActionData,
  UseSessionActionErrorType,
  UseSessionActionVariables,
  context
>

export type UseSessionActionReturnType<context = unknown> =
  Result<context> extends infer result
    ? result extends unknown
      ? Omit<result, 'mutate' | 'mutateAsync'> & {
          mutate: SessionActionMutate<context>
          mutateAsync: SessionActionMutateAsync<context>
        }
      : never
    : never

/**
 * Sends contract calls through the session with no wallet prompt: `mutate({ address, abi,
 * functionName, args })` or `mutate({ calls: [...] })` for a batch. `data` holds the UserOperation
 * `hash` (actions fired together may share one; each keeps its own outcome) and `wait()`. Out of scope: `SessionScopeError` with the check's `reason`, nothing sent.
 * Use `mutation.onMutate` for optimistic UI. https://sessionkit.dev/react/useSessionAction
 */
export function useSessionAction<context = unknown>(
  parameters: UseSessionActionParameters<context> = {},
): UseSessionActionReturnType<context> {
  const config = useSessionConfig(parameters)
  const queryClient = useQueryClient()
  const { mutation } = parameters
  const options = sendSessionCallsMutationOptions<context>(config)
  const send = options.mutationFn as (
    variables: SendSessionCallsVariables,
  ) => Promise<SendSessionCallsData>
  return useMutation({
    ...mutation,
    mutationKey: options.mutationKey,
    async mutationFn(variables: UseSessionActionVariables) {
      const data = await send(toSendVariables(variables))
      return {
        ...data,
        // Usage changes once the action lands: refresh the session queries then too.
        wait: async (waitOptions?: { timeout?: number | undefined }) => {
          const receipt = await data.wait(waitOptions)
          invalidateSessionQueries(queryClient)
          return receipt
        },
      }
    },
    onSuccess: (...args) => {
      invalidateSessionQueries(queryClient)
      return mutation?.onSuccess?.(...args)
    },
  }) as unknown as UseSessionActionReturnType<context>
}

function toSendVariables(variables: UseSessionActionVariables): SendSessionCallsVariables {
  const { sessionId, lane } = variables
  const calls: readonly SessionCall[] =
    variables.calls !== undefined
      ? (variables.calls as readonly SessionCall[])
      : [
          {
            address: variables.address,
            abi: variables.abi,
            functionName: variables.functionName,
            args: variables.args as readonly unknown[] | undefined,
            value: variables.value,
          },
        ]
  return { id: sessionId, calls, lane }
}
