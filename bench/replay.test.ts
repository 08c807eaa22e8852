import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { coveredMs, installReplayFetch } from './replay.js'

let server: Server
let url = ''
let served = 0

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      served++
      const call = JSON.parse(body) as { id: number; method: string; params: unknown[] }
      const result =
        call.method === 'eth_call'
          ? `0x${String(served).padStart(2, '0')}`
          : `${call.method}:${served}`
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, result }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const rpc = async (method: string, params: unknown[] = [], id = 7) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
  })
  return (await response.json()) as { id: number; result?: unknown; error?: { message: string } }
}

describe('coveredMs', () => {
  test('behavior: counts overlapping intervals once and clips to the window', () => {
    expect(
      coveredMs(
        [
          [0, 10],
          [5, 15],
          [20, 30],
          [22, 25],
        ],
        0,
        100,
      ),
    ).toBe(25)
    expect(coveredMs([[0, 10]], 4, 8)).toBe(4)
    expect(coveredMs([[0, 10]], 20, 30)).toBe(0)
  })
})

describe('installReplayFetch', () => {
  test('behavior: replays recorded replies without the network, by params, then target, then method', async () => {
    const replay = installReplayFetch({ chain: url })
    try {
      replay.mode = 'record'
      await rpc('eth_blockNumber')
      await rpc('eth_call', [{ to: '0xAB', data: '0x01' }, 'latest'])
      const recorded = served
      replay.mode = 'replay'
      const same = await rpc('eth_call', [{ to: '0xAB', data: '0x01' }, 'latest'], 42)
      const otherData = await rpc('eth_call', [{ to: '0xab', data: '0x02' }, 'latest'])
      const byMethod = await rpc('eth_blockNumber', ['other'])
      expect(served).toBe(recorded)
      expect(same).toEqual({
        jsonrpc: '2.0',
        id: 42,
        result: `0x${String(recorded).padStart(2, '0')}`,
      })
      expect(otherData.result).toBe(same.result)
      expect(byMethod.result).toBe(`eth_blockNumber:${recorded - 1}`)
      expect(replay.replayed).toBe(3)
      const missing = await rpc('eth_chainId')
      expect(missing.error?.message).toBe('no recorded reply for eth_chainId')
      expect(replay.missed).toEqual([`${url} eth_chainId`])
    } finally {
      replay.restore()
    }
  })

  test('behavior: traces live requests in pass mode and restores the real fetch', async () => {
    const real = globalThis.fetch
    const replay = installReplayFetch({ bundler: url })
    try {
      await rpc('eth_supportedEntryPoints')
      expect(replay.timings).toEqual({})
      replay.trace = true
      const before = served
      await rpc('eth_supportedEntryPoints')
      expect(served).toBe(before + 1)
      expect(replay.timings['bundler eth_supportedEntryPoints']).toHaveLength(1)
      expect(replay.intervals).toHaveLength(1)
    } finally {
      replay.restore()
    }
    expect(globalThis.fetch).toBe(real)
  })
})
