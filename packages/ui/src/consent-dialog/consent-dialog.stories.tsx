import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { dungeonApp, dungeonPolicy, outOfScope, safePolicy } from '../../test/fixtures.js'
import { ConsentDialog, type ConsentDialogRootProps, type ConsentStatus } from './consent-dialog.js'

function Composed(props: ConsentDialogRootProps) {
  return (
    <ConsentDialog.Root {...props}>
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
  )
}

const meta = {
  title: 'Components/ConsentDialog',
  component: ConsentDialog.Root,
  render: (args) => <Composed {...args} />,
  args: {
    app: dungeonApp,
    description: dungeonPolicy,
    defaultOpen: true,
    onApprove: fn(),
    onDeny: fn(),
    onRetry: fn(),
    onOpenChange: fn(),
  },
  // Args holding bigints (policy amounts) cannot be edited as JSON controls.
  argTypes: { description: { control: false }, expand: { control: false } },
  parameters: { docs: { story: { inline: false, height: '760px' } } },
} satisfies Meta<typeof ConsentDialog.Root>

export default meta
type Story = StoryObj<typeof meta>

/** Closed: keyboard opens it, focus moves in, Escape closes and focus returns to the trigger. */
export const Closed: Story = {
  args: { defaultOpen: false, description: safePolicy },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const trigger = canvas.getByRole('button', { name: 'Start a session' })
    trigger.focus()
    await userEvent.keyboard('{Enter}')
    const dialog = await canvas.findByRole('dialog')
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(true)
    await waitFor(() => expect(dialog).toHaveFocus())
    await userEvent.tab()
    await expect(dialog.contains(document.activeElement)).toBe(true)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(trigger).toHaveFocus()
  },
}

/** A request with risk flags: the dangerous and costly rows are highlighted and listed first. */
export const RiskFlags: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const risks = canvas
      .getAllByRole('listitem')
      .filter((li) => li.dataset.slot === 'consent-dialog-risk')
    await expect(risks.map((r) => r.dataset.variant)).toEqual(['danger', 'warning'])
    const transferRow = canvas.getByText(/^transfer\(address to/).closest('li')!
    await expect(transferRow).toHaveAttribute('data-variant', 'danger')
    await expect(getComputedStyle(transferRow).borderLeftColor).not.toBe(
      getComputedStyle(canvas.getByText(/^move\(/).closest('li')!).borderLeftColor,
    )
  },
}

/** A request without risks and a 1 h maximum: longer presets are disabled. */
export const NoRisks: Story = {
  args: { description: safePolicy },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('list', { name: 'Risks' })).toBeNull()
    await expect(
      canvas.getByRole('radio', { name: "24 hours (over this app's limit)" }),
    ).toBeDisabled()
    await expect(canvas.getByRole('radio', { name: '1 hour' })).toBeChecked()
  },
}

/** Optional permissions switch off; Approve reports what was left out and the chosen length. */
export const OptionalToggles: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const transfer = canvas.getByRole('switch', { name: /^transfer/ })
    await userEvent.click(transfer)
    await expect(transfer).not.toBeChecked()
    await userEvent.click(canvas.getByRole('radio', { name: '15 min' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }))
    await expect(args.onApprove).toHaveBeenCalledWith({
      durationSeconds: 900,
      excludedLineIds: ['call-2'],
    })
  },
}

/** Custom length above the app's maximum is capped, and the hint says so. */
export const CustomDurationCapped: Story = {
  args: { description: safePolicy },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('radio', { name: 'Custom' }))
    const input = canvas.getByLabelText('Custom length (minutes)')
    await userEvent.clear(input)
    await userEvent.type(input, '240')
    await expect(canvas.getByText('Capped at 1 h, the most this app allows.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }))
    await expect(args.onApprove).toHaveBeenCalledWith({
      durationSeconds: 3600,
      excludedLineIds: [],
    })
  },
}

/** The wallet prompt is open: Approve waits, the status line says where to look. */
export const Pending: Story = {
  args: { status: 'pending' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const approve = canvas.getByRole('button', { name: 'Waiting for wallet…' })
    await expect(approve).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(approve)
    await expect(args.onApprove).not.toHaveBeenCalled()
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Confirm the request in your wallet.',
    )
  },
}

