import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import { dungeonApp, dungeonPolicy, outOfScope, safePolicy } from '../../test/fixtures.js'
import { MissingRootError } from '../internal/errors.js'
import { Theme } from '../theme/theme.js'
import { ConsentDialog, type ConsentDialogRootProps } from './consent-dialog.js'
import { clampDuration, defaultDuration, policyMaxDuration } from './duration.js'
import { describeAddition } from './expand.js'

function renderDialog(props: Partial<ConsentDialogRootProps> = {}) {
  return render(
    <ConsentDialog.Root app={dungeonApp} description={dungeonPolicy} defaultOpen {...props}>
      <ConsentDialog.Trigger>Start session</ConsentDialog.Trigger>
      <ConsentDialog.Content>
        <ConsentDialog.Header />
        <ConsentDialog.Risks />
        <ConsentDialog.Permissions />
        <ConsentDialog.Duration />
        <ConsentDialog.Status />
        <ConsentDialog.Actions />
      </ConsentDialog.Content>
    </ConsentDialog.Root>,
  )
}

const approveButton = () =>
  screen.getByRole('button', { name: /Approve|Retry|Waiting|Add to session/ })

describe('duration helpers', () => {
  test('behavior: clamps to [1 min, max] and reads the policy maximum', () => {
    expect(clampDuration(10, undefined)).toBe(60)
    expect(clampDuration(90_000, 86_400)).toBe(86_400)
    expect(clampDuration(1800.7, 3600)).toBe(1800)
    expect(policyMaxDuration(dungeonPolicy)).toBe(86_400)
    expect(policyMaxDuration({ lines: [], risks: [], text: '' })).toBeUndefined()
    expect(defaultDuration(undefined)).toBe(3600)
    expect(defaultDuration(900)).toBe(900)
  })
})

describe('describeAddition', () => {
  test('behavior: without expand returns everything', () => {
    const result = describeAddition(dungeonPolicy, undefined)
    expect(result.lines).toHaveLength(6)
    expect(result.risks).toHaveLength(2)
  })

  test('behavior: with current, only lines not already granted and their risks', () => {
    const result = describeAddition(dungeonPolicy, outOfScope)
    expect(result.lines.map((l) => l.id)).toEqual([
      'call-1',
      'spend-0',
      'call-2',
      'actions',
      'validity',
    ])
    expect(result.risks.map((r) => r.code)).toEqual(['dangerous-function', 'large-spend'])
  })

  test('behavior: without current, lines of the kinds the reason is about', () => {
    const spend = describeAddition(dungeonPolicy, {
      reason: { code: 'spend-over-cap', rule: 'native.perPeriod', message: 'Over the daily cap.' },
    })
    expect(spend.lines.map((l) => l.id)).toEqual(['spend-0'])
    expect(spend.risks.map((r) => r.code)).toEqual(['large-spend'])
    const exhausted = describeAddition(dungeonPolicy, {
      reason: { code: 'calls-exhausted', rule: 'limitedCalls', message: 'No actions left.' },
    })
    expect(exhausted.lines.map((l) => l.id)).toEqual(['actions'])
    expect(exhausted.risks).toEqual([])
  })
})

