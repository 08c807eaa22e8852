import type { SessionScopeErrorType, UserRejectedErrorType } from '@sessionkit/core'
import { counterAbi, testTokenAbi } from '@sessionkit/test/contracts'
import type { Address, Hex } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import { type UseSessionActionErrorType, useSessionAction } from './useSessionAction.js'

declare const counter: Address
declare const token: Address
const action = useSessionAction()

describe('useSessionAction types', () => {
  test('behavior: one call is checked against its ABI', () => {
    action.mutate({ address: counter, abi: counterAbi, functionName: 'increment' })
    action.mutate({ address: counter, abi: counterAbi, functionName: 'move', args: [2] })
    action.mutate({ address: counter, abi: counterAbi, functionName: 'add', args: [5n] })
    action.mutate({ address: counter, abi: counterAbi, functionName: 'deposit', value: 1n })
    action.mutate({
      address: counter,
      abi: counterAbi,
      functionName: 'increment',
      sessionId: 'id',
      lane: 'ordered',
    })

    // @ts-expect-error a function the ABI does not have
    action.mutate({ address: counter, abi: counterAbi, functionName: 'explode' })
    // @ts-expect-error a view function is not an action
    action.mutate({ address: counter, abi: counterAbi, functionName: 'total' })
    // @ts-expect-error wrong argument type (uint8 takes a number)
    action.mutate({ address: counter, abi: counterAbi, functionName: 'move', args: ['north'] })
    // @ts-expect-error missing required arguments
    action.mutate({ address: counter, abi: counterAbi, functionName: 'add' })
    // @ts-expect-error wrong lane
    action.mutate({ address: counter, abi: counterAbi, functionName: 'increment', lane: 'fast' })
  })

  test('behavior: each call of a batch is checked against its own ABI', () => {
    action.mutate({
      calls: [
        { address: counter, abi: counterAbi, functionName: 'move', args: [1] },
        { address: token, abi: testTokenAbi, functionName: 'transfer', args: [counter, 10n] },
      ],
    })
    action.mutate({
      // @ts-expect-error the second call has its arguments swapped: transfer takes (address, uint256)
      calls: [
        { address: counter, abi: counterAbi, functionName: 'increment' },
        { address: token, abi: testTokenAbi, functionName: 'transfer', args: [10n, counter] },
      ],
    })
    action.mutate({
      // @ts-expect-error not a function of the token
      calls: [{ address: token, abi: testTokenAbi, functionName: 'move', args: [1] }],
    })
  })

  test('behavior: data and the typed error union', async () => {
    const data = await action.mutateAsync({
      address: counter,
      abi: counterAbi,
      functionName: 'increment',
    })
    expectTypeOf(data.hash).toEqualTypeOf<Hex>()
    expectTypeOf(data.wait).returns.resolves.toHaveProperty('success')
    expectTypeOf(action.error).toEqualTypeOf<UseSessionActionErrorType | null>()
    expectTypeOf<SessionScopeErrorType>().toExtend<UseSessionActionErrorType>()
    if (action.error?.name === 'SessionScopeError')
      expectTypeOf(action.error.reason.code).toBeString()
    // @ts-expect-error the user is never prompted while acting, so no UserRejectedError
    expectTypeOf<UserRejectedErrorType>().toExtend<UseSessionActionErrorType>()
  })
})
