import axe from 'axe-core'
import { expect } from 'vitest'

/**
 * Runs axe-core on `element` and asserts zero violations.
 * Colour contrast needs real layout, so it is checked in Chromium by the Storybook a11y addon instead.
 */
export async function expectNoAxeViolations(element: Element = document.body): Promise<void> {
  const result = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } })
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary).toEqual([])
}
