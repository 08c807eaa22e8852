import { IDBFactory } from 'fake-indexeddb'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { afterEach, describe, expect, test } from 'vitest'
import { SessionNotFoundError, SessionStorageError } from '../errors/storage.js'
import { createIndexedDbStorage, type IndexedDbStorage } from './indexedDb.js'
import { createMemoryStorage } from './memory.js'
import type { SessionScope, SessionStorage, SessionStorageEvent, StoredSession } from './types.js'

const alice = privateKeyToAddress(generatePrivateKey())
const bob = privateKeyToAddress(generatePrivateKey())
const scope: SessionScope = { chainId: 31337, account: alice, appId: 'https://game.example' }

let count = 0
function session(overrides: Partial<StoredSession> = {}): StoredSession {
  const privateKey = generatePrivateKey()
  count++
  return {
    version: 1,
    id: `session-${count}`,
    ...scope,
    owner: privateKeyToAddress(generatePrivateKey()),
    app: { name: 'Game', url: 'https://game.example', icon: 'https://game.example/icon.png' },
    sessionAccount: privateKeyToAddress(privateKey),
    privateKey,
    policy: { calls: [{ target: alice, functionName: 'move' }], maxActions: 10 },
    delegations: [{ delegate: alice, salt: '123456789012345678901234567890', caveats: [] }],
    createdAt: 1_700_000_000_000 + count,
    expiresAt: 1_800_000_000,
    ...overrides,
  }
}

const opened: IndexedDbStorage[] = []
const storages: [string, () => SessionStorage][] = [
  ['createMemoryStorage', () => createMemoryStorage()],
  [
    'createIndexedDbStorage',
    () => {
      const storage = createIndexedDbStorage({ indexedDB: new IDBFactory(), name: 'contract' })
      opened.push(storage)
      return storage
    },
  ],
]

