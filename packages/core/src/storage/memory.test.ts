import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { createMemoryStorage } from './memory.js'
import type { StoredSession } from './types.js'

function session(): StoredSession {
  const privateKey = generatePrivateKey()
  const account = privateKeyToAddress(generatePrivateKey())
  return {
    version: 1,
    id: 'memory-1',
    chainId: 1,
    account,
    appId: 'https://app.example',
    owner: account,
    app: { name: 'App', url: 'https://app.example' },
    sessionAccount: privateKeyToAddress(privateKey),
    privateKey,
    policy: {},
    delegations: [],
    createdAt: 0,
  }
}

describe('createMemoryStorage', () => {
  test('behavior: forgets on close: a new instance starts empty and instances do not share', async () => {
    const first = createMemoryStorage()
    const stored = session()
    await first.put(stored)
    const scope = { chainId: stored.chainId, account: stored.account, appId: stored.appId }
    expect((await first.get(stored.id, scope))?.privateKey).toBe(stored.privateKey)
    const second = createMemoryStorage()
    expect(await second.get(stored.id, scope)).toBeUndefined()
    expect(await second.list(scope)).toEqual({ sessions: [], errors: [] })
  })

  test('behavior: unknown fields passed to put are not stored', async () => {
    const storage = createMemoryStorage()
    const stored = session()
    await storage.put({ ...stored, extra: 'x' } as StoredSession)
    const read = await storage.get(stored.id, stored)
    expect(read).toEqual(stored)
    expect(read && 'extra' in read).toBe(false)
  })
})
