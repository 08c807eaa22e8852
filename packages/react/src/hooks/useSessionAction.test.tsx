import { getDeleGatorDeployment, type SessionScopeErrorType } from '@sessionkit/core'
import { getDevnet } from '@sessionkit/test'
import { counterAbi, testTokenAbi } from '@sessionkit/test/contracts'
import { act, renderHook, waitFor } from '@testing-library/react'
import { type Address, createPublicClient, http } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  createTestSetup,
  gamePolicy,
  getTestContracts,
  type TestSetup,
} from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useSessionAction } from './useSessionAction.js'
import { useSessions } from './useSessions.js'

const devnet = getDevnet()
const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
let counter: Address
let token: Address
let setup: TestSetup
let account: Address

const countOf = (who: Address) =>
  client.readContract({ address: counter, abi: counterAbi, functionName: 'counts', args: [who] })

beforeAll(async () => {
  ;({ counter, token } = await getTestContracts())
  setup = await createTestSetup()
  account = getDeleGatorDeployment({
    owner: setup.wallets[0]!.address,
    environment: devnet.environment,
  }).address
  const { result } = renderHook(() => useCreateSession(), { wrapper: setup.wrapper })
  await act(() => result.current.mutateAsync({ policy: gamePolicy(counter, { actions: 5 }) }))
  setup.wallets[0]!.resetPrompts()
})

describe('useSessionAction', () => {
  test('behavior: sends one typed call with no prompt; wait() lands it on chain', async () => {
    const { result } = renderHook(() => useSessionAction(), { wrapper: setup.wrapper })
    const before = await countOf(account)
    const data = await act(() =>
      result.current.mutateAsync({ address: counter, abi: counterAbi, functionName: 'increment' }),
    )
    expect(data.hash).toMatch(/^0x[0-9a-f]{64}$/)
    const receipt = await data.wait()
    expect(receipt.success).toBe(true)
    expect(receipt.userOpHash).toBe(data.hash)
    expect(await countOf(account)).toBe(before + 1n)
    expect(setup.wallets[0]!.promptCount()).toBe(0)
  })

  test('behavior: a batch of calls is one action (one UserOperation)', async () => {
    const { result } = renderHook(() => useSessionAction(), { wrapper: setup.wrapper })
    const before = await countOf(account)
    const data = await act(() =>
      result.current.mutateAsync({
        calls: [
          { address: counter, abi: counterAbi, functionName: 'increment' },
          { address: counter, abi: counterAbi, functionName: 'move', args: [2] },
        ],
      }),
    )
    const receipt = await data.wait()
    expect(receipt.success).toBe(true)
    expect(await countOf(account)).toBe(before + 1n)
    expect(
      await client.readContract({
        address: counter,
        abi: counterAbi,
        functionName: 'positions',
        args: [account],
      }),
    ).not.toBe(0n)
    expect(setup.wallets[0]!.promptCount()).toBe(0)
  })

  test('error: an out-of-scope call fails with SessionScopeError carrying the check reason; nothing is sent', async () => {
    const { result } = renderHook(() => useSessionAction(), { wrapper: setup.wrapper })
    const before = await countOf(account)
    act(() => result.current.mutate({ address: counter, abi: counterAbi, functionName: 'reset' }))
    await waitFor(() => expect(result.current.isError).toBe(true))
    const error = result.current.error as SessionScopeErrorType
    expect(error.name).toBe('SessionScopeError')
    expect(error.reason.code).toBe('function-not-allowed')
    expect(error.reason.message.length).toBeGreaterThan(5)
    // A token the policy never mentions: the target is out of scope.
    const other = await act(() =>
      result.current
        .mutateAsync({
          address: token,
          abi: testTokenAbi,
          functionName: 'approve',
          args: [account, 1n],
        })
        .catch((e: unknown) => e as SessionScopeErrorType),
    )
    expect((other as SessionScopeErrorType).name).toBe('SessionScopeError')
    expect((other as SessionScopeErrorType).reason.code).toBe('target-not-allowed')
    expect(await countOf(account)).toBe(before)
  })

  test('behavior: onMutate gives optimistic UI; the list refreshes with the usage once the action lands', async () => {
    const events: string[] = []
    const { result } = renderHook(
      () => ({
        action: useSessionAction<{ optimistic: number }>({
          mutation: {
            onMutate: (variables) => {
              events.push(
                `optimistic:${'functionName' in variables ? variables.functionName : 'batch'}`,
              )
              return { optimistic: 1 }
            },
            onSuccess: (_data, _variables, context) =>
              void events.push(`success:${context?.optimistic}`),
            onError: (_error, _variables, context) =>
              void events.push(`rollback:${context?.optimistic}`),
          },
        }),
        sessions: useSessions(),
      }),
      { wrapper: setup.wrapper },
    )
    await waitFor(() => expect(result.current.sessions.data?.sessions.length).toBe(1))
    const usedBefore = result.current.sessions.data!.sessions[0]!.remaining.actionsUsed ?? 0
    const data = await act(() =>
      result.current.action.mutateAsync({
        address: counter,
        abi: counterAbi,
        functionName: 'increment',
      }),
    )
    await data.wait()
    await waitFor(() =>
      expect(result.current.sessions.data!.sessions[0]!.remaining.actionsUsed).toBe(usedBefore + 1),
    )
    await act(() =>
      result.current.action
        .mutateAsync({ address: counter, abi: counterAbi, functionName: 'reset' })
        .catch(() => {}),
    )
    expect(events).toEqual(['optimistic:increment', 'success:1', 'optimistic:reset', 'rollback:1'])
  })
})
