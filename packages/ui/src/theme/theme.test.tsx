import { render, renderHook, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, test } from 'vitest'
import { expectNoAxeViolations } from '../../test/axe.js'
import { Theme, usePortalTheme } from './theme.js'

describe('Theme', () => {
  test('behavior: sets data-sk-theme, merges className last, passes style through', async () => {
    const { container } = render(
      <Theme appearance="dark" className="mine" style={{ ['--sk-accent' as string]: 'red' }}>
        <p>hello</p>
      </Theme>,
    )
    const theme = container.firstElementChild as HTMLElement
    expect(theme.dataset.skTheme).toBe('dark')
    expect(theme.dataset.slot).toBe('theme')
    expect(theme.className).toBe('sk-theme mine')
    expect(theme.style.getPropertyValue('--sk-accent')).toBe('red')
    expect(screen.getByText('hello').parentElement).toBe(theme)
    await expectNoAxeViolations(container)
  })

  test('behavior: portalled parts mount inside the Theme, or carry the fallback theme outside one', () => {
    const outside = renderHook(() => usePortalTheme('dark'))
    expect(outside.result.current).toEqual({
      ready: true,
      container: undefined,
      themeAttribute: 'dark',
    })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Theme data-testid="t">{children}</Theme>
    )
    const inside = renderHook(() => usePortalTheme(), { wrapper })
    expect(inside.result.current.ready).toBe(true)
    expect(inside.result.current.container).toBe(screen.getByTestId('t'))
    expect(inside.result.current.themeAttribute).toBeUndefined()
  })
})