afterEach(() => {
  for (const storage of opened.splice(0)) storage.close()
})

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe.each(storages)('%s (SessionStorage contract)', (_, create) => {
  test('behavior: put then get and list round-trip every field', async () => {
    const storage = create()
    const stored = session({ label: 'dungeon run', revokedAt: undefined })
    await storage.put(stored)
    expect(await storage.get(stored.id, scope)).toEqual({ ...stored, revokedAt: undefined })
    const { sessions, errors } = await storage.list(scope)
    expect(errors).toEqual([])
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toEqual(stored)
    expect(sessions[0]?.privateKey).toBe(stored.privateKey)
  })

  test('behavior: get of an unknown id is undefined', async () => {
    const storage = create()
    expect(await storage.get('nope', scope)).toBeUndefined()
  })

  test('behavior: list returns newest first', async () => {
    const storage = create()
    const older = session({ createdAt: 1 })
    const newer = session({ createdAt: 2 })
    await storage.put(older)
    await storage.put(newer)
    const { sessions } = await storage.list(scope)
    expect(sessions.map((s) => s.id)).toEqual([newer.id, older.id])
  })

  test('behavior: a session is never returned for another account, chain or app', async () => {
    const storage = create()
    const mine = session()
    await storage.put(mine)
    const others: SessionScope[] = [
      { ...scope, account: bob },
      { ...scope, chainId: 1 },
      { ...scope, appId: 'https://evil.example' },
    ]
    for (const other of others) {
      expect(await storage.get(mine.id, other)).toBeUndefined()
      expect(await storage.list(other)).toEqual({ sessions: [], errors: [] })
    }
    const lowercase = { ...scope, account: scope.account.toLowerCase() as `0x${string}` }
    expect((await storage.get(mine.id, lowercase))?.id).toBe(mine.id)
  })

  test('behavior: put replaces a session with the same id', async () => {
    const storage = create()
    const first = session()
    await storage.put(first)
    await storage.put({ ...first, label: 'renamed' })
    const { sessions } = await storage.list(scope)
    expect(sessions.map((s) => s.label)).toEqual(['renamed'])
  })

  test('error: put refuses to replace a session of another scope under the same id', async () => {
    const storage = create()
    const mine = session()
    await storage.put(mine)
    const error = await rejection(storage.put({ ...session(), id: mine.id, account: bob }))
    expect(error).toBeInstanceOf(SessionStorageError)
    expect((error as SessionStorageError).reason).toBe('invalid')
    expect(await storage.get(mine.id, scope)).toEqual(mine)
    expect(await storage.list({ ...scope, account: bob })).toEqual({ sessions: [], errors: [] })
  })

  test('behavior: update sets and clears revokedAt and label, nothing else', async () => {
    const storage = create()
    const stored = session()
    await storage.put(stored)
    await storage.update(stored.id, { revokedAt: 1_700_000_100_000, label: 'x' })
    expect(await storage.get(stored.id, scope)).toEqual({
      ...stored,
      revokedAt: 1_700_000_100_000,
      label: 'x',
    })
    await storage.update(stored.id, { label: undefined })
    const after = await storage.get(stored.id, scope)
    expect(after && 'label' in after).toBe(false)
    expect(after?.revokedAt).toBe(1_700_000_100_000)
  })

  test('behavior: remove deletes; removing a missing id is a no-op', async () => {
    const storage = create()
    const stored = session()
    await storage.put(stored)
    await storage.remove(stored.id)
    await storage.remove(stored.id)
    expect(await storage.get(stored.id, scope)).toBeUndefined()
  })

  test('behavior: stored sessions are copies, not shared with the caller', async () => {
    const storage = create()
    const stored = session()
    await storage.put(stored)
    ;(stored.policy as { maxActions: number }).maxActions = 999
    const read = await storage.get(stored.id, scope)
    ;(read!.delegations as unknown[]).push('mutated')
    const again = await storage.get(stored.id, scope)
    expect((again!.policy as { maxActions: number }).maxActions).toBe(10)
    expect(again?.delegations).toHaveLength(1)
  })

  test('behavior: subscribe reports local put, update and remove with their scope', async () => {
    const storage = create()
    const events: SessionStorageEvent[] = []
    const unsubscribe = storage.subscribe((event) => events.push(event))
    const stored = session()
    await storage.put(stored)
    await storage.update(stored.id, { revokedAt: 5 })
    await storage.remove(stored.id)
    unsubscribe()
    await storage.put(session())
    expect(events).toEqual([
      { type: 'put', id: stored.id, scope, origin: 'local' },
      { type: 'update', id: stored.id, scope, origin: 'local' },
      { type: 'remove', id: stored.id, scope, origin: 'local' },
    ])
  })

  test('behavior: a throwing listener does not fail the write or starve other listeners', async () => {
    const storage = create()
    const seen: string[] = []
    const original = console.error
    console.error = () => {}
    try {
      storage.subscribe(() => {
        throw new Error('listener bug')
      })
      storage.subscribe((event) => seen.push(event.id))
      const stored = session()
      await storage.put(stored)
      expect(seen).toEqual([stored.id])
    } finally {
      console.error = original
    }
  })

  test('error: update of a missing session is SessionNotFoundError', async () => {
    const storage = create()
    const error = await rejection(storage.update('missing', { revokedAt: 1 }))
    expect(error).toBeInstanceOf(SessionNotFoundError)
    expect((error as SessionNotFoundError).sessionId).toBe('missing')
  })

  const badSessions: [string, (s: StoredSession) => unknown][] = [
    ['not an object', () => 'session'],
    ['null', () => null],
    ['foreign version', (s) => ({ ...s, version: 2 })],
    ['empty id', (s) => ({ ...s, id: '' })],
    ['chainId as string', (s) => ({ ...s, chainId: '31337' })],
    ['malformed account', (s) => ({ ...s, account: '0x1234' })],
    ['empty appId', (s) => ({ ...s, appId: '' })],
    ['missing owner', ({ owner: _, ...s }) => s],
    ['app without name', (s) => ({ ...s, app: { url: 'https://x' } })],
    ['short private key', (s) => ({ ...s, privateKey: '0x1234' })],
    ['private key without 0x', (s) => ({ ...s, privateKey: s.privateKey.slice(2) })],
    ['bigint in delegations', (s) => ({ ...s, delegations: [{ salt: 1n }] })],
    ['delegations not an array', (s) => ({ ...s, delegations: {} })],
    ['missing policy', ({ policy: _, ...s }) => s],
    ['function in policy', (s) => ({ ...s, policy: { f: () => 1 } })],
    ['NaN createdAt', (s) => ({ ...s, createdAt: Number.NaN })],
    ['negative expiresAt', (s) => ({ ...s, expiresAt: -1 })],
    ['cyclic policy', (s) => ({ ...s, policy: cyclic() })],
  ]
  test.each(badSessions)(
    'error: put of a bad session (%s) is invalid and writes nothing',
    async (_, make) => {
      const storage = create()
      const base = session()
      const error = await rejection(storage.put(make(base) as StoredSession))
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe('invalid')
      expect(await storage.list(scope)).toEqual({ sessions: [], errors: [] })
    },
  )

  const badScopes: unknown[] = [
    undefined,
    null,
    {},
    { ...scope, chainId: 0 },
    { ...scope, chainId: 1.5 },
    { ...scope, account: 'alice' },
    { ...scope, appId: 42 },
  ]
  test.each(badScopes)('error: get and list with a bad scope (%o) are invalid', async (bad) => {
    const storage = create()
    for (const call of [
      storage.get('id', bad as SessionScope),
      storage.list(bad as SessionScope),
    ]) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe('invalid')
      expect((error as SessionStorageError).details).toBe(
        'scope must be { chainId: positive integer, account: address, appId: non-empty string }.',
      )
    }
  })

  const badIds: unknown[] = [undefined, 42, '', 'x'.repeat(257), {}]
  test.each(badIds)('error: a bad id (%o) is invalid for get, update and remove', async (bad) => {
    const storage = create()
    const calls = [
      storage.get(bad as string, scope),
      storage.update(bad as string, { revokedAt: 1 }),
      storage.remove(bad as string),
    ]
    for (const call of calls) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe('invalid')
    }
  })

  const badPatches: unknown[] = [null, 'revoke', { revokedAt: 'now' }, { label: 3 }, { policy: {} }]
  test.each(badPatches)(
    'error: update with a bad patch (%o) is invalid and changes nothing',
    async (bad) => {
      const storage = create()
      const stored = session()
      await storage.put(stored)
      const error = await rejection(storage.update(stored.id, bad as never))
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe('invalid')
      expect(await storage.get(stored.id, scope)).toEqual(stored)
    },
  )
})

function cyclic() {
  const value: Record<string, unknown> = {}
  value.self = value
  return value
}
