import type { Page } from 'playwright-core'
import type { Address } from 'viem'

/** Reads a HUD counter (`data-testid`) as a number. */
export async function stat(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).locator('dd').textContent())
}

/** The player's smart account, as the HUD shows it. */
export async function playerAccount(page: Page): Promise<Address> {
  const address = await page.getByTestId('player').getAttribute('data-address')
  if (!address) throw new Error('the HUD shows no player account yet')
  return address as Address
}

/** The dev wallet's approval sheet. */
export const walletSheet = (page: Page) => page.getByRole('dialog', { name: /Sign request from/ })

/** Answers the dev wallet's open request; returns what it asked to sign. */
export async function answerWallet(page: Page, answer: 'Approve' | 'Reject'): Promise<string> {
  const sheet = walletSheet(page)
  await sheet.waitFor()
  const summary = (await sheet.textContent()) ?? ''
  await sheet.getByRole('button', { name: answer }).click()
  await sheet.waitFor({ state: 'hidden' })
  return summary
}

/** Waits for the session status line to read `text`. */
export async function sessionStatus(page: Page, text: string | RegExp, timeout = 30_000) {
  await page.getByTestId('session-status').filter({ hasText: text }).waitFor({ timeout })
}

/** Waits until `read()` returns `expected` (polling), then returns the last value read. */
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
