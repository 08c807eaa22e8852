import { createIndexedDbStorage, createSession, revokeSession } from '@sessionkit/core'
import { act, renderHook, waitFor } from '@testing-library/react'
import { IDBFactory } from 'fake-indexeddb'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { SessionProvider } from './context.js'
import { SessionProviderNotFoundError, WagmiConfigMismatchError } from './errors/context.js'
import { useSessionConfig } from './hooks/useSessionConfig.js'
import { useSessions } from './hooks/useSessions.js'
import { createTestSetup, gamePolicy, getTestContracts } from './test/createTestSetup.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

describe('useSessionConfig', () => {
  test('error: outside SessionProvider without `config` throws SessionProviderNotFoundError', () => {
    let caught: unknown
    try {
      renderHook(() => useSessionConfig())
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SessionProviderNotFoundError)
    expect((caught as SessionProviderNotFoundError).name).toBe('SessionProviderNotFoundError')
    expect((caught as SessionProviderNotFoundError).shortMessage).toBe(
      'Session hooks need a <SessionProvider> above them (inside WagmiProvider and QueryClientProvider), or a config parameter.',
    )
  })

  test('behavior: returns the provider config, or the `config` parameter over it', async () => {
    const a = await createTestSetup()
    const b = await createTestSetup({ connect: false })
    const { result } = renderHook(
      () => [useSessionConfig(), useSessionConfig({ config: b.config })],
      {
        wrapper: a.wrapper,
      },
    )
    expect(result.current[0]).toBe(a.config)
    expect(result.current[1]).toBe(b.config)
  })
})

describe('SessionProvider', () => {
  test('error: a session config made from another wagmi config than WagmiProvider’s is refused', async () => {
    const a = await createTestSetup()
    const b = await createTestSetup({ connect: false })
    let caught: unknown
    try {
      renderHook(() => useSessionConfig(), {
        wrapper: ({ children }) =>
          a.wrapper({ children: <SessionProvider config={b.config}>{children}</SessionProvider> }),
      })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(WagmiConfigMismatchError)
    expect((caught as WagmiConfigMismatchError).shortMessage).toBe(
      "The session config wraps another wagmi config than <WagmiProvider>'s. Pass that one to createSessionConfig({ wagmi }).",
    )
  })

  test('behavior: a session created or revoked in another tab (same IndexedDB, BroadcastChannel) updates this tab', async () => {
    const indexedDB = new IDBFactory()
    const name = `cross-tab-${Math.random()}`
    const tabA = await createTestSetup({ storage: createIndexedDbStorage({ indexedDB, name }) })
    const tabB = await createTestSetup({ storage: createIndexedDbStorage({ indexedDB, name }) })
    const { result } = renderHook(() => useSessions(), { wrapper: tabB.wrapper })
    await waitFor(() => expect(result.current.data?.sessions).toEqual([]))

    // Tab A creates: tab B's list refreshes with no action of its own (no polling configured).
    const created = await act(() => createSession(tabA.config, { policy: gamePolicy(counter) }))
    await waitFor(() =>
      expect(result.current.data?.sessions.map((s) => [s.id, s.state])).toEqual([
        [created.id, 'active'],
      ]),
    )

    await act(() => revokeSession(tabA.config, { id: created.id }))
    await waitFor(() =>
      expect(result.current.data?.sessions.map((s) => s.state)).toEqual(['revoked']),
    )
    expect(tabB.wallets[0]!.promptCount()).toBe(0)
  })

  test('behavior: a burst of storage changes refreshes the list once', async () => {
    const tab = await createTestSetup()
    const ids: string[] = []
    for (let i = 0; i < 3; i++)
      ids.push((await createSession(tab.config, { policy: gamePolicy(counter) })).id)
    const { result } = renderHook(() => useSessions(), { wrapper: tab.wrapper })
    await waitFor(() => expect(result.current.data?.sessions).toHaveLength(3))
    await new Promise((resolve) => setTimeout(resolve, 100))
    let fetches = 0
    const unsubscribe = tab.queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'fetch') fetches++
    })
    // What "revoke all" in another tab writes: three updates in a row.
    const revokedAt = Date.now()
    await act(() => Promise.all(ids.map((id) => tab.config.storage.update(id, { revokedAt }))))
    await waitFor(() =>
      expect(result.current.data?.sessions.map((s) => s.state)).toEqual([
        'revoked',
        'revoked',
        'revoked',
      ]),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    unsubscribe()
    expect(fetches).toBe(1)
  })
})
