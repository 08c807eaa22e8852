import type { Page } from 'playwright-core'

/** Reads a HUD counter (`data-testid`) as a number. */
export async function stat(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).locator('dd').textContent())
}

/** The dev wallet's approval sheet. */
export const walletSheet = (page: Page) => page.getByRole('dialog', { name: /Sign request from/ })

/** Answers the dev wallet's open request. */
export async function answerWallet(page: Page, answer: 'Approve' | 'Reject') {
  const sheet = walletSheet(page)
  await sheet.waitFor()
  await sheet.getByRole('button', { name: answer }).click()
  await sheet.waitFor({ state: 'hidden' })
}

/** Waits until `read()` returns `expected` (polling), then returns it. */
export async function until<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await read()
  while (last !== expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
  return last
}
