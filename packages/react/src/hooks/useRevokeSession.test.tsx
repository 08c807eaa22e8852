import type { UserRejectedErrorType } from '@sessionkit/core'
import { counterAbi } from '@sessionkit/test/contracts'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSetup, gamePolicy, getTestContracts } from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useRevokeSession } from './useRevokeSession.js'
import { useSessionAction } from './useSessionAction.js'
import { useSessions } from './useSessions.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

const hooks = () => ({
  create: useCreateSession(),
  revoke: useRevokeSession(),
  action: useSessionAction(),
  sessions: useSessions(),
})

describe('useRevokeSession', () => {
  test('behavior: revokes one session with one prompt; the list shows it revoked and it can no longer act', async () => {
    const { wrapper, wallets } = await createTestSetup()
    const { result } = renderHook(hooks, { wrapper })
    const kept = await act(() => result.current.create.mutateAsync({ policy: gamePolicy(counter) }))
    const revoked = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter) }),
    )
    // The session acts once, so its accounts exist on chain before the revoke.
    await (
      await act(() =>
        result.current.action.mutateAsync({
          address: counter,
          abi: counterAbi,
          functionName: 'increment',
          sessionId: revoked.id,
        }),
      )
    ).wait()
    wallets[0]!.resetPrompts()

    const data = await act(() => result.current.revoke.mutateAsync({ id: revoked.id }))
    expect(data.ids).toEqual([revoked.id])
    expect(wallets[0]!.promptCount()).toBe(1)
    await waitFor(() =>
      expect(
        Object.fromEntries(
          result.current.sessions.data?.sessions.map((s) => [s.id, s.state]) ?? [],
        ),
      ).toEqual({ [kept.id]: 'active', [revoked.id]: 'revoked' }),
    )
    const error = await act(() =>
      result.current.action
        .mutateAsync({
          address: counter,
          abi: counterAbi,
          functionName: 'increment',
          sessionId: revoked.id,
        })
        .then(
          () => undefined,
          (e: Error) => e,
        ),
    )
    expect(error?.name).toBe('SessionRevokedError')
  })

  test('behavior: revokes all sessions of the account with one prompt', async () => {
    const { wrapper, wallets } = await createTestSetup()
    const { result } = renderHook(hooks, { wrapper })
    for (let i = 0; i < 3; i++)
      await act(() => result.current.create.mutateAsync({ policy: gamePolicy(counter) }))
    wallets[0]!.resetPrompts()
    const data = await act(() => result.current.revoke.mutateAsync({ all: true }))
    expect(data.ids).toHaveLength(3)
    expect(wallets[0]!.promptCount()).toBe(1)
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.state)).toEqual([
        'revoked',
        'revoked',
        'revoked',
      ]),
    )
  })

  test('error: declining the revoke prompt gives UserRejectedError and the session stays active', async () => {
    const { wrapper, wallets } = await createTestSetup()
    const { result } = renderHook(hooks, { wrapper })
    const session = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter) }),
    )
    await (
      await act(() =>
        result.current.action.mutateAsync({
          address: counter,
          abi: counterAbi,
          functionName: 'increment',
        }),
      )
    ).wait()
    wallets[0]!.setDeclining(true)
    const error = await act(() =>
      result.current.revoke.mutateAsync({ id: session.id }).then(
        () => undefined,
        (e: UserRejectedErrorType) => e,
      ),
    )
    expect(error?.name).toBe('UserRejectedError')
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.state)).toEqual(['active']),
    )
  })
})
