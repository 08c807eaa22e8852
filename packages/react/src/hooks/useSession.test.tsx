import { createSession, revokeSession, sendSessionCalls } from '@sessionkit/core'
import { getDevnet } from '@sessionkit/test'
import { counterAbi } from '@sessionkit/test/contracts'
import { act, render, renderHook, waitFor } from '@testing-library/react'
import { Profiler } from 'react'
import { type Address, createTestClient, http } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTestSetup, gamePolicy, getTestContracts } from '../test/createTestSetup.js'
import { useSession } from './useSession.js'

const devnet = getDevnet()
const testClient = createTestClient({
  mode: 'anvil',
  chain: devnet.chain,
  transport: http(devnet.rpcUrl),
})
let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

const increment = () => ({ address: counter, abi: counterAbi, functionName: 'increment' }) as const

describe('useSession', () => {
  test('behavior: none → active → expired when the clock passes the expiry, with one timer and no refetch; one render per change', async () => {
    const { wrapper, config, queryClient } = await createTestSetup()
    const policy = gamePolicy(counter, { expiresIn: 4 })
    const renders: string[] = []
    let commits = 0
    function Status() {
      const { status, isPending, expiresAt } = useSession({ policy })
      renders.push(`${status}${isPending ? ':pending' : ''}`)
      return <span data-expires={expiresAt}>{status}</span>
    }
    const view = render(
      <Profiler id="status" onRender={() => void commits++}>
        <Status />
      </Profiler>,
      { wrapper },
    )
    await waitFor(() => expect(renders.at(-1)).toBe('none'))

    // The engine reads the chain's clock from the latest block: make it current.
    await testClient.mine({ blocks: 1 })
    const created = await createSession(config, { policy })
    await waitFor(() => expect(view.container.textContent).toBe('active'))
    expect(Number(view.container.querySelector('span')?.dataset.expires)).toBe(created.expiresAt)

    let fetches = 0
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'fetch') fetches++
    })
    await waitFor(() => expect(view.container.textContent).toBe('expired'), { timeout: 8_000 })
    unsubscribe()
    expect(fetches).toBe(0)
    expect(created.expiresAt! * 1000).toBeLessThanOrEqual(Date.now())
    // One render per visible change: mount (loading), loaded, created, expired.
    expect(renders).toEqual(['none:pending', 'none', 'active', 'expired'])
    expect(commits).toBe(4)
  })

  test('behavior: exhausted once the actions are used, revoked after a revoke; the session is the one granted from the policy', async () => {
    const { wrapper, config } = await createTestSetup()
    const policy = gamePolicy(counter, { actions: 1 })
    const { result } = renderHook(() => useSession({ policy }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('none'))

    const created = await createSession(config, { policy })
    await waitFor(() => expect(result.current.status).toBe('active'))
    expect(result.current.session?.id).toBe(created.id)
    expect(result.current.remaining).toMatchObject({ actionsLeft: 1, actionsUsed: 0 })
    expect(result.current.remaining).not.toHaveProperty('timeLeft')

    await (await sendSessionCalls(config, { calls: [increment()] })).wait()
    await act(() => result.current.refetch())
    await waitFor(() => expect(result.current.status).toBe('exhausted'))
    expect(result.current.remaining).toMatchObject({ actionsLeft: 0, actionsUsed: 1 })

    // A new session from the same policy becomes the current one; revoking it shows `revoked`.
    const second = await createSession(config, { policy })
    await waitFor(() => expect(result.current.session?.id).toBe(second.id))
    expect(result.current.status).toBe('active')
    await revokeSession(config, { id: second.id })
    await waitFor(() => expect(result.current.status).toBe('revoked'))
  })

  test('behavior: a session of another policy is not picked', async () => {
    const { wrapper, config, wallets } = await createTestSetup()
    const { token } = await getTestContracts()
    const other = gamePolicy(token)
    await createSession(config, { policy: other })
    const { result } = renderHook(
      () => ({ mine: useSession({ policy: gamePolicy(counter) }), any: useSession() }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.any.status).toBe('active'))
    expect(result.current.mine.status).toBe('none')
    expect(result.current.mine.session).toBeUndefined()
    expect(wallets[0]!.promptCount()).toBe(1)
  })
})
