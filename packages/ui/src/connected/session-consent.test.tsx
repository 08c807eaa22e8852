import { UserRejectedError } from '@sessionkit/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Address } from 'viem'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import {
  createConnectedSetup,
  gamePolicy,
  getTestContracts,
  holdSignPrompts,
  storedSessions,
} from '../../test/connected.js'
import { SessionConsent } from './session-consent.js'
import { SessionList } from './session-list.js'

let counter: Address
beforeAll(async () => {
  counter = (await getTestContracts()).counter
})

const declined = new UserRejectedError().shortMessage

describe('SessionConsent', () => {
  test('behavior: Approve creates the chosen session with exactly one wallet prompt, closes, and SessionList shows it active', async () => {
    const { wrapper, wallet, config } = await createConnectedSetup()
    const user = userEvent.setup()
    const onCreated = vi.fn()
    render(
      <>
        <SessionConsent
          policy={gamePolicy(counter)}
          trigger="Start a session"
          label="run 1"
          onCreated={onCreated}
          className="my-dialog"
        />
        <SessionList />
      </>,
      { wrapper },
    )
    await screen.findByText('No sessions yet.')
    await user.click(screen.getByRole('button', { name: 'Start a session' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.className).toBe('sk-consent-dialog-content my-dialog')
    expect(dialog.textContent).toContain('Test game wants to play on your behalf')
    const permissions = within(dialog).getByRole('list', { name: 'Permissions' }).textContent
    expect(permissions).toContain('increment() on Counter')
    expect(permissions).toContain('move(uint8 direction) on Counter')
    await user.click(within(dialog).getByRole('radio', { name: '15 min' }))
    await user.click(within(dialog).getByRole('switch', { name: /^move/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }))

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(wallet.prompts).toEqual([{ method: 'eth_signTypedData_v4', declined: false }])
    const session = onCreated.mock.calls[0]![0]
    // The picked 15 minutes and the switched-off `move` are what was signed and stored.
    expect(session.policy.validity).toEqual({ notBefore: undefined, expiresIn: 900 })
    expect(session.policy.calls.map((c: { functions: string[] }) => c.functions)).toEqual([
      ['increment'],
    ])
    expect(session.expiresAt - Date.now() / 1000).toBeGreaterThan(800)
    expect(session.expiresAt - Date.now() / 1000).toBeLessThanOrEqual(900)
    const stored = await storedSessions(config, wallet)
    expect(stored.map((s) => [s.id, s.label])).toEqual([[session.id, 'run 1']])

    const row = await screen.findByRole('listitem', { name: 'Test game, Active' })
    expect(within(row).getByText('increment on Counter')).toBeTruthy()
    expect(row.textContent).toContain('0 used · 20 left')
    expect(screen.getByRole('heading', { name: /Active sessions/ }).textContent).toContain('(1)')
  })

  test('behavior: pending while the wallet prompt is open; a second click does not prompt again', async () => {
    const { wrapper, wallet, wagmi } = await createConnectedSetup()
    const user = userEvent.setup()
    const prompt = await holdSignPrompts(wagmi)
    const onCreated = vi.fn()
    render(<SessionConsent policy={gamePolicy(counter)} defaultOpen onCreated={onCreated} />, {
      wrapper,
    })
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }))
    const waiting = await within(dialog).findByRole('button', { name: 'Waiting for wallet…' })
    expect(waiting.getAttribute('aria-disabled')).toBe('true')
    expect(dialog.getAttribute('aria-busy')).toBe('true')
    expect(within(dialog).getByRole('status').textContent).toBe(
      'Confirm the request in your wallet.',
    )
    expect(within(dialog).getByRole('group', { name: 'Session length' })).toHaveProperty(
      'disabled',
      true,
    )
    await expectNoAxeViolations(dialog)
    await user.click(waiting)
    expect(wallet.promptCount()).toBe(0)
    expect(onCreated).not.toHaveBeenCalled()

    act(() => prompt.release())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onCreated).toHaveBeenCalledTimes(1)
    expect(wallet.promptCount()).toBe(1)
  })

  test('error: declining the wallet prompt shows UserRejectedError with Retry and stores nothing; Retry then creates it', async () => {
    const { wrapper, wallet, config } = await createConnectedSetup()
    const user = userEvent.setup()
    const onCreated = vi.fn()
    const onError = vi.fn()
    wallet.setDeclining(true)
    render(
      <>
        <SessionConsent
          policy={gamePolicy(counter)}
          trigger="Start a session"
          onCreated={onCreated}
          onError={onError}
        />
        <SessionList />
      </>,
      { wrapper },
    )
    await screen.findByText('No sessions yet.')
    await user.click(screen.getByRole('button', { name: 'Start a session' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }))

    const retry = await within(dialog).findByRole('button', { name: 'Retry' })
    expect(dialog.getAttribute('data-status')).toBe('error')
    expect(within(dialog).getByRole('status').textContent).toBe(
      `Could not create the session: ${declined}`,
    )
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0].name).toBe('UserRejectedError')
    expect(wallet.prompts).toEqual([{ method: 'eth_signTypedData_v4', declined: true }])
    expect(onCreated).not.toHaveBeenCalled()
    expect(await storedSessions(config, wallet)).toEqual([])
    expect(screen.getByText('No sessions yet.')).toBeTruthy()
    await expectNoAxeViolations(dialog)

    wallet.setDeclining(false)
    await user.click(retry)
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(wallet.promptCount()).toBe(2)
    expect(await storedSessions(config, wallet)).toHaveLength(1)
    await screen.findByRole('listitem', { name: 'Test game, Active' })
  })

  test('behavior: reopening after a declined prompt starts clean', async () => {
    const { wrapper, wallet } = await createConnectedSetup()
    const user = userEvent.setup()
    wallet.setDeclining(true)
    render(<SessionConsent policy={gamePolicy(counter)} trigger="Start a session" />, { wrapper })
    await user.click(screen.getByRole('button', { name: 'Start a session' }))
    let dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }))
    await within(dialog).findByRole('button', { name: 'Retry' })
    await user.click(within(dialog).getByRole('button', { name: 'Deny' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await user.click(screen.getByRole('button', { name: 'Start a session' }))
    dialog = await screen.findByRole('dialog')
    expect(dialog.getAttribute('data-status')).toBe('idle')
    expect(within(dialog).getByRole('status').textContent).toBe('')
    expect(within(dialog).getByRole('button', { name: 'Approve' })).toBeTruthy()
  })

  test('behavior: expand takes a check reason and shows only what would be added', async () => {
    const { wrapper } = await createConnectedSetup()
    render(
      <SessionConsent
        policy={gamePolicy(counter)}
        defaultOpen
        expand={{
          code: 'calls-exhausted',
          rule: 'actions',
          limit: 20,
          message: 'The session used all 20 of its actions.',
        }}
      />,
      { wrapper },
    )
    const dialog = await screen.findByRole('dialog')
    expect(dialog.getAttribute('data-variant')).toBe('expand')
    expect(dialog.textContent).toContain('Test game needs more permission')
    expect(dialog.textContent).toContain('The session used all 20 of its actions.')
    const added = within(dialog).getByRole('list', { name: 'Permissions to add' })
    expect(
      within(added)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Up to 20 contract calls'])
    expect(within(dialog).getByRole('button', { name: 'Add to session' })).toBeTruthy()
  })
})
