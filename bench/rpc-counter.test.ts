import { createServer, type Server } from 'node:http'
import { createPublicClient } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { countedHttp, createRpcLog, type RpcEvent, summarizeRoundTrips } from './rpc-counter.js'

let server: Server
let url = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
    })
    request.on('end', () => {
      const call = JSON.parse(body) as { id: number }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, result: '0x7a69' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('countedHttp', () => {
  test('behavior: records each request with its target and the phase at the time', async () => {
    const log = createRpcLog()
    const client = createPublicClient({ transport: countedHttp(url, 'chain', log) })
    expect(await client.getChainId()).toBe(31337)
    log.phase = 'before-send'
    await client.request({ method: 'eth_sendUserOperation' as never, params: [] as never })
    log.phase = 'receipt'
    await client.request({ method: 'eth_getUserOperationReceipt' as never, params: [] as never })
    expect(log.take()).toEqual([
      { target: 'chain', method: 'eth_chainId', phase: 'setup' },
      { target: 'chain', method: 'eth_sendUserOperation', phase: 'send' },
      { target: 'chain', method: 'eth_getUserOperationReceipt', phase: 'receipt' },
    ])
    expect(log.events).toEqual([])
  })
})

describe('summarizeRoundTrips', () => {
  test('behavior: averages requests per action by phase and target, ignoring setup', () => {
    const a: RpcEvent[] = [
      { target: 'chain', method: 'eth_call', phase: 'before-send' },
      { target: 'paymaster', method: 'pm_getPaymasterData', phase: 'before-send' },
      { target: 'bundler', method: 'eth_sendUserOperation', phase: 'send' },
      { target: 'bundler', method: 'eth_getUserOperationReceipt', phase: 'receipt' },
      { target: 'chain', method: 'eth_blockNumber', phase: 'setup' },
    ]
    const b: RpcEvent[] = [
      { target: 'paymaster', method: 'pm_getPaymasterData', phase: 'before-send' },
      { target: 'bundler', method: 'eth_sendUserOperation', phase: 'send' },
    ]
    const summary = summarizeRoundTrips([a, b])
    expect(summary['before-send']).toEqual({ chain: 0.5, bundler: 0, paymaster: 1, total: 1.5 })
    expect(summary.send).toEqual({ chain: 0, bundler: 1, paymaster: 0, total: 1 })
    expect(summary.receipt).toEqual({ chain: 0, bundler: 0.5, paymaster: 0, total: 0.5 })
    expect(summary.methods).toEqual({
      'chain:eth_call:before-send': 0.5,
      'paymaster:pm_getPaymasterData:before-send': 1,
      'bundler:eth_sendUserOperation:send': 1,
      'bundler:eth_getUserOperationReceipt:receipt': 0.5,
    })
  })
})
