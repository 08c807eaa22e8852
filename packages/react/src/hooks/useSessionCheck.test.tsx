import { counterAbi } from '@sessionkit/test/contracts'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSetup, gamePolicy, getTestContracts } from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useSessionAction } from './useSessionAction.js'
import { useSessionCheck } from './useSessionCheck.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

describe('useSessionCheck', () => {
  test('behavior: says whether calls would be allowed, why not, and what remains, without sending', async () => {
    const { wrapper, wallets } = await createTestSetup()
    const increment = [{ address: counter, abi: counterAbi, functionName: 'increment' }] as const
    const reset = [{ address: counter, abi: counterAbi, functionName: 'reset' }] as const
    const { result } = renderHook(
      () => ({
        create: useCreateSession(),
        action: useSessionAction(),
        allowed: useSessionCheck({ calls: increment }),
        refused: useSessionCheck({ calls: reset }),
        idle: useSessionCheck(),
      }),
      { wrapper },
    )
    const session = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter, { actions: 3 }) }),
    )
    wallets[0]!.resetPrompts()

    await waitFor(() => expect(result.current.allowed.data?.allowed).toBe(true))
    expect(result.current.allowed.data).toMatchObject({
      id: session.id,
      remaining: { actionsLeft: 2 },
    })
    await waitFor(() => expect(result.current.refused.data?.allowed).toBe(false))
    const refused = result.current.refused.data!
    if (refused.allowed) throw new Error('unreachable')
    expect(refused.reason.code).toBe('function-not-allowed')
    expect(refused.remaining.actionsLeft).toBe(3)
    expect(result.current.idle.fetchStatus).toBe('idle')

    // After an action lands, the check reflects the new usage.
    await (
      await act(() =>
        result.current.action.mutateAsync({
          address: counter,
          abi: counterAbi,
          functionName: 'increment',
        }),
      )
    ).wait()
    await waitFor(() => expect(result.current.allowed.data?.remaining.actionsLeft).toBe(1))
    expect(wallets[0]!.promptCount()).toBe(0)
  })

  test('error: with no session, the check fails with a typed error', async () => {
    const { wrapper } = await createTestSetup()
    const { result } = renderHook(
      () =>
        useSessionCheck({
          calls: [{ address: counter, abi: counterAbi, functionName: 'increment' }],
        }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.name).toBe('SessionNotFoundError')
  })
})
