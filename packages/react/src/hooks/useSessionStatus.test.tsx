import { createSession, revokeSession } from '@sessionkit/core'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSetup, gamePolicy, getTestContracts } from '../test/createTestSetup.js'
import { useSessionStatus } from './useSessionStatus.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

describe('useSessionStatus', () => {
  test('behavior: one session with live state; follows a revoke; waits for an id', async () => {
    const { wrapper, config } = await createTestSetup()
    const created = await createSession(config, { policy: gamePolicy(counter, { actions: 4 }) })
    const { result, rerender } = renderHook(({ id }) => useSessionStatus({ id }), {
      wrapper,
      initialProps: { id: undefined as string | undefined },
    })
    expect(result.current.fetchStatus).toBe('idle')
    rerender({ id: created.id })
    await waitFor(() => expect(result.current.data?.state).toBe('active'))
    expect(result.current.data).toMatchObject({ id: created.id, remaining: { actionsLeft: 4 } })
    expect(result.current.queryKey[0]).toBe('sessionStatus')
    await act(() => revokeSession(config, { id: created.id }))
    await waitFor(() => expect(result.current.data?.state).toBe('revoked'))
  })

  test('error: an unknown id gives SessionNotFoundError', async () => {
    const { wrapper } = await createTestSetup()
    const { result } = renderHook(() => useSessionStatus({ id: 'no-such-session' }), { wrapper })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.name).toBe('SessionNotFoundError')
  })
})
