import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { NOW_MS, sessionRows } from '../../test/fixtures.js'
import {
  ActiveSessionList,
  type SessionListItem,
  type SessionListStatus,
} from './active-session-list.js'

const meta = {
  title: 'Components/ActiveSessionList',
  component: ActiveSessionList.Root,
  args: { sessions: sessionRows, now: NOW_MS, onRevoke: fn(), onRevokeAll: fn() },
  // Rows hold bigint spend amounts, which the JSON control cannot show.
  argTypes: { sessions: { control: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 640 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ActiveSessionList.Root>

export default meta
type Story = StoryObj<typeof meta>

const badge = (row: HTMLElement) => row.querySelector('[data-slot="active-session-list-status"]')

/** One row per status: active, expiring soon, expired, revoked, exhausted. */
export const EachStatus: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const rows = canvas.getAllByRole('listitem')
    await expect(rows.map((r) => r.dataset.state)).toEqual([
      'active',
      'expiring-soon',
      'expired',
      'revoked',
      'exhausted',
    ])
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent('Active sessions (2)')
  },
}

function single(id: string, status: SessionListStatus, label: string): Story {
  return {
    args: { sessions: sessionRows.filter((row) => row.id === id) },
    play: async ({ canvasElement }) => {
      const row = within(canvasElement).getByRole('listitem')
      await expect(row).toHaveAttribute('data-state', status)
      await expect(badge(row)).toHaveTextContent(label)
    },
  }
}

export const Active = single('active', 'active', 'Active')
export const ExpiringSoon = single('soon', 'expiring-soon', 'Expiring soon')
export const Expired = single('expired', 'expired', 'Expired')
export const Revoked = single('revoked', 'revoked', 'Revoked')
export const Exhausted = single('exhausted', 'exhausted', 'Exhausted')

/** Revoke asks first (focus starts on Cancel), then calls `onRevoke` with the row id. */
export const RevokeWithConfirmation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const revoke = canvas.getByRole('button', { name: 'Revoke Dungeon Crawl session' })
    await userEvent.click(revoke)
    const dialog = await canvas.findByRole('alertdialog', {
      name: "Revoke Dungeon Crawl's session?",
    })
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    )
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(revoke).toHaveFocus())
    await expect(args.onRevoke).not.toHaveBeenCalled()
    await userEvent.click(revoke)
    await userEvent.click(await canvas.findByRole('button', { name: 'Revoke session' }))
    await expect(args.onRevoke).toHaveBeenCalledWith('active')
  },
}

/** Revoke all counts only rows that can still be revoked. */
export const RevokeAll: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Revoke all' }))
    const dialog = await canvas.findByRole('alertdialog', { name: 'Revoke all 2 sessions?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke all' }))
    await expect(args.onRevokeAll).toHaveBeenCalledTimes(1)
  },
}

/** A revoke transaction in flight. */
export const Revoking: Story = {
  args: { revokingIds: ['active'] },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', {
      name: /^Revoking Dungeon Crawl session/,
    })
    await expect(button).toHaveAttribute('data-state', 'pending')
    await expect(button).toBeDisabled()
  },
}

export const Empty: Story = {
  args: { sessions: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('No sessions yet.')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Revoke all' })).toBeDisabled()
  },
}

export const Loading: Story = {
  args: { loading: true, sessions: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('list')).toHaveAttribute('aria-busy', 'true')
    await expect(canvas.getByText('Loading sessions…')).toBeInTheDocument()
  },
}

function LoadingThenLoaded(props: {
  sessions?: SessionListItem[] | undefined
  now?: number | undefined
}) {
  const [loading, setLoading] = useState(true)
  return (
    <>
      <button type="button" onClick={() => setLoading(false)}>
        Finish loading
      </button>
      <ActiveSessionList.Root
        {...props}
        loading={loading}
        sessions={loading ? [] : props.sessions}
      />
    </>
  )
}

/** The list keeps its header and minimum height from loading to loaded: no jump. */
export const NoLayoutShift: Story = {
  args: { sessions: sessionRows.slice(0, 1) },
  render: (args) => <LoadingThenLoaded sessions={args.sessions} now={args.now} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const list = canvas.getByRole('list', { name: 'Sessions' })
    const revokeAll = canvas.getByRole('button', { name: 'Revoke all' })
    const before = { top: list.offsetTop, height: list.offsetHeight, button: revokeAll.offsetTop }
    await userEvent.click(canvas.getByRole('button', { name: 'Finish loading' }))
    await expect(list).toHaveAttribute('data-state', 'ready')
    await expect(list.offsetTop).toBe(before.top)
    await expect(revokeAll.offsetTop).toBe(before.button)
    await expect(list.offsetHeight).toBe(before.height)
  },
}

/** Real clock: 5 min 2 s left on mount; the row turns "Expiring soon" and the live region speaks. */
function LiveList() {
  const [sessions] = useState(() => [
    { ...sessionRows[0]!, expiresAt: Math.floor(Date.now() / 1000) + 302 },
  ])
  return <ActiveSessionList.Root sessions={sessions} onRevoke={() => {}} />
}

export const LiveCountdown: Story = {
  render: () => <LiveList />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'active')
    await waitFor(
      () => expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'expiring-soon'),
      {
        timeout: 4000,
      },
    )
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Dungeon Crawl session: 5 minutes left.',
    )
  },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const row = within(canvasElement).getAllByRole('listitem')[0]!
    await expect(getComputedStyle(row).backgroundColor).toBe('rgb(21, 23, 28)')
  },
}

/** The game theme: CSS variables only. */
export const GameTheme: Story = {
  globals: { theme: 'game' },
  play: async ({ canvasElement }) => {
    const row = within(canvasElement).getAllByRole('listitem')[0]!
    await expect(getComputedStyle(row).backgroundColor).toBe('rgb(27, 16, 53)')
    await expect(getComputedStyle(row).borderTopLeftRadius).toBe('2px')
  },
}

export const Narrow320: Story = {
  name: 'At 320 px',
  globals: { viewport: { value: 'narrow320', isRotated: false } },
  play: async ({ canvasElement }) => {
    await expect(window.innerWidth).toBe(320)
    for (const row of within(canvasElement).getAllByRole('listitem')) {
      await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth)
    }
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
  },
}
