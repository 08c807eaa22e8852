import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, within } from 'storybook/test'
import { dungeonApp, dungeonPolicy, NOW_MS, NOW_S, sessionRows } from '../../test/fixtures.js'
import { ActiveSessionList } from '../active-session-list/active-session-list.js'
import { ConsentDialog } from '../consent-dialog/consent-dialog.js'
import { SessionMeter } from '../session-meter/session-meter.js'

function Showcase() {
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 640 }}>
      <SessionMeter.Root
        now={NOW_MS}
        durationSeconds={3600}
        onRenew={fn()}
        remaining={{
          actionsLeft: 4,
          actionsUsed: 46,
          expiresAt: NOW_S + 12 * 60,
          spend: sessionRows[0]!.spend ?? [],
        }}
      />
      <ActiveSessionList.Root sessions={sessionRows.slice(0, 3)} now={NOW_MS} onRevoke={fn()} />
      <ConsentDialog.Root app={dungeonApp} description={dungeonPolicy}>
        <ConsentDialog.Trigger>Start a session</ConsentDialog.Trigger>
        <ConsentDialog.Content>
          <ConsentDialog.Header />
          <ConsentDialog.Risks />
          <ConsentDialog.Permissions />
          <ConsentDialog.Duration />
          <ConsentDialog.Status />
          <ConsentDialog.Actions />
        </ConsentDialog.Content>
      </ConsentDialog.Root>
    </div>
  )
}

const meta = {
  title: 'Themes/Showcase',
  render: () => <Showcase />,
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

/**
 * The game theme: every component restyled through `--sk-*` variables on the Theme element and
 * nothing else (no selectors, no class overrides). Switch the toolbar to compare.
 */
export const Game: Story = {
  globals: { theme: 'game' },
  play: async ({ canvasElement }) => {
    const theme = canvasElement.querySelector<HTMLElement>('[data-slot="theme"]')!
    const declared = Array.from(theme.style)
    await expect(declared.length).toBeGreaterThan(10)
    await expect(declared.filter((property) => !property.startsWith('--sk-'))).toEqual([])
    const trigger = within(canvasElement).getByRole('button', { name: 'Start a session' })
    await expect(getComputedStyle(trigger).backgroundColor).toBe('rgb(255, 210, 63)')
    await expect(getComputedStyle(trigger).borderTopLeftRadius).toBe('2px')
  },
}

export const Light: Story = {
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Start a session' })
    await expect(getComputedStyle(trigger).backgroundColor).toBe('rgb(67, 56, 202)')
  },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Start a session' })
    await expect(getComputedStyle(trigger).backgroundColor).toBe('rgb(165, 180, 252)')
  },
}
