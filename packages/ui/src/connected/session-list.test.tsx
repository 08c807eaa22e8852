import { type CreateSessionReturnType, createSession, UserRejectedError } from '@sessionkit/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import {
  type ConnectedSetup,
  createConnectedSetup,
  gamePolicy,
  getTestContracts,
  isRootDisabled,
} from '../../test/connected.js'
import { SessionList } from './session-list.js'
import { summarizePolicy, toSessionListItem } from './session-list-item.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

/** Creates a session straight through core (one prompt); the SessionProvider picks it up from storage. */
async function create(setup: ConnectedSetup, label?: string): Promise<CreateSessionReturnType> {
  return act(() => createSession(setup.config, { policy: gamePolicy(counter), label }))
}

/** Clicks Revoke on `row` and confirms in the AlertDialog. */
async function revokeRow(user: ReturnType<typeof userEvent.setup>, row: HTMLElement) {
  await user.click(within(row).getByRole('button', { name: /^Revoke/ }))
  const confirm = await screen.findByRole('alertdialog')
  await user.click(within(confirm).getByRole('button', { name: 'Revoke session' }))
}

describe('SessionList', () => {
  test('behavior: loading, then empty, then the created session as an active row with its usage', async () => {
    const setup = await createConnectedSetup()
    render(<SessionList className="mine" />, { wrapper: setup.wrapper })
    const section = screen.getByRole('region', { name: 'Active sessions' })
    expect(section.className).toBe('sk-active-session-list mine')
    expect(section.getAttribute('data-state')).toBe('loading')
    expect(screen.getByText('Loading sessions…')).toBeTruthy()
    await screen.findByText('No sessions yet.')
    expect(section.getAttribute('data-state')).toBe('empty')
    await expectNoAxeViolations(section)

    const session = await create(setup, 'run')
    const row = await screen.findByRole('listitem', { name: 'Test game, Active' })
    expect(section.getAttribute('data-state')).toBe('ready')
    expect(within(row).getByText('increment, move on Counter')).toBeTruthy()
    expect(row.textContent).toContain('0 used · 20 left')
    const countdown = row.querySelector('time')!
    expect(countdown.getAttribute('dateTime')).toBe(
      new Date(session.expiresAt! * 1000).toISOString(),
    )
    expect(setup.wallet.promptCount()).toBe(1)
    await expectNoAxeViolations(section)
  })

  test('behavior: Revoke on a row disables that session on chain with one prompt; the row reads Revoked', async () => {
    const setup = await createConnectedSetup()
    const user = userEvent.setup()
    const onRevoked = vi.fn()
    const kept = await create(setup, 'kept')
    const revoked = await create(setup, 'revoked')
    render(<SessionList onRevoked={onRevoked} />, { wrapper: setup.wrapper })
    await waitFor(() =>
      expect(screen.getAllByRole('listitem', { name: 'Test game, Active' })).toHaveLength(2),
    )
    setup.wallet.resetPrompts()
    // Newest first: the second session is the first row.
    const [row] = screen.getAllByRole('listitem', { name: 'Test game, Active' })
    await revokeRow(user, row!)
    await waitFor(() => expect(onRevoked).toHaveBeenCalledTimes(1), { timeout: 60_000 })
    expect(onRevoked.mock.calls[0]![0].ids).toEqual([revoked.id])
    expect(setup.wallet.promptCount()).toBe(1)
    await screen.findByRole('listitem', { name: 'Test game, Revoked' })
    expect(screen.getAllByRole('listitem', { name: 'Test game, Active' })).toHaveLength(1)
    expect(await isRootDisabled(revoked.delegations.root)).toBe(true)
    expect(await isRootDisabled(kept.delegations.root)).toBe(false)
    expect(screen.getByRole('heading', { name: /Active sessions/ }).textContent).toContain('(1)')
  })

  test('behavior: Revoke all disables every session on chain with one prompt', async () => {
    const setup = await createConnectedSetup()
    const user = userEvent.setup()
    const sessions = [await create(setup), await create(setup)]
    render(<SessionList />, { wrapper: setup.wrapper })
    await waitFor(() =>
      expect(screen.getAllByRole('listitem', { name: 'Test game, Active' })).toHaveLength(2),
    )
    setup.wallet.resetPrompts()
    await user.click(screen.getByRole('button', { name: 'Revoke all' }))
    const confirm = await screen.findByRole('alertdialog')
    expect(confirm.textContent).toContain('Revoke all 2 sessions?')
    await user.click(within(confirm).getByRole('button', { name: 'Revoke all' }))
    expect(await screen.findByRole('button', { name: 'Revoking…' })).toBeTruthy()
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'Test game, Revoked' })).toHaveLength(2),
      { timeout: 60_000 },
    )
    expect(setup.wallet.promptCount()).toBe(1)
    for (const session of sessions)
      expect(await isRootDisabled(session.delegations.root)).toBe(true)
    expect(screen.getByRole('button', { name: 'Revoke all' })).toHaveProperty('disabled', true)
  })

  test('error: declining the revoke prompt shows UserRejectedError and the session stays active', async () => {
    const setup = await createConnectedSetup()
    const user = userEvent.setup()
    const onRevokeError = vi.fn()
    const session = await create(setup)
    render(<SessionList onRevokeError={onRevokeError} />, { wrapper: setup.wrapper })
    const row = await screen.findByRole('listitem', { name: 'Test game, Active' })
    setup.wallet.setDeclining(true)
    await revokeRow(user, row)
    const alert = await screen.findByText(new UserRejectedError().shortMessage)
    expect(alert.getAttribute('role')).toBe('alert')
    expect(onRevokeError.mock.calls[0]![0].name).toBe('UserRejectedError')
    expect(screen.getByRole('listitem', { name: 'Test game, Active' })).toBeTruthy()
    expect(await isRootDisabled(session.delegations.root)).toBe(false)
    await expectNoAxeViolations(screen.getByRole('region', { name: 'Active sessions' }))
  })
})

describe('toSessionListItem', () => {
  test('behavior: maps state, expiry, usage and a one-line summary', () => {
    const policy = gamePolicy('0x00000000000000000000000000000000000000c0')
    const item = toSessionListItem({
      id: 's1',
      app: { name: 'Game', url: 'https://g.example' },
      chainId: 1,
      account: '0x00000000000000000000000000000000000000a1',
      owner: '0x00000000000000000000000000000000000000a2',
      sessionAccount: '0x00000000000000000000000000000000000000a3',
      policy,
      createdAt: 1_000_000,
      expiresAt: 5000,
      state: 'exhausted',
      remaining: { actionsLeft: 0, actionsUsed: 20, spend: [] },
    })
    expect(item).toEqual({
      id: 's1',
      app: { name: 'Game', url: 'https://g.example' },
      state: 'exhausted',
      summary: 'increment, move on Counter',
      expiresAt: 5000,
      actionsUsed: 20,
      actionsLeft: 0,
      spend: [],
    })
    expect(summarizePolicy({ calls: [] }, 'fallback')).toBe('fallback')
    expect(summarizePolicy({ calls: 'bad' } as never, 'fallback')).toBe('fallback')
  })
})
