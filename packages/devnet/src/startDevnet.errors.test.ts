import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { DevnetStartError } from './errors.js'
import { startDevnet } from './startDevnet.js'
import { childPidsOf } from './test/procs.js'

const childPids = async () => childPidsOf(process.pid)

describe('startDevnet errors', () => {
  afterEach(() => {
    delete process.env.SESSIONKIT_ANVIL_BIN
    delete process.env.SESSIONKIT_ALTO_CLI
  })

  test('error: a port already taken names the part and starts nothing', async () => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const port = (server.address() as { port: number }).port
    const before = await childPids()
    try {
      const error = await startDevnet({ anvilPort: port }).catch((e) => e)
      expect(error).toBeInstanceOf(DevnetStartError)
      expect(error.part).toBe('ports')
      expect(error.message).toContain(String(port))
    } finally {
      server.close()
    }
    expect(await childPids()).toEqual(before)
  })

  test('error: a missing anvil binary names anvil', async () => {
    process.env.SESSIONKIT_ANVIL_BIN = '/nonexistent/anvil'
    const error = await startDevnet().catch((e) => e)
    expect(error).toBeInstanceOf(DevnetStartError)
    expect(error.part).toBe('anvil')
    expect(error.message).toMatch(/missing/)
  })

  test('error: a child that dies at start names it and reports its output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-'))
    const fake = join(dir, 'anvil')
    writeFileSync(fake, '#!/bin/sh\necho "boom: cannot start"\nexit 3\n')
    chmodSync(fake, 0o755)
    process.env.SESSIONKIT_ANVIL_BIN = fake
    const error = await startDevnet().catch((e) => e)
    expect(error).toBeInstanceOf(DevnetStartError)
    expect(error.part).toBe('anvil')
    expect(error.message).toContain('code 3')
    expect(error.message).toContain('boom: cannot start')
  })

  test('error: a bundler that dies at start is named, and the anvil already started is stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-'))
    const fake = join(dir, 'alto.js')
    writeFileSync(fake, 'console.error("alto: bad config"); process.exit(2)\n')
    process.env.SESSIONKIT_ALTO_CLI = fake
    const before = await childPids()
    const error = await startDevnet().catch((e) => e)
    expect(error).toBeInstanceOf(DevnetStartError)
    expect(error.part).toBe('bundler')
    expect(error.message).toContain('alto: bad config')
    expect(await childPids()).toEqual(before)
  })
})
