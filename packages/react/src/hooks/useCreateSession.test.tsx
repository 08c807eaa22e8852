import { getDeleGatorDeployment, type UserRejectedErrorType } from '@sessionkit/core'
import { getDevnet } from '@sessionkit/test'
import { act, renderHook, waitFor } from '@testing-library/react'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSetup, gamePolicy, getTestContracts } from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useSessions } from './useSessions.js'

let counter: `0x${string}`
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

describe('useCreateSession', () => {
  test('behavior: one wallet prompt creates a session that useSessions then lists as active', async () => {
    const { wrapper, wallets } = await createTestSetup()
    const wallet = wallets[0]!
    const { result } = renderHook(() => ({ create: useCreateSession(), sessions: useSessions() }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.sessions.data?.sessions).toEqual([]))

    let id: string | undefined
    await act(async () => {
      id = (await result.current.create.mutateAsync({ policy: gamePolicy(counter), label: 'game' }))
        .id
    })
    expect(wallet.promptCount()).toBe(1)
    expect(wallet.promptCount('eth_signTypedData_v4')).toBe(1)
    await waitFor(() => expect(result.current.create.status).toBe('success'))
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([id]),
    )
    const [listed] = result.current.sessions.data!.sessions
    expect(listed).toMatchObject({ state: 'active', label: 'game', owner: wallet.address })
    expect(listed!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3500)
  })

  test('error: a declined prompt gives UserRejectedError and stores nothing', async () => {
    const { wrapper, wallets, config, wagmi } = await createTestSetup()
    const wallet = wallets[0]!
    wallet.setDeclining(true)
    const { result } = renderHook(() => ({ create: useCreateSession(), sessions: useSessions() }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.sessions.isSuccess).toBe(true))
    act(() => result.current.create.mutate({ policy: gamePolicy(counter) }))
    await waitFor(() => expect(result.current.create.isError).toBe(true))
    const error = result.current.create.error!
    expect(error.name).toBe('UserRejectedError')
    expect(
      (error as UserRejectedErrorType).walk((e) => (e as { code?: number }).code === 4001),
    ).toBeTruthy()
    expect(wallet.prompts).toEqual([{ method: 'eth_signTypedData_v4', declined: true }])
    expect(result.current.sessions.data?.sessions).toEqual([])
    const account = getDeleGatorDeployment({
      owner: wallet.address,
      environment: getDevnet().environment,
    }).address
    const stored = await config.storage.list({
      chainId: wagmi.chains[0].id,
      account,
      appId: config.appId,
    })
    expect(stored.sessions).toEqual([])
  })

  test('behavior: mutation callbacks pass through nested under `mutation`', async () => {
    const { wrapper } = await createTestSetup()
    const calls: string[] = []
    const { result } = renderHook(
      () =>
        useCreateSession({
          mutation: {
            onMutate: () => void calls.push('onMutate'),
            onSuccess: (data) => void calls.push(`onSuccess:${data.chainId}`),
            onSettled: () => void calls.push('onSettled'),
          },
        }),
      { wrapper },
    )
    const data = await act(() => result.current.mutateAsync({ policy: gamePolicy(counter) }))
    expect(calls).toEqual(['onMutate', `onSuccess:${data.chainId}`, 'onSettled'])
    await waitFor(() => expect(result.current.data?.id).toBe(data.id))
  })
})
