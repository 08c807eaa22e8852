import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import { NOW_MS, NOW_S, sessionRows } from '../../test/fixtures.js'
import { MissingRootError } from '../internal/errors.js'
import { ActiveSessionList, getSessionStatus } from './active-session-list.js'

const rowOf = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name},`) })

describe('getSessionStatus', () => {
  test('behavior: derives each badge from state, clock and actions', () => {
    expect(sessionRows.map((row) => getSessionStatus(row, NOW_MS))).toEqual([
      'active',
      'expiring-soon',
      'expired',
      'revoked',
      'exhausted',
    ])
    expect(getSessionStatus({ state: 'active', expiresAt: NOW_S }, NOW_MS)).toBe('expired')
    expect(getSessionStatus({ state: 'active', expiresAt: NOW_S + 600 }, NOW_MS, 900)).toBe(
      'expiring-soon',
    )
    expect(getSessionStatus({ state: 'active' }, NOW_MS)).toBe('active')
    expect(getSessionStatus({ state: 'not-yet-valid', expiresAt: NOW_S + 9000 }, NOW_MS)).toBe(
      'scheduled',
    )
    expect(getSessionStatus({ state: 'missing' }, NOW_MS)).toBe('unknown')
    expect(getSessionStatus({ state: 'exhausted', expiresAt: NOW_S - 5 }, NOW_MS)).toBe('exhausted')
  })
})

describe('ActiveSessionList', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('state: every status renders its badge, stats and countdown (axe clean)', async () => {
    const { container } = render(
      <ActiveSessionList.Root sessions={sessionRows} now={NOW_MS} onRevoke={() => {}} />,
    )
    const list = screen.getByRole('region', { name: 'Active sessions' })
    expect(list.dataset.state).toBe('ready')
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Active sessions (2)')
    const states = screen
      .getAllByRole('listitem')
      .map((li) => [
        li.dataset.state,
        li.querySelector('[data-slot="active-session-list-status"]')!.textContent,
      ])
    expect(states).toEqual([
      ['active', 'Active'],
      ['expiring-soon', 'Expiring soon'],
      ['expired', 'Expired'],
      ['revoked', 'Revoked'],
      ['exhausted', 'Exhausted'],
    ])
    const active = rowOf('Dungeon Crawl')
    expect(within(active).getByText('3 h 20 min').tagName).toBe('TIME')
    expect(within(active).getByText('38 used · 162 left')).toBeTruthy()
    expect(within(active).getByText('0.012 ETH used · 0.038 ETH left')).toBeTruthy()
    expect(
      within(active)
        .getByRole('meter', { name: 'Dungeon Crawl actions used' })
        .getAttribute('aria-valuenow'),
    ).toBe('19')
    expect(within(rowOf('Farm Days')).getByText('2 h ago')).toBeTruthy()
    // only active and expiring rows can be revoked
    const revokeEnabled = screen
      .getAllByRole('button', { name: /^Revoke .* session$/ })
      .map((b) => (b as HTMLButtonElement).disabled)
    expect(revokeEnabled).toEqual([false, false, true, true, true])
    await expectNoAxeViolations(container)
  })

  test('behavior: Revoke asks for confirmation; Cancel does nothing, confirm calls onRevoke', async () => {
    const user = userEvent.setup()
    const onRevoke = vi.fn()
    render(<ActiveSessionList.Root sessions={sessionRows} now={NOW_MS} onRevoke={onRevoke} />)
    const revoke = screen.getByRole('button', { name: 'Revoke Kart Rally session' })
    await user.click(revoke)
    const confirm = screen.getByRole('alertdialog', { name: "Revoke Kart Rally's session?" })
    await expectNoAxeViolations(confirm)
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }))
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(onRevoke).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(revoke)
    await user.click(revoke)
    await user.click(screen.getByRole('button', { name: 'Revoke session' }))
    expect(onRevoke).toHaveBeenCalledExactlyOnceWith('soon')
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  test('state: a row being revoked shows Revoking… and cannot be revoked twice (axe clean)', async () => {
    const { container } = render(
      <ActiveSessionList.Root
        sessions={sessionRows}
        now={NOW_MS}
        onRevoke={() => {}}
        revokingIds={['active']}
      />,
    )
    const button = within(rowOf('Dungeon Crawl')).getByRole('button', {
      name: /^Revoking Dungeon Crawl session/,
    })
    expect(button.textContent).toBe('Revoking Dungeon Crawl session…')
    expect((button as HTMLButtonElement).disabled).toBe(true)
    await expectNoAxeViolations(container)
  })

  test('behavior: Revoke all confirms then calls onRevokeAll; without it, onRevoke per live row', async () => {
    const user = userEvent.setup()
    const onRevokeAll = vi.fn()
    const { unmount } = render(
      <ActiveSessionList.Root sessions={sessionRows} now={NOW_MS} onRevokeAll={onRevokeAll} />,
    )
    await user.click(screen.getByRole('button', { name: 'Revoke all' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke all 2 sessions?' })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke all' }))
    expect(onRevokeAll).toHaveBeenCalledTimes(1)
    unmount()

    const onRevoke = vi.fn()
    render(<ActiveSessionList.Root sessions={sessionRows} now={NOW_MS} onRevoke={onRevoke} />)
    await user.click(screen.getByRole('button', { name: 'Revoke all' }))
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke all' }),
    )
    expect(onRevoke.mock.calls).toEqual([['active'], ['soon']])
  })

  test('state: empty (axe clean)', async () => {
    const { container } = render(<ActiveSessionList.Root sessions={[]} onRevoke={() => {}} />)
    expect(screen.getByRole('region').dataset.state).toBe('empty')
    expect(screen.getByText('No sessions yet.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Revoke all' }) as HTMLButtonElement).disabled).toBe(
      true,
    )
    await expectNoAxeViolations(container)
  })

  test('state: loading (axe clean)', async () => {
    const { container } = render(<ActiveSessionList.Root loading onRevoke={() => {}} />)
    expect(screen.getByRole('region').dataset.state).toBe('loading')
    expect(screen.getByRole('list').getAttribute('aria-busy')).toBe('true')
    expect(screen.getByText('Loading sessions…')).toBeTruthy()
    expect(screen.getByRole('heading').textContent).toBe('Active sessions ')
    await expectNoAxeViolations(container)
  })

  test('behavior: countdown ticks, turns expiring-soon then expired, and the live region speaks per minute', () => {
    vi.useFakeTimers({ now: NOW_MS })
    const row = { ...sessionRows[0]!, expiresAt: NOW_S + 301 }
    render(<ActiveSessionList.Root sessions={[row]} onRevoke={() => {}} />)
    const live = screen.getByRole('status')
    expect(rowOf('Dungeon Crawl').dataset.state).toBe('active')
    expect(within(rowOf('Dungeon Crawl')).getByText('5 min')).toBeTruthy()
    expect(live.textContent).toBe('')
    act(() => {
      vi.advanceTimersByTime(2000)
    })
    expect(rowOf('Dungeon Crawl').dataset.state).toBe('expiring-soon')
    expect(within(rowOf('Dungeon Crawl')).getByText('4 min')).toBeTruthy()
    expect(live.textContent).toBe('Dungeon Crawl session: 5 minutes left.')
    act(() => {
      vi.advanceTimersByTime(30_000)
    })
    expect(live.textContent).toBe('Dungeon Crawl session: 5 minutes left.')
    act(() => {
      vi.advanceTimersByTime(240_000)
    })
    expect(within(rowOf('Dungeon Crawl')).getByText('29 s')).toBeTruthy()
    expect(live.textContent).toBe('Dungeon Crawl session: 1 minute left.')
    act(() => {
      vi.advanceTimersByTime(30_000)
    })
    expect(rowOf('Dungeon Crawl').dataset.state).toBe('expired')
    expect(live.textContent).toBe('Dungeon Crawl session expired.')
    expect(
      (screen.getByRole('button', { name: 'Revoke Dungeon Crawl session' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true)
  })

  test('behavior: custom composition and className merged last', () => {
    render(
      <ActiveSessionList.Root sessions={sessionRows.slice(0, 1)} now={NOW_MS} className="panel">
        <ActiveSessionList.List className="rows" />
      </ActiveSessionList.Root>,
    )
    expect(screen.getByRole('region').className).toBe('sk-active-session-list panel')
    expect(screen.getByRole('list', { name: 'Sessions' }).className).toBe(
      'sk-active-session-list-items rows',
    )
    expect(screen.queryByRole('heading')).toBeNull()
    // no onRevoke: nothing to revoke with
    expect(
      (screen.getByRole('button', { name: 'Revoke Dungeon Crawl session' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true)
  })

  test('error: a part outside Root throws MissingRootError', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ActiveSessionList.List />)).toThrow(MissingRootError)
  })
})
