import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import type { HarnessApi } from './harness/api.js'

const harnessRoot = join(dirname(fileURLToPath(import.meta.url)), 'harness')

/** Debian's Chromium, headless, with everything that talks to the network off. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export type Harness = {
  url: string
  browser: Browser
  context: BrowserContext
  /** Opens a tab on the harness page; uncaught page errors are collected in `pageErrors`. */
  openPage(): Promise<Page>
  pageErrors: string[]
  close(): Promise<void>
}

/** Serves the harness page with Vite on 127.0.0.1 and launches Chromium with one browser context (one origin, shared storage). */
export async function launchHarness(): Promise<Harness> {
  const server: ViteDevServer = await createServer({
    root: harnessRoot,
    configFile: false,
    logLevel: 'error',
    cacheDir: join(tmpdir(), 'sk-reliability-vite'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { entries: ['index.html'] },
  })
  let browser: Browser | undefined
  try {
    await server.listen()
    const address = server.httpServer?.address()
    if (!address || typeof address === 'string') throw new Error('vite did not listen on a port')
    const url = `http://127.0.0.1:${address.port}/`
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs })
    const context = await browser.newContext()
    const pageErrors: string[] = []
    const opened = browser
    return {
      url,
      browser: opened,
      context,
      pageErrors,
      async openPage() {
        const page = await context.newPage()
        page.on('pageerror', (error) => pageErrors.push(error.message))
        await page.goto(url)
        await page.waitForFunction(() => 'harness' in window, undefined, { timeout: 60_000 })
        return page
      },
      async close() {
        await opened.close().catch(() => {})
        await server.close()
      },
    }
  } catch (error) {
    await browser?.close().catch(() => {})
    await server.close()
    throw error
  }
}

/** Calls `window.harness[method](...args)` in the page. */
export function call<K extends keyof HarnessApi>(
  page: Page,
  method: K,
  ...args: Parameters<HarnessApi[K]>
): Promise<Awaited<ReturnType<HarnessApi[K]>>> {
  return page.evaluate(
    ([m, a]) =>
      (
        (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[
          m as string
        ] as (...x: unknown[]) => unknown
      )(...(a as unknown[])),
    [method, args] as const,
  ) as never
}
