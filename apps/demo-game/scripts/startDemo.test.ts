import { createPublicClient, http } from 'viem'
import { describe, expect, test } from 'vitest'
import { parseDemoConfig } from '../src/config/demoConfig.js'
import { dungeonAbi } from '../src/contracts/dungeon.js'
import { startDemo } from './startDemo.js'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('startDemo', () => {
  test('behavior: serves the app and /devnet.json for a deployed game, and stop leaves nothing running', async () => {
    const demo = await startDemo({ logLevel: 'silent' })
    let stopped = false
    try {
      expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const config = parseDemoConfig(await (await fetch(new URL('/devnet.json', demo.url))).json())
      expect(config.rpcUrl).toBe(demo.devnet.rpcUrl)
      expect(config.player.address).toBe(demo.devnet.accounts[1]!.address)
      const client = createPublicClient({ transport: http(config.rpcUrl) })
      expect(
        await client.readContract({ address: config.game, abi: dungeonAbi, functionName: 'SIZE' }),
      ).toBe(8)
      const html = await (await fetch(demo.url)).text()
      expect(html).toContain('<script type="module" src="/src/main.tsx">')
      const pids = demo.devnet.pids
      expect(pids.every(alive)).toBe(true)
      await demo.stop()
      stopped = true
      expect(pids.filter(alive)).toEqual([])
      await expect(fetch(demo.url)).rejects.toThrow()
    } finally {
      if (!stopped) await demo.stop()
    }
  })
})
