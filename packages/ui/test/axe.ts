import axe from 'axe-core'
import { expect } from 'vitest'

/**
 * Runs axe-core on `element` and asserts zero violations.
 * Colour contrast needs real layout, so it is checked in Chromium by the Storybook a11y addon instead.
 * For an open modal pass the dialog element: Radix hides the page behind it with `aria-hidden`
 * while its focus trap keeps focus inside, which axe reports as `aria-hidden-focus` on the page
 * (radix-ui/primitives#3593); the dialog itself is what a person can reach.
 */
export async function expectNoAxeViolations(element: Element = document.body): Promise<void> {
  const result = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } })
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary).toEqual([])
}
