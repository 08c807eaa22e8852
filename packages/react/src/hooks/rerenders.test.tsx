import { counterAbi } from '@sessionkit/test/contracts'
import { act, render, waitFor } from '@testing-library/react'
import { Profiler, type ReactNode } from 'react'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  createTestSetup,
  gamePolicy,
  getTestContracts,
  type TestSetup,
} from '../test/createTestSetup.js'
import { useCreateSession } from './useCreateSession.js'
import { useRevokeSession } from './useRevokeSession.js'
import { useSession } from './useSession.js'
import { useSessionAction } from './useSessionAction.js'
import { useSessionCheck } from './useSessionCheck.js'
import { useSessions } from './useSessions.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

/** Renders each hook in its own component under its own Profiler; records what each render showed. */
function measure(setup: TestSetup, hooks: Record<string, () => string>) {
  const commits: Record<string, number> = {}
  const shown: Record<string, string[]> = {}
  const parts: ReactNode[] = []
  for (const [name, hook] of Object.entries(hooks)) {
    commits[name] = 0
    shown[name] = []
    function Probe() {
      const value = hook()
      shown[name]!.push(value)
      return null
    }
    parts.push(
      <Profiler key={name} id={name} onRender={() => void commits[name]!++}>
        <Probe />
      </Profiler>,
    )
  }
  render(parts, { wrapper: setup.wrapper })
  return { commits, shown }
}

const json = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))

/** Each entry differs from the one before: no render showed the same thing twice. */
function expectNoWastedRenders(values: string[]) {
  for (let i = 1; i < values.length; i++)
    expect(values[i], `render ${i} of ${values.join(' | ')}`).not.toBe(values[i - 1])
}

describe('re-renders', () => {
  test('behavior: each hook re-renders once per state change through create, act and revoke', async () => {
    const setup = await createTestSetup()
    const policy = gamePolicy(counter, { actions: 10 })
    const increment = [{ address: counter, abi: counterAbi, functionName: 'increment' }] as const
    const actions: {
      create?: ReturnType<typeof useCreateSession>
      act?: ReturnType<typeof useSessionAction>
      revoke?: ReturnType<typeof useRevokeSession>
    } = {}
    const { commits, shown } = measure(setup, {
      useSession: () => {
        const s = useSession({ policy })
        return `${s.status}${s.isPending ? ':pending' : ''}:${s.remaining?.actionsUsed ?? '-'}`
      },
      // The state these hooks expose is the whole of `data` (time left included), `error` and `isPending`.
      useSessions: () => {
        const { data, error, isPending } = useSessions()
        return isPending
          ? 'pending'
          : error
            ? error.name
            : json(data?.sessions.map(({ policy: _, ...s }) => s))
      },
      useSessionCheck: () => {
        const { data, error, isPending } = useSessionCheck({ calls: increment })
        return error ? error.name : isPending ? 'pending' : json(data)
      },
      useCreateSession: () => {
        const m = useCreateSession()
        actions.create = m
        return m.status
      },
      useSessionAction: () => {
        const m = useSessionAction()
        actions.act = m
        return m.status
      },
      useRevokeSession: () => {
        const m = useRevokeSession()
        actions.revoke = m
        return m.status
      },
    })
    await waitFor(() => expect(shown.useSession!.at(-1)).toBe('none:-'))
    await waitFor(() => expect(shown.useSessionCheck!.at(-1)).toBe('SessionNotFoundError'))

    const session = await act(() => actions.create!.mutateAsync({ policy }))
    await waitFor(() => expect(shown.useSession!.at(-1)).toBe('active:0'))
    const sent = await act(() => actions.act!.mutateAsync(increment[0]))
    await act(() => sent.wait())
    await waitFor(() =>
      expect(shown.useSessions!.at(-1)).toMatch(/"state":"active".*"actionsUsed":1/),
    )
    await waitFor(() => expect(shown.useSession!.at(-1)).toBe('active:1'))
    await act(() => actions.revoke!.mutateAsync({ id: session.id }))
    await waitFor(() => expect(shown.useSession!.at(-1)).toBe('revoked:1'))
    await waitFor(() => expect(shown.useSessions!.at(-1)).toMatch(/"state":"revoked"/))
    await new Promise((resolve) => setTimeout(resolve, 300))

    console.info('react re-renders (commits per hook):', JSON.stringify(commits))
    for (const values of Object.values(shown)) expectNoWastedRenders(values)
    for (const [name, values] of Object.entries(shown)) expect(commits[name]).toBe(values.length)
    expect(shown.useCreateSession).toEqual(['idle', 'pending', 'success'])
    expect(shown.useRevokeSession).toEqual(['idle', 'pending', 'success'])
    expect(shown.useSessionAction).toEqual(['idle', 'pending', 'success'])
  })
})
