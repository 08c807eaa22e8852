import { createSession, revokeSession, sendSessionCalls } from '@sessionkit/core'
import { disconnectAll } from '@sessionkit/test'
import { counterAbi } from '@sessionkit/test/contracts'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import {
  type ConnectedSetup,
  createConnectedSetup,
  gamePolicy,
  getTestContracts,
} from '../../test/connected.js'
import { SessionHud } from './session-hud.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

/** One `increment` through the session, landed; then the session queries refresh. */
async function play(setup: ConnectedSetup) {
  await act(async () => {
    const sent = await sendSessionCalls(setup.config, {
      calls: [{ address: counter, abi: counterAbi, functionName: 'increment' }],
    })
    await sent.wait()
    await setup.queryClient.invalidateQueries()
  })
}

const meter = () => screen.getByRole('group', { name: 'Session budget' })
const actionsValue = () =>
  meter().querySelector('[data-slot="session-meter-actions"] [data-slot="session-meter-value"]')
    ?.textContent

describe('SessionHud', () => {
  test('behavior: fallback without a session, then time and actions left of the current session', async () => {
    const setup = await createConnectedSetup()
    const policy = gamePolicy(counter)
    render(<SessionHud policy={policy} fallback={<p>No session</p>} className="hud" />, {
      wrapper: setup.wrapper,
    })
    await screen.findByText('No session')
    const session = await act(() => createSession(setup.config, { policy }))
    await screen.findByRole('group', { name: 'Session budget' })
    expect(meter().className).toBe('sk-session-meter hud')
    expect(meter().getAttribute('data-session-status')).toBe('active')
    expect(meter().getAttribute('data-state')).toBe('ok')
    expect(actionsValue()).toBe('20 / 20')
    const timeBar = screen.getByRole('meter', { name: 'Time left' })
    // The bar is drawn against the session's full length (a day).
    expect(Number(timeBar.getAttribute('aria-valuenow'))).toBeGreaterThan(99)
    expect(session.expiresAt).toBeDefined()
    await expectNoAxeViolations(meter())

    await play(setup)
    await waitFor(() => expect(actionsValue()).toBe('19 / 20'))
    expect(setup.wallet.promptCount()).toBe(1)
  })

  test('behavior: Renew appears when actions run low and reports the current session', async () => {
    const setup = await createConnectedSetup()
    const user = userEvent.setup()
    const onRenew = vi.fn()
    const policy = gamePolicy(counter, { actions: 2 })
    const session = await createSession(setup.config, { policy })
    render(<SessionHud policy={policy} onRenew={onRenew} />, { wrapper: setup.wrapper })
    await screen.findByRole('group', { name: 'Session budget' })
    const renew = screen.getByRole('button', { name: 'Renew' })
    expect(renew.getAttribute('data-state')).toBe('hidden')
    await play(setup)
    await waitFor(() => expect(actionsValue()).toBe('1 / 2'))
    expect(meter().getAttribute('data-state')).toBe('low')
    expect(renew.getAttribute('data-state')).toBe('visible')
    await user.click(renew)
    expect(onRenew).toHaveBeenCalledTimes(1)
    expect(onRenew.mock.calls[0]![0].status).toBe('active')
    expect(onRenew.mock.calls[0]![0].session.id).toBe(session.id)
  })

  test('behavior: a revoked session reads as out of time, with Renew', async () => {
    const setup = await createConnectedSetup()
    const policy = gamePolicy(counter)
    await createSession(setup.config, { policy })
    render(<SessionHud policy={policy} onRenew={() => {}} />, { wrapper: setup.wrapper })
    await screen.findByRole('group', { name: 'Session budget' })
    await act(async () => {
      await revokeSession(setup.config, { all: true })
    })
    await waitFor(() => expect(meter().getAttribute('data-session-status')).toBe('revoked'))
    expect(meter().getAttribute('data-state')).toBe('empty')
    expect(screen.getByRole('button', { name: 'Renew' }).getAttribute('data-state')).toBe('visible')
    await expectNoAxeViolations(meter())
  })

  test('behavior: disconnecting the wallet shows the fallback', async () => {
    const setup = await createConnectedSetup()
    const policy = gamePolicy(counter)
    await createSession(setup.config, { policy })
    render(<SessionHud policy={policy} fallback={<p>Connect to play</p>} />, {
      wrapper: setup.wrapper,
    })
    await screen.findByRole('group', { name: 'Session budget' })
    await act(() => disconnectAll(setup.wagmi))
    await screen.findByText('Connect to play')
    expect(screen.queryByRole('group', { name: 'Session budget' })).toBeNull()
  })
})
