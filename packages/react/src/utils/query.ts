import type {
  DefaultError,
  QueryKey,
  UseMutationOptions,
  UseMutationResult,
  UseQueryOptions,
  UseQueryResult,
} from '@tanstack/react-query'

/** `query` passthrough of a query hook: TanStack options except the ones the hook owns. */
export type QueryParameter<
  queryFnData = unknown,
  error = DefaultError,
  data = queryFnData,
  queryKey extends QueryKey = QueryKey,
> = {
  query?:
    | Omit<
        UseQueryOptions<queryFnData, error, data, queryKey>,
        'queryKey' | 'queryFn' | 'queryKeyHashFn'
      >
    | undefined
}

/** `mutation` passthrough of a mutation hook: TanStack options except the ones the hook owns. */
export type MutationParameter<
  data = unknown,
  error = DefaultError,
  variables = void,
  context = unknown,
> = {
  mutation?:
    | Omit<UseMutationOptions<data, error, variables, context>, 'mutationFn' | 'mutationKey'>
    | undefined
}

/** What a query hook returns: TanStack's result as it is, plus the query key it used. */
export type UseQueryReturnType<data = unknown, error = DefaultError> = UseQueryResult<
  data,
  error
> & {
  queryKey: QueryKey
}

/** What a mutation hook returns: TanStack's result as it is. */
export type UseMutationReturnType<
  data = unknown,
  error = DefaultError,
  variables = void,
  context = unknown,
> = UseMutationResult<data, error, variables, context>
