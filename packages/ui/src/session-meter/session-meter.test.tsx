import type { Remaining } from '@sessionkit/core'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import { eth, healthyRemaining, NOW_MS, NOW_S } from '../../test/fixtures.js'
import { MissingRootError } from '../internal/errors.js'
import { getSessionMeterModel, SessionMeter } from './session-meter.js'

const lowRemaining: Remaining = {
  actionsLeft: 2,
  actionsUsed: 48,
  expiresAt: NOW_S + 4 * 60,
  spend: [{ token: eth, period: 'day', limit: 500n, used: 450n, left: 50n }],
}
const emptyRemaining: Remaining = {
  actionsLeft: 0,
  actionsUsed: 50,
  expiresAt: NOW_S - 1,
  spend: [],
}

describe('getSessionMeterModel', () => {
  test('behavior: healthy session is ok everywhere', () => {
    const model = getSessionMeterModel(healthyRemaining, { nowMs: NOW_MS, durationSeconds: 3600 })
    expect(model.state).toBe('ok')
    expect(model.time.secondsLeft).toBe(2400)
    expect(model.time.fraction).toBeCloseTo(2400 / 3600)
    expect(model.actions).toEqual({ state: 'ok', left: 42, total: 50 })
    expect(model.spend[0]?.state).toBe('ok')
  })

  test('behavior: low time, actions and spend make the meter low', () => {
    const model = getSessionMeterModel(lowRemaining, { nowMs: NOW_MS })
    expect(model.state).toBe('low')
    expect(model.time.state).toBe('low')
    expect(model.actions.state).toBe('low')
    expect(model.spend[0]?.state).toBe('low')
  })

  test('behavior: expired or out of actions is empty', () => {
    const model = getSessionMeterModel(emptyRemaining, { nowMs: NOW_MS })
    expect(model.state).toBe('empty')
    expect(model.time.secondsLeft).toBe(0)
    expect(model.actions.state).toBe('empty')
  })

  test('behavior: falls back to timeLeft when there is no expiresAt', () => {
    const model = getSessionMeterModel({ timeLeft: 90, spend: [] }, { nowMs: NOW_MS })
    expect(model.time).toEqual({ state: 'low', secondsLeft: 90, fraction: undefined })
    expect(model.actions.state).toBe('ok')
  })

  test('behavior: custom thresholds', () => {
    const model = getSessionMeterModel(healthyRemaining, {
      nowMs: NOW_MS,
      thresholds: { seconds: 3000, actions: 1, spendFraction: 0.9 },
    })
    expect(model.time.state).toBe('low')
    expect(model.actions.state).toBe('ok')
    expect(model.spend[0]?.state).toBe('low')
  })
})

describe('SessionMeter', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('state: ok renders values and hides Renew (axe clean)', async () => {
    const onRenew = vi.fn()
    const { container } = render(
      <SessionMeter.Root
        remaining={healthyRemaining}
        durationSeconds={3600}
        now={NOW_MS}
        onRenew={onRenew}
      />,
    )
    const root = screen.getByRole('group', { name: 'Session budget' })
    expect(root.dataset.state).toBe('ok')
    expect(root.dataset.slot).toBe('session-meter')
    expect(screen.getByText('40 min')).toBeTruthy()
    expect(screen.getByText('42 / 50')).toBeTruthy()
    expect(screen.getByText('0.4 ETH')).toBeTruthy()
    expect(screen.getByRole('meter', { name: 'Time left' }).getAttribute('aria-valuenow')).toBe(
      '67',
    )
    expect(
      screen.getByRole('meter', { name: 'ETH left per day' }).getAttribute('aria-valuetext'),
    ).toBe('0.4 of 0.5 ETH left per day')
    const renew = container.querySelector<HTMLButtonElement>('[data-slot="session-meter-renew"]')!
    expect(renew.dataset.state).toBe('hidden')
    expect(renew.disabled).toBe(true)
    await expectNoAxeViolations(container)
  })

  test('state: low shows Renew and calls onRenew (axe clean)', async () => {
    const onRenew = vi.fn()
    const { container } = render(
      <SessionMeter.Root remaining={lowRemaining} now={NOW_MS} onRenew={onRenew} />,
    )
    expect(screen.getByRole('group').dataset.state).toBe('low')
    const renew = screen.getByRole('button', { name: 'Renew' })
    expect(renew.dataset.state).toBe('visible')
    await userEvent.click(renew)
    expect(onRenew).toHaveBeenCalledTimes(1)
    await expectNoAxeViolations(container)
  })

  test('state: empty says Expired (axe clean)', async () => {
    const { container } = render(
      <SessionMeter.Root remaining={emptyRemaining} now={NOW_MS} onRenew={() => {}} />,
    )
    expect(screen.getByRole('group').dataset.state).toBe('empty')
    expect(screen.getByText('Expired')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Renew' }).dataset.variant).toBe('primary')
    await expectNoAxeViolations(container)
  })

  test('behavior: counts down live; the live region changes only per minute', () => {
    vi.useFakeTimers({ now: NOW_MS })
    render(<SessionMeter.Root remaining={{ ...healthyRemaining, expiresAt: NOW_S + 125 }} />)
    const live = screen.getByRole('status')
    expect(screen.getByText('2 min')).toBeTruthy()
    expect(live.textContent).toBe('Session 3 minutes left')
    act(() => {
      vi.advanceTimersByTime(6000)
    })
    expect(screen.getByText('1 min')).toBeTruthy()
    expect(live.textContent).toBe('Session 2 minutes left')
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(live.textContent).toBe('Session 2 minutes left')
    act(() => {
      vi.advanceTimersByTime(120_000)
    })
    expect(screen.getByText('Expired')).toBeTruthy()
    expect(live.textContent).toBe('Session expired')
  })

  test('behavior: className merges last and custom composition works', () => {
    render(
      <SessionMeter.Root remaining={healthyRemaining} now={NOW_MS} className="hud">
        <SessionMeter.Actions className="mine" />
      </SessionMeter.Root>,
    )
    expect(screen.getByRole('group').className).toBe('sk-session-meter hud')
    expect(screen.getByText('Actions').parentElement!.className).toBe('sk-session-meter-item mine')
    expect(screen.queryByText('Time')).toBeNull()
  })

  test('error: a part outside Root throws MissingRootError', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<SessionMeter.Time />)).toThrow(MissingRootError)
  })
})