/** The wallet refused: the typed error's shortMessage and a Retry. */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    error: {
      name: 'UserRejectedRequestError',
      shortMessage: 'You rejected the request in your wallet.',
      message: 'User rejected the request.',
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'You rejected the request in your wallet.',
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }))
    await expect(args.onRetry).toHaveBeenCalledTimes(1)
  },
}

/** Approve → pending; the "wallet" fails 400 ms later → error; Retry → pending again. */
function StatusCycle(args: ConsentDialogRootProps) {
  const [status, setStatus] = useState<ConsentStatus>('idle')
  const submit = () => {
    setStatus('pending')
    setTimeout(() => setStatus('error'), 400)
  }
  return (
    <Composed
      {...args}
      status={status}
      error={
        status === 'error'
          ? { shortMessage: 'The bundler is unreachable. Try again in a moment.', message: '' }
          : null
      }
      onApprove={submit}
      onRetry={submit}
    />
  )
}

/** Idle, pending and error keep the dialog the same size and the buttons in place: no layout shift. */
export const NoLayoutShift: Story = {
  render: (args) => <StatusCycle {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = canvas.getByRole('dialog')
    const approve = canvas.getByRole('button', { name: 'Approve' })
    const layout = () => ({
      content: dialog.scrollHeight,
      approveTop: approve.offsetTop,
      width: approve.offsetWidth,
    })
    const idle = layout()
    await userEvent.click(approve)
    await expect(approve).toHaveTextContent('Waiting for wallet…')
    await expect(layout()).toEqual(idle)
    await waitFor(() => expect(approve).toHaveTextContent('Retry'))
    await expect(canvas.getByRole('status')).toHaveTextContent('The bundler is unreachable.')
    await expect(layout()).toEqual(idle)
    // focus stayed on the same button through every state
    await expect(approve).toHaveFocus()
  },
}

/** Expand mode: the session allows `move`; the game now needs `attack`. Only additions are listed. */
export const ExpandMode: Story = {
  args: { expand: outOfScope },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(
      canvas.getByRole('dialog', { name: 'Dungeon Crawl needs more permission' }),
    ).toBeVisible()
    const list = canvas.getByRole('list', { name: 'Permissions to add' })
    await expect(within(list).queryByText(/^move\(/)).toBeNull()
    await expect(within(list).getByText(/^attack\(/)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Add to session' }))
    await expect(args.onApprove).toHaveBeenCalledTimes(1)
  },
}

/** Deny closes the dialog and reports it. */
export const Deny: Story = {
  args: { description: safePolicy },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Deny' }))
    await expect(args.onDeny).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
  },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('dialog')
    await expect(dialog.closest('[data-sk-theme]')).toHaveAttribute('data-sk-theme', 'dark')
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(21, 23, 28)')
  },
}

/** The game theme: the same component restyled with CSS variables only. */
export const GameTheme: Story = {
  globals: { theme: 'game' },
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('dialog')
    await expect(getComputedStyle(dialog).backgroundColor).toBe('rgb(27, 16, 53)')
    await expect(getComputedStyle(dialog).borderTopLeftRadius).toBe('2px')
  },
}

/** At 320 px wide the dialog fits without horizontal scrolling. */
export const Narrow320: Story = {
  name: 'At 320 px',
  globals: { viewport: { value: 'narrow320', isRotated: false } },
  play: async ({ canvasElement }) => {
    await expect(window.innerWidth).toBe(320)
    const dialog = within(canvasElement).getByRole('dialog')
    await expect(dialog.getBoundingClientRect().width).toBe(304)
    await expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth)
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320)
    for (const option of within(dialog).getAllByRole('radio')) {
      await expect(option.scrollWidth).toBeLessThanOrEqual(option.clientWidth)
    }
    const approve = within(dialog).getByRole('button', { name: 'Approve' })
    await expect(approve.scrollWidth).toBeLessThanOrEqual(approve.clientWidth)
  },
}

/** The longest state at the smallest width: the error wraps to three lines without overlapping the buttons. */
export const ErrorAt320: Story = {
  name: 'Error at 320 px',
  args: ErrorState.args,
  globals: { viewport: { value: 'narrow320', isRotated: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const status = canvas.getByRole('status')
    const actions = canvas.getByRole('button', { name: 'Retry' }).parentElement!
    await expect(status.scrollHeight).toBeLessThanOrEqual(status.clientHeight)
    await expect(status.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      actions.getBoundingClientRect().top,
    )
  },
}
