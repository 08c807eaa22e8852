import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, within } from 'storybook/test'
import { eth, healthyRemaining, NOW_MS, NOW_S, usdc } from '../../test/fixtures.js'
import { SessionMeter, type SessionMeterRootProps } from './session-meter.js'

const meta = {
  title: 'Components/SessionMeter',
  component: SessionMeter.Root,
  args: { remaining: healthyRemaining, durationSeconds: 3600, now: NOW_MS, onRenew: fn() },
  // `remaining` holds bigint spend amounts, which the JSON control cannot show.
  argTypes: { remaining: { control: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 480 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof SessionMeter.Root>

export default meta
type Story = StoryObj<typeof meta>

export const Healthy: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const meter = canvas.getByRole('group', { name: 'Session budget' })
    await expect(meter).toHaveAttribute('data-state', 'ok')
    await expect(canvas.getByRole('meter', { name: 'Time left' })).toHaveAttribute(
      'aria-valuenow',
      '67',
    )
    await expect(canvas.getByText('42 / 50')).toBeVisible()
    const renew = meter.querySelector('[data-slot="session-meter-renew"]')!
    await expect(renew).not.toBeVisible()
  },
}

export const RunningLow: Story = {
  args: {
    remaining: {
      actionsLeft: 3,
      actionsUsed: 47,
      expiresAt: NOW_S + 4 * 60 + 30,
      spend: [{ token: usdc, period: 'day', limit: 5_000_000n, used: 4_250_000n, left: 750_000n }],
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('group')).toHaveAttribute('data-state', 'low')
    await expect(canvas.getByText('0.75 USDC')).toBeVisible()
    const renew = canvas.getByRole('button', { name: 'Renew' })
    await expect(renew).toBeVisible()
    await userEvent.click(renew)
    await expect(args.onRenew).toHaveBeenCalledTimes(1)
  },
}

export const Expired: Story = {
  args: {
    remaining: { actionsLeft: 12, actionsUsed: 38, expiresAt: NOW_S - 10, spend: [] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('group')).toHaveAttribute('data-state', 'empty')
    await expect(canvas.getByText('Expired')).toBeVisible()
    await expect(canvas.getByRole('status')).toHaveTextContent('Session expired')
  },
}

export const OutOfActions: Story = {
  args: {
    remaining: {
      actionsLeft: 0,
      actionsUsed: 50,
      expiresAt: NOW_S + 1800,
      spend: [{ token: eth, limit: 10n ** 17n, used: 10n ** 17n, left: 0n }],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('group')).toHaveAttribute('data-state', 'empty')
    await expect(canvas.getByRole('meter', { name: 'Actions left' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    )
    await expect(canvas.getByRole('button', { name: 'Renew' })).toBeEnabled()
  },
}

function LiveMeter(props: Omit<SessionMeterRootProps, 'remaining'>) {
  // Fix the expiry once, on mount: 45 seconds from now.
  const [expiresAt] = useState(() => Math.floor(Date.now() / 1000) + 45)
  return <SessionMeter.Root {...props} remaining={{ ...healthyRemaining, expiresAt }} />
}

/** Ticks with the real clock: 45 seconds left when the story mounts. */
export const LiveCountdown: Story = {
  args: { now: undefined },
  render: (args) => <LiveMeter {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const value = canvasElement.querySelector(
      '[data-slot="session-meter-time"] [data-slot="session-meter-value"]',
    )!
    const before = value.textContent
    await expect(before).toMatch(/^4[45] s$/)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await expect(value.textContent).not.toBe(before)
    await expect(canvas.getByRole('status')).toHaveTextContent('Session 1 minute left')
  },
}

export const Compact320: Story = {
  name: 'At 320 px',
  globals: { viewport: { value: 'narrow320', isRotated: false } },
  args: { remaining: { ...healthyRemaining, actionsLeft: 2 } },
  play: async ({ canvasElement }) => {
    await expect(window.innerWidth).toBe(320)
    const meter = within(canvasElement).getByRole('group')
    await expect(meter.scrollWidth).toBeLessThanOrEqual(meter.clientWidth)
    await expect(meter.getBoundingClientRect().right).toBeLessThanOrEqual(320)
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
  },
}

export const GameTheme: Story = {
  globals: { theme: 'game' },
  args: { remaining: { ...healthyRemaining, actionsLeft: 4, actionsUsed: 46 } },
  play: async ({ canvasElement }) => {
    const meter = within(canvasElement).getByRole('group')
    await expect(getComputedStyle(meter).borderTopLeftRadius).toBe('2px')
    await expect(getComputedStyle(meter).getPropertyValue('--sk-accent').trim()).toBe('#ffd23f')
  },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const meter = within(canvasElement).getByRole('group')
    await expect(meter.closest('[data-sk-theme]')).toHaveAttribute('data-sk-theme', 'dark')
    await expect(getComputedStyle(meter).backgroundColor).toBe('rgb(21, 23, 28)')
  },
}

function DrainingMeter(props: Omit<SessionMeterRootProps, 'remaining'>) {
  const [low, setLow] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setLow(true)}>
        Spend actions
      </button>
      <SessionMeter.Root
        {...props}
        remaining={
          low ? { ...healthyRemaining, actionsLeft: 2, actionsUsed: 48 } : healthyRemaining
        }
      />
    </>
  )
}

/** Running low reveals Renew in space that was already reserved: nothing moves. */
export const NoLayoutShift: Story = {
  render: (args) => <DrainingMeter {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const meter = canvas.getByRole('group')
    const renew = meter.querySelector<HTMLElement>('[data-slot="session-meter-renew"]')!
    const layout = () => ({
      height: meter.offsetHeight,
      width: meter.offsetWidth,
      renew: renew.offsetLeft,
    })
    const before = layout()
    await expect(renew).not.toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Spend actions' }))
    await expect(meter).toHaveAttribute('data-state', 'low')
    await expect(canvas.getByRole('button', { name: 'Renew' })).toBeVisible()
    await expect(layout()).toEqual(before)
  },
}
