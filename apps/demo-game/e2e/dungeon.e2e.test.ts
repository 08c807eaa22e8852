import type { Browser, Page } from 'playwright-core'
import { createPublicClient, http, type PublicClient } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Demo, startDemo } from '../scripts/startDemo.js'
import { dungeonAbi } from '../src/contracts/dungeon.js'
import { launchChromium, snap, watchErrors } from './browser.js'
import { answerWallet, stat, until, walletSheet } from './page.js'

let demo: Demo
let browser: Browser
let page: Page
let client: PublicClient
let errors: string[]

beforeAll(async () => {
  demo = await startDemo({ logLevel: 'silent' })
  client = createPublicClient({ transport: http(demo.config.rpcUrl) })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1200, height: 820 } })
  errors = watchErrors(page)
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})

const onChain = (player: `0x${string}`) =>
  client.readContract({
    address: demo.config.game,
    abi: dungeonAbi,
    functionName: 'getPlayer',
    args: [player],
  })

describe('dungeon demo in Chromium', () => {
  test('behavior: connecting the dev wallet asks nothing; a move without a session prompts once and lands', async () => {
    await page.goto(demo.url)
    await page.getByRole('button', { name: 'Connect Dev wallet' }).click()
    await page.getByTestId('prompts').waitFor()
    expect(await stat(page, 'prompts')).toBe(0)
    await snap(page, '01-connected')

    await page.getByRole('button', { name: 'Move down' }).click()
    await walletSheet(page).waitFor()
    await snap(page, '02-wallet-sheet')
    await answerWallet(page, 'Approve')
    expect(await until(() => stat(page, 'landed'), 1)).toBe(1)
    expect(await stat(page, 'prompts')).toBe(1)
    expect((await onChain(demo.config.player.address)).actions).toBe(1)
  })

  test('error: rejecting in the wallet shows the rejection and nothing lands', async () => {
    await page.getByRole('button', { name: 'Move down' }).click()
    await answerWallet(page, 'Reject')
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/rejected/i)
    expect(await stat(page, 'prompts')).toBe(2)
    expect(await stat(page, 'pending')).toBe(0)
    expect((await onChain(demo.config.player.address)).actions).toBe(1)
    expect(errors).toEqual([])
  })
})
