import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import type { DevnetInfo } from './info.js'
import { childPidsOf, isAlive } from './test/procs.js'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))

async function runCli(signal: NodeJS.Signals) {
  const out = join(mkdtempSync(join(tmpdir(), 'sk-cli-')), 'devnet.json')
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--out', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d
      if (output.includes('written to')) resolve()
    })
    child.stderr.on('data', (d) => (output += d))
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${output}`)))
  })
  const info = JSON.parse(readFileSync(out, 'utf8')) as DevnetInfo
  // anvil and alto (tsx may add its own esbuild helper)
  const children = childPidsOf(child.pid!).filter((pid) =>
    /anvil|alto/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')),
  )
  const exited = new Promise<number | string | null>((r) =>
    child.once('exit', (code, sig) => r(code ?? sig)),
  )
  child.kill(signal)
  const code = await exited
  // Children get SIGTERM first thing; give them a moment to finish exiting.
  for (let i = 0; i < 50 && children.some(isAlive); i++)
    await new Promise((r) => setTimeout(r, 100))
  return { info, output, children, code }
}

describe('sessionkit-devnet CLI', () => {
  test('behavior: prints its URLs, writes them to JSON, and SIGTERM leaves no child behind', async () => {
    const { info, output, children, code } = await runCli('SIGTERM')
    expect(output).toContain(info.rpcUrl)
    expect(output).toContain(info.bundlerUrl)
    expect(output).toContain(info.paymasterUrl)
    expect(info.environment.EntryPoint).toBe('0x0000000071727De22E5E9d8BAf0edAc6f37da032')
    expect(info.accounts.length).toBeGreaterThan(0)
    expect(children.length).toBe(2)
    expect(code).toBe(0)
    expect(children.filter(isAlive)).toEqual([])
  })

  test('behavior: Ctrl-C (SIGINT) stops every child too', async () => {
    const { children, code } = await runCli('SIGINT')
    expect(children.length).toBe(2)
    expect(code).toBe(0)
    expect(children.filter(isAlive)).toEqual([])
  })
})