describe('ConsentDialog', () => {
  test('state: closed shows only the trigger; opening moves focus in and Escape returns it (axe clean)', async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    renderDialog({ defaultOpen: false, onOpenChange })
    expect(screen.queryByRole('dialog')).toBeNull()
    await expectNoAxeViolations(document.body)
    const trigger = screen.getByRole('button', { name: 'Start session' })
    await user.click(trigger)
    const dialog = screen.getByRole('dialog', {
      name: 'Dungeon Crawl wants to play on your behalf',
    })
    expect(onOpenChange).toHaveBeenLastCalledWith(true)
    // focus starts on the panel, so the title and description are read first
    expect(document.activeElement).toBe(dialog)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(trigger)
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
  })

  test('behavior: Tab stays inside the dialog (focus trap)', async () => {
    const user = userEvent.setup()
    renderDialog()
    const dialog = screen.getByRole('dialog')
    for (let i = 0; i < 15; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
  })

  test('state: idle request lists permissions, risks and app (axe clean)', async () => {
    renderDialog()
    const dialog = screen.getByRole('dialog')
    expect(dialog.dataset.slot).toBe('consent-dialog-content')
    expect(dialog.dataset.variant).toBe('request')
    expect(dialog.dataset.status).toBe('idle')
    expect(dialog.dataset.skTheme).toBe('light')
    expect(within(dialog).getByText('dungeon.example')).toBeTruthy()
    const rows = within(screen.getByRole('list', { name: 'Permissions' })).getAllByRole('listitem')
    // validity is shown by the duration picker, not as a row
    expect(rows.map((r) => r.dataset.kind)).toEqual([
      'call',
      'call',
      'native-spend',
      'call',
      'actions',
    ])
    expect(rows[3]!.dataset.variant).toBe('danger')
    expect(rows[2]!.dataset.variant).toBe('warning')
    expect(rows[0]!.dataset.state).toBe('required')
    const risks = within(screen.getByRole('list', { name: 'Risks' })).getAllByRole('listitem')
    expect(risks.map((r) => r.dataset.code)).toEqual(['dangerous-function', 'large-spend'])
    expect(risks[0]!.textContent).toContain('transfer on USDC is allowed with no argument rule.')
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('behavior: optional lines toggle off and Approve reports them with the duration', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    const onExcludedLineIdsChange = vi.fn()
    renderDialog({ onApprove, onExcludedLineIdsChange })
    const switches = screen.getAllByRole('switch')
    expect(switches).toHaveLength(2)
    const transfer = screen.getByRole('switch', { name: /transfer\(address to/ })
    expect(transfer.getAttribute('aria-checked')).toBe('true')
    await user.click(transfer)
    expect(transfer.getAttribute('aria-checked')).toBe('false')
    expect(onExcludedLineIdsChange).toHaveBeenLastCalledWith(['call-2'])
    expect(transfer.closest('li')!.dataset.state).toBe('off')
    await expectNoAxeViolations(screen.getByRole('dialog'))
    await user.click(screen.getByRole('radio', { name: '15 min' }))
    await user.click(approveButton())
    expect(onApprove).toHaveBeenCalledWith({ durationSeconds: 900, excludedLineIds: ['call-2'] })
  })

  test('behavior: Deny calls onDeny and closes', async () => {
    const user = userEvent.setup()
    const onDeny = vi.fn()
    const onApprove = vi.fn()
    renderDialog({ onDeny, onApprove })
    await user.click(screen.getByRole('button', { name: 'Deny' }))
    expect(onDeny).toHaveBeenCalledTimes(1)
    expect(onApprove).not.toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  test('behavior: duration presets over the max are disabled and custom values are capped', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    const onDurationChange = vi.fn()
    renderDialog({ description: safePolicy, onApprove, onDurationChange })
    expect(screen.getByRole('radio', { name: '1 hour' }).getAttribute('aria-checked')).toBe('true')
    const day = screen.getByRole('radio', { name: "24 hours (over this app's limit)" })
    expect((day as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText('This app allows up to 1 h.')).toBeTruthy()
    await user.click(screen.getByRole('radio', { name: 'Custom' }))
    const input = screen.getByLabelText('Custom length (minutes)')
    await user.clear(input)
    await user.type(input, '500')
    expect(screen.getByText('Capped at 1 h, the most this app allows.')).toBeTruthy()
    expect(onDurationChange).toHaveBeenLastCalledWith(3600)
    await expectNoAxeViolations(screen.getByRole('dialog'))
    await user.clear(input)
    await user.type(input, '30')
    expect(onDurationChange).toHaveBeenLastCalledWith(1800)
    await user.click(approveButton())
    expect(onApprove).toHaveBeenLastCalledWith({ durationSeconds: 1800, excludedLineIds: [] })
  })

  test('state: invalid custom duration blocks Approve (axe clean)', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    renderDialog({ onApprove })
    await user.click(screen.getByRole('radio', { name: 'Custom' }))
    await user.clear(screen.getByLabelText('Custom length (minutes)'))
    expect(screen.getByLabelText('Custom length (minutes)').getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(approveButton().getAttribute('aria-disabled')).toBe('true')
    await user.click(approveButton())
    expect(onApprove).not.toHaveBeenCalled()
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('behavior: switching every optional line off still leaves required ones, so Approve works', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    renderDialog({ onApprove, defaultExcludedLineIds: ['spend-0', 'call-2'] })
    expect(screen.getAllByRole('switch').map((s) => s.getAttribute('aria-checked'))).toEqual([
      'false',
      'false',
    ])
    await user.click(approveButton())
    expect(onApprove).toHaveBeenCalledWith({
      durationSeconds: 3600,
      excludedLineIds: ['spend-0', 'call-2'],
    })
  })

  test('state: pending blocks approve, says to check the wallet (axe clean)', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    renderDialog({ status: 'pending', onApprove })
    const dialog = screen.getByRole('dialog')
    expect(dialog.dataset.status).toBe('pending')
    expect(dialog.getAttribute('aria-busy')).toBe('true')
    expect(screen.getByRole('status').textContent).toBe('Confirm the request in your wallet.')
    const approve = screen.getByRole('button', { name: 'Waiting for wallet…' })
    expect(approve.getAttribute('aria-disabled')).toBe('true')
    await user.click(approve)
    expect(onApprove).not.toHaveBeenCalled()
    for (const s of screen.getAllByRole('switch'))
      expect((s as HTMLButtonElement).disabled).toBe(true)
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('state: error shows the shortMessage and Retry calls onRetry (axe clean)', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const onApprove = vi.fn()
    renderDialog({
      error: {
        name: 'UserRejectedError',
        shortMessage: 'You rejected the request in your wallet.',
        message: 'long',
      },
      onRetry,
      onApprove,
    })
    expect(screen.getByRole('dialog').dataset.status).toBe('error')
    expect(screen.getByRole('status').textContent).toBe(
      'Could not create the session: You rejected the request in your wallet.',
    )
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledWith({ durationSeconds: 3600, excludedLineIds: [] })
    expect(onApprove).not.toHaveBeenCalled()
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('state: expand mode shows only what would be added (axe clean)', async () => {
    const user = userEvent.setup()
    const onApprove = vi.fn()
    renderDialog({ expand: outOfScope, onApprove })
    const dialog = screen.getByRole('dialog', { name: 'Dungeon Crawl needs more permission' })
    expect(dialog.dataset.variant).toBe('expand')
    expect(within(dialog).getByText(/Your session does not allow attack on Dungeon\./)).toBeTruthy()
    const list = screen.getByRole('list', { name: 'Permissions to add' })
    const titles = within(list)
      .getAllByRole('listitem')
      .map((li) => li.dataset.kind)
    expect(titles).toEqual(['call', 'native-spend', 'call', 'actions'])
    expect(within(list).queryByText(/^move\(/)).toBeNull()
    expect(within(list).getByText(/^attack\(/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Add to session' }))
    expect(onApprove).toHaveBeenCalledTimes(1)
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('state: expand mode with nothing new but time says so (axe clean)', async () => {
    renderDialog({
      description: safePolicy,
      expand: { reason: { code: 'expired', rule: 'timestamp', message: 'Your session expired.' } },
    })
    expect(screen.getByText('Nothing new beyond a longer duration.')).toBeTruthy()
    expect(screen.queryByRole('list', { name: 'Risks' })).toBeNull()
    await expectNoAxeViolations(screen.getByRole('dialog'))
  })

  test('behavior: controlled open follows the prop', async () => {
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    const { rerender } = render(
      <ConsentDialog.Root
        app={dungeonApp}
        description={safePolicy}
        open={false}
        onOpenChange={onOpenChange}
      >
        <ConsentDialog.Content>
          <ConsentDialog.Header />
          <ConsentDialog.Actions />
        </ConsentDialog.Content>
      </ConsentDialog.Root>,
    )
    expect(screen.queryByRole('dialog')).toBeNull()
    rerender(
      <ConsentDialog.Root
        app={dungeonApp}
        description={safePolicy}
        open
        onOpenChange={onOpenChange}
      >
        <ConsentDialog.Content>
          <ConsentDialog.Header />
          <ConsentDialog.Actions />
        </ConsentDialog.Content>
      </ConsentDialog.Root>,
    )
    expect(screen.getByRole('dialog')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Deny' }))
    expect(onOpenChange).toHaveBeenCalledWith(false)
    // still controlled: stays open until the parent says otherwise
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  test('behavior: inside a Theme the dialog portals into it and inherits its tokens', async () => {
    render(
      <Theme appearance="dark" data-testid="theme">
        <ConsentDialog.Root app={dungeonApp} description={safePolicy} defaultOpen>
          <ConsentDialog.Content className="mine">
            <ConsentDialog.Header />
          </ConsentDialog.Content>
        </ConsentDialog.Root>
      </Theme>,
    )
    const dialog = await screen.findByRole('dialog')
    expect(screen.getByTestId('theme').contains(dialog)).toBe(true)
    expect(dialog.hasAttribute('data-sk-theme')).toBe(false)
    expect(dialog.className).toBe('sk-consent-dialog-content mine')
    await act(async () => {})
  })

  test('error: a part outside Root throws MissingRootError', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ConsentDialog.Actions />)).toThrow(MissingRootError)
  })
})
