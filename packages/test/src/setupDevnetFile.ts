import { afterAll, beforeAll, inject } from 'vitest'
import { getDevnet } from './devnet.js'

/**
 * Per test file: snapshot the chain before, revert after (restarting the bundler through the global
 * setup's control endpoint), so files do not see each other's state or clock.
 */
let snapshot: string | undefined

beforeAll(async () => {
  const response = await fetch(getDevnet().rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_snapshot', params: [] }),
  })
  snapshot = ((await response.json()) as { result: string }).result
})

afterAll(async () => {
  if (!snapshot) return
  const response = await fetch(`${inject('devnetControlUrl')}/revert`, {
    method: 'POST',
    body: JSON.stringify({ snapshot }),
  })
  if (!response.ok)
    throw new Error(`devnet revert failed: ${response.status} ${await response.text()}`)
})
