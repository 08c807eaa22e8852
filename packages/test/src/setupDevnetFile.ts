import { afterAll, beforeAll } from 'vitest'
import { getDevnet } from './devnet.js'

/** Per test file: snapshot the chain before, revert after, so files do not see each other's state. */
let snapshot: string | undefined

async function rpc(method: string, params: unknown[] = []) {
  const response = await fetch(getDevnet().rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  })
  const body = (await response.json()) as { result?: unknown; error?: { message: string } }
  if (body.error) throw new Error(`${method}: ${body.error.message}`)
  return body.result
}

beforeAll(async () => {
  snapshot = (await rpc('evm_snapshot')) as string
})

afterAll(async () => {
  if (snapshot) await rpc('evm_revert', [snapshot])
})
