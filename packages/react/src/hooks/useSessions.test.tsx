import { connectTestWallet, getDevnet } from '@sessionkit/test'
import { counterAbi } from '@sessionkit/test/contracts'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { useConnection } from 'wagmi'
import { switchChain } from 'wagmi/actions'
import {
  createTestSetup,
  gamePolicy,
  getTestContracts,
  otherChain,
} from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useSession } from './useSession.js'
import { useSessionAction } from './useSessionAction.js'
import { useSessions } from './useSessions.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

describe('useSessions', () => {
  test('behavior: switching account in wagmi switches the visible sessions at once; A’s session is never usable by B', async () => {
    const { wrapper, wallets, wagmi, config } = await createTestSetup({ wallets: 2 })
    const [alice, bob] = wallets as [(typeof wallets)[0], (typeof wallets)[0]]
    const policy = gamePolicy(counter)
    const renders: { address: Address | undefined; ids: string[] }[] = []
    const { result } = renderHook(
      () => {
        const hooks = {
          connection: useConnection(),
          create: useCreateSession(),
          action: useSessionAction(),
          sessions: useSessions(),
          session: useSession({ policy }),
        }
        renders.push({
          address: hooks.connection.address,
          ids: [
            ...(hooks.sessions.data?.sessions.map((s) => s.id) ?? []),
            ...(hooks.session.session ? [hooks.session.session.id] : []),
          ],
        })
        return hooks
      },
      { wrapper },
    )
    const aliceSession = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter) }),
    )
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([aliceSession.id]),
    )
    expect(result.current.session.status).toBe('active')

    // Every render after the switch shows Bob's scope, never Alice's sessions.
    const seen: { address: string | undefined; ids: string[] | undefined }[] = []
    await act(() => connectTestWallet(wagmi, bob))
    seen.push({
      address: result.current.connection.address,
      ids: result.current.sessions.data?.sessions.map((s) => s.id),
    })
    expect(seen[0]!.address).toBe(bob.address)
    expect(seen[0]!.ids ?? []).toEqual([])
    expect(result.current.session.status).toBe('none')
    await waitFor(() => expect(result.current.sessions.data?.sessions).toEqual([]))
    expect(result.current.sessions.queryKey).toEqual([
      'sessions',
      { chainId: getDevnet().chainId, owner: bob.address.toLowerCase(), appId: config.appId },
    ])

    // Alice's session id is not usable from Bob's account.
    const error = await act(() =>
      result.current.action
        .mutateAsync({
          address: counter,
          abi: counterAbi,
          functionName: 'increment',
          sessionId: aliceSession.id,
        })
        .then(
          () => undefined,
          (e: Error) => e,
        ),
    )
    expect(error?.name).toBe('SessionNotFoundError')
    expect(bob.promptCount()).toBe(0)

    // Bob's own session, then back to Alice: each sees only their own.
    const bobSession = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter) }),
    )
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([bobSession.id]),
    )
    await act(() => connectTestWallet(wagmi, alice))
    expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([aliceSession.id])
    expect(result.current.session.session?.id).toBe(aliceSession.id)
    for (const session of result.current.sessions.data?.sessions ?? [])
      expect(session.owner).toBe(alice.address)

    // No render ever paired one wallet with the other's session.
    const ownerOf: Record<string, Address> = {
      [aliceSession.id]: alice.address,
      [bobSession.id]: bob.address,
    }
    expect(renders.length).toBeGreaterThan(5)
    for (const render of renders)
      for (const id of render.ids) expect(ownerOf[id]).toBe(render.address)
  })

  test('behavior: switching to a chain without sessions config shows no sessions and a typed error, and back again', async () => {
    const other = otherChain()
    const { wrapper, wagmi } = await createTestSetup({ chains: [other] })
    const { result } = renderHook(
      () => ({ create: useCreateSession(), sessions: useSessions(), session: useSession() }),
      { wrapper },
    )
    const created = await act(() =>
      result.current.create.mutateAsync({ policy: gamePolicy(counter) }),
    )
    await waitFor(() =>
      expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([created.id]),
    )

    await act(() => switchChain(wagmi, { chainId: other.id }))
    expect(result.current.sessions.data).toBeUndefined()
    await waitFor(() => expect(result.current.sessions.error?.name).toBe('ChainNotConfiguredError'))
    expect(result.current.session.status).toBe('none')
    expect(result.current.session.session).toBeUndefined()

    await act(() => switchChain(wagmi, { chainId: getDevnet().chainId }))
    expect(result.current.sessions.data?.sessions.map((s) => s.id)).toEqual([created.id])
    expect(result.current.session.status).toBe('active')
  })

  test('behavior: disconnected, nothing is fetched and useSession says disconnected', async () => {
    const { wrapper } = await createTestSetup({ connect: false })
    const { result } = renderHook(() => ({ sessions: useSessions(), session: useSession() }), {
      wrapper,
    })
    expect(result.current.sessions.fetchStatus).toBe('idle')
    expect(result.current.sessions.data).toBeUndefined()
    expect(result.current.session.status).toBe('disconnected')
    expect(result.current.session.isPending).toBe(false)
  })
})
