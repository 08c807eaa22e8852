import { IDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { bytesToHex } from 'viem'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { SessionStorageError, type SessionStorageErrorReason } from '../errors/storage.js'
import { keysStore, openDatabase, readEntries, run, sessionsStore } from './idb.js'
import { createIndexedDbStorage, type IndexedDbStorage } from './indexedDb.js'
import type { SessionScope, SessionStorageEvent, StoredSession } from './types.js'

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
    app: { name: 'Game', url: 'https://game.example' },
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
/** A fresh "browser profile" (IndexedDB factory) and a database name unique to the test. */
function profile() {
  const indexedDB = new IDBFactory()
  const name = `sessionkit-test-${++count}`
  return {
    indexedDB,
    name,
    /** A new storage instance over the same database, as after a page reload or in another tab. */
    open() {
      const storage = createIndexedDbStorage({ indexedDB, name })
      opened.push(storage)
      return storage
    },
    /** Raw access to the database, as an attacker or a browser extension would have. */
    async raw() {
      const db = await openDatabase(indexedDB, name)
      return {
        entries: (store: string) => readEntries(db, store),
        put: (store: string, key: string, value: unknown) =>
          run(db, store, 'readwrite', (s, done) => {
            s.put(value, key)
            done(undefined)
          }),
        delete: (store: string, key: string) =>
          run(db, store, 'readwrite', (s, done) => {
            s.delete(key)
            done(undefined)
          }),
        close: () => db.close(),
      }
    },
  }
}

afterEach(() => {
  for (const storage of opened.splice(0)) storage.close()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

type RawRecord = Record<string, any>

async function tamper(
  p: ReturnType<typeof profile>,
  id: string,
  edit: (raw: RawRecord) => unknown,
) {
  const raw = await p.raw()
  const entry = (await raw.entries(sessionsStore)).find(([key]) => key === id)
  await raw.put(sessionsStore, id, edit(entry?.[1] as RawRecord))
  raw.close()
}

describe('createIndexedDbStorage', () => {
  test('behavior: a fresh instance over the same database reads the sessions (reload)', async () => {
    const p = profile()
    const first = p.open()
    const a = session({ label: 'a' })
    const b = session()
    await first.put(a)
    await first.put(b)
    first.close()

    const reloaded = p.open()
    expect(await reloaded.get(a.id, scope)).toEqual(a)
    await reloaded.update(b.id, { revokedAt: 1_700_000_500_000 })
    reloaded.close()

    const again = p.open()
    const { sessions, errors } = await again.list(scope)
    expect(errors).toEqual([])
    expect(sessions).toEqual([{ ...b, revokedAt: 1_700_000_500_000 }, a])
  })

  test('behavior: the private key is never stored in plain text (scan every stored value)', async () => {
    const p = profile()
    const storage = p.open()
    const stored = [session(), session(), session({ label: 'third' })]
    for (const s of stored) await storage.put(s)
    await storage.update(stored[0]!.id, { revokedAt: 1 })

    const raw = await p.raw()
    const values = [...(await raw.entries(sessionsStore)), ...(await raw.entries(keysStore))]
    raw.close()
    const scanner = createScanner(stored.map((s) => s.privateKey))
    for (const [key, value] of values) scanner.scan(value, String(key))
    expect(scanner.valuesScanned).toBeGreaterThan(3 * 15)
    expect(scanner.cryptoKeys).toBe(1)
    expect(scanner.hits).toEqual([])

    // The scanner itself finds a key stored as hex (with or without 0x, any case), bytes or base64.
    const control = createScanner([stored[0]!.privateKey])
    const key = stored[0]!.privateKey
    control.scan({ a: [key.toUpperCase()], b: key.slice(2), c: hexBytes(key) }, 'control')
    control.scan(`x${Buffer.from(hexBytes(key)).toString('base64')}x`, 'control.base64')
    expect(control.hits).toHaveLength(4)
  })

  test('behavior: the wrapping key is a non-extractable AES-GCM CryptoKey', async () => {
    const p = profile()
    await p.open().put(session())
    const raw = await p.raw()
    const keys = await raw.entries(keysStore)
    raw.close()
    expect(keys).toHaveLength(1)
    const key = keys[0]![1] as CryptoKey
    expect(key).toBeInstanceOf(CryptoKey)
    expect(key.extractable).toBe(false)
    expect(key.algorithm).toEqual({ name: 'AES-GCM', length: 256 })
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow()
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow()
  })

  const tampering: [string, SessionStorageErrorReason, (raw: RawRecord) => unknown][] = [
    ['flip a ciphertext byte', 'tampered', (r) => flip(r, 'ciphertext')],
    ['flip an iv byte', 'tampered', (r) => flip(r, 'iv')],
    ['change the session account', 'tampered', (r) => ({ ...r, sessionAccount: bob })],
    ['change the owner', 'tampered', (r) => ({ ...r, owner: bob })],
    [
      'change a delegation',
      'tampered',
      (r) => ({ ...r, delegations: [{ ...r.delegations[0], delegate: bob }] }),
    ],
    ['change the policy', 'tampered', (r) => ({ ...r, policy: { ...r.policy, maxActions: 1000 } })],
    [
      'change the app',
      'tampered',
      (r) => ({ ...r, app: { ...r.app, url: 'https://evil.example' } }),
    ],
    ['change createdAt', 'tampered', (r) => ({ ...r, createdAt: r.createdAt + 1 })],
    ['extend expiresAt', 'tampered', (r) => ({ ...r, expiresAt: r.expiresAt + 1 })],
    ['add a label', 'tampered', (r) => ({ ...r, label: 'x' })],
    ['un-revoke', 'tampered', ({ revokedAt: _, ...r }) => r],
    [
      'truncate the ciphertext',
      'corrupted',
      (r) => ({
        ...r,
        encryptedKey: { ...r.encryptedKey, ciphertext: r.encryptedKey.ciphertext.slice(0, 20) },
      }),
    ],
    ['drop the encrypted key', 'corrupted', ({ encryptedKey: _, ...r }) => r],
    ['drop the session account', 'corrupted', ({ sessionAccount: _, ...r }) => r],
    ['drop the chain id', 'corrupted', ({ chainId: _, ...r }) => r],
    ['drop the version', 'corrupted', ({ version: _, ...r }) => r],
    ['replace with a string', 'corrupted', () => '{"version":1'],
    ['replace with null', 'corrupted', () => null],
    ['replace with an array', 'corrupted', () => [1, 2, 3]],
    ['delegations as a string', 'corrupted', (r) => ({ ...r, delegations: 'x' })],
    ['encryptedKey as a number', 'corrupted', (r) => ({ ...r, encryptedKey: 1 })],
    ['foreign version', 'version', (r) => ({ ...r, version: 2 })],
    ['foreign version, other shape', 'version', () => ({ version: '3.0', blob: 'x' })],
  ]
  test.each(tampering)(
    'error: %s gives a typed %s error for that record only',
    async (_, reason, edit) => {
      const p = profile()
      const victim = session({ revokedAt: 1_700_000_000_500 })
      const bystander = session()
      const writer = p.open()
      await writer.put(victim)
      await writer.put(bystander)
      await tamper(p, victim.id, edit)

      const storage = p.open()
      const { sessions, errors } = await storage.list(scope)
      expect(sessions).toEqual([bystander])
      expect(errors).toHaveLength(1)
      expect(errors[0]).toBeInstanceOf(SessionStorageError)
      expect(errors[0]?.reason).toBe(reason)
      expect(errors[0]?.sessionId).toBe(victim.id)

      const error = await rejection(storage.get(victim.id, scope))
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe(reason)
      expect(await storage.get(bystander.id, scope)).toEqual(bystander)
      expect(
        ((await rejection(storage.update(victim.id, { label: 'x' }))) as SessionStorageError)
          .reason,
      ).toBe(reason)

      await storage.remove(victim.id)
      expect(await storage.list(scope)).toEqual({ sessions: [bystander], errors: [] })
    },
  )

  test('error: a record moved to another account is tampered there and invisible here', async () => {
    const p = profile()
    const storage = p.open()
    const moved = session()
    await storage.put(moved)
    await tamper(p, moved.id, (r) => ({ ...r, account: bob }))
    expect(await storage.list(scope)).toEqual({ sessions: [], errors: [] })
    expect(await storage.get(moved.id, scope)).toBeUndefined()
    const bobScope = { ...scope, account: bob }
    const { sessions, errors } = await storage.list(bobScope)
    expect(sessions).toEqual([])
    expect(errors.map((e) => [e.sessionId, e.reason])).toEqual([[moved.id, 'tampered']])
  })

  test('error: a record copied under another id is tampered', async () => {
    const p = profile()
    const original = session()
    await p.open().put(original)
    const raw = await p.raw()
    const [[, value] = []] = await raw.entries(sessionsStore)
    await raw.put(sessionsStore, 'copy', { ...(value as RawRecord), id: 'copy' })
    await raw.put(sessionsStore, 'copy-same-id', value)
    const db = await openDatabase(p.indexedDB, p.name)
    await run(db, sessionsStore, 'readwrite', (s, done) => {
      s.put(value, 7) // not a key Sessionkit writes: ignored
      done(undefined)
    })
    db.close()
    raw.close()
    const { sessions, errors } = await p.open().list(scope)
    expect(sessions).toEqual([original])
    expect(errors.map((e) => [e.sessionId, e.reason]).sort()).toEqual([
      ['copy', 'tampered'],
      ['copy-same-id', 'tampered'],
    ])
  })

  test('error: a missing wrapping key makes records corrupted; a replaced one makes them tampered', async () => {
    const p = profile()
    const stored = session()
    await p.open().put(stored)
    const raw = await p.raw()
    await raw.delete(keysStore, 'wrapping-key')
    const missing = await p.open().list(scope)
    expect(missing.errors.map((e) => e.reason)).toEqual(['corrupted'])
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ])
    await raw.put(keysStore, 'wrapping-key', other)
    raw.close()
    const replaced = await p.open().list(scope)
    expect(replaced.errors.map((e) => e.reason)).toEqual(['tampered'])
  })

  test('behavior: put is atomic: a failing write leaves no partial record', async () => {
    const p = profile()
    const storage = p.open()
    const kept = session()
    await storage.put(kept)
    const failing = session()
    const original = IDBObjectStore.prototype.put
    // The write request is issued inside the transaction, then the store fails (e.g. quota).
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = original.apply(this, args)
      if (this.name === sessionsStore)
        throw new DOMException('Quota exceeded', 'QuotaExceededError')
      return request
    })
    const error = await rejection(storage.put(failing))
    const updateError = await rejection(storage.update(kept.id, { revokedAt: 9 }))
    spy.mockRestore()
    expect(error).toBeInstanceOf(SessionStorageError)
    expect((error as SessionStorageError).reason).toBe('write-failed')
    expect((error as SessionStorageError).sessionId).toBe(failing.id)
    expect((updateError as SessionStorageError).reason).toBe('write-failed')

    const raw = await p.raw()
    const keys = (await raw.entries(sessionsStore)).map(([key]) => key)
    raw.close()
    expect(keys).toEqual([kept.id])
    expect(await p.open().list(scope)).toEqual({ sessions: [kept], errors: [] })
  })

  test('behavior: concurrent updates both apply (compare-and-set, no lost write)', async () => {
    const p = profile()
    const storage = p.open()
    const otherTab = p.open()
    const stored = session()
    await storage.put(stored)
    await Promise.all([
      storage.update(stored.id, { revokedAt: 42 }),
      otherTab.update(stored.id, { label: 'renamed' }),
    ])
    expect(await p.open().get(stored.id, scope)).toEqual({
      ...stored,
      revokedAt: 42,
      label: 'renamed',
    })
  })

  test('behavior: two tabs writing first at once agree on one wrapping key', async () => {
    const p = profile()
    const a = session()
    const b = session()
    await Promise.all([p.open().put(a), p.open().put(b)])
    const raw = await p.raw()
    expect(await raw.entries(keysStore)).toHaveLength(1)
    raw.close()
    expect(await p.open().list(scope)).toEqual({ sessions: [b, a], errors: [] })
  })

  test('behavior: changes reach other instances (tabs) of the same database, not others', async () => {
    const p = profile()
    const tab1 = p.open()
    const tab2 = p.open()
    const unrelated = createIndexedDbStorage({ indexedDB: p.indexedDB, name: `${p.name}-other` })
    opened.push(unrelated)
    const local: SessionStorageEvent[] = []
    const remote: SessionStorageEvent[] = []
    const elsewhere: SessionStorageEvent[] = []
    tab1.subscribe((event) => local.push(event))
    tab2.subscribe((event) => remote.push(event))
    unrelated.subscribe((event) => elsewhere.push(event))

    const stored = session()
    const started = performance.now()
    await tab1.put(stored)
    await tab1.update(stored.id, { revokedAt: 7 })
    await vi.waitFor(() => expect(remote).toHaveLength(2), { timeout: 1000, interval: 5 })
    const latency = performance.now() - started
    expect(latency).toBeLessThan(1000)
    expect(remote).toEqual([
      { type: 'put', id: stored.id, scope, origin: 'remote' },
      { type: 'update', id: stored.id, scope, origin: 'remote' },
    ])
    expect(local.map((e) => [e.type, e.origin])).toEqual([
      ['put', 'local'],
      ['update', 'local'],
    ])
    expect((await tab2.get(stored.id, scope))?.revokedAt).toBe(7)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(elsewhere).toEqual([])
  })

  test('behavior: foreign messages on the channel are ignored', async () => {
    const p = profile()
    const storage = p.open()
    const events: SessionStorageEvent[] = []
    storage.subscribe((event) => events.push(event))
    const intruder = new BroadcastChannel(`sessionkit:storage:${p.name}`)
    intruder.postMessage({ hello: 'world' })
    intruder.postMessage({ source: 'sessionkit:storage', type: 'drop-tables', id: 'x' })
    intruder.postMessage({ source: 'sessionkit:storage', type: 'remove', id: 'x', scope: 'bad' })
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 1000, interval: 5 })
    intruder.close()
    expect(events).toEqual([{ type: 'remove', id: 'x', origin: 'remote' }])
  })

  test('behavior: without IndexedDB (SSR) creating is fine; using it is a typed unavailable error', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const storage = createIndexedDbStorage()
    const unsubscribe = storage.subscribe(() => {})
    unsubscribe()
    for (const call of [storage.get('x', scope), storage.list(scope), storage.put(session())]) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(SessionStorageError)
      expect((error as SessionStorageError).reason).toBe('unavailable')
      expect((error as SessionStorageError).shortMessage).toContain('createMemoryStorage()')
    }
  })

  test('error: without WebCrypto or when IndexedDB refuses to open, unavailable', async () => {
    const blocked = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    } as unknown as IDBFactory
    const refused = await rejection(createIndexedDbStorage({ indexedDB: blocked }).list(scope))
    expect((refused as SessionStorageError).reason).toBe('unavailable')
    expect((refused as SessionStorageError).details).toBe('The operation is insecure.')

    vi.stubGlobal('crypto', {})
    const noCrypto = await rejection(
      createIndexedDbStorage({ indexedDB: new IDBFactory() }).get('x', scope),
    )
    expect((noCrypto as SessionStorageError).reason).toBe('unavailable')
    expect((noCrypto as SessionStorageError).details).toBe('crypto.subtle is not defined.')
  })

  test('behavior: uses globalThis.indexedDB by default', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory())
    const storage = createIndexedDbStorage()
    opened.push(storage)
    expect(storage.name).toBe('sessionkit')
    const stored = session()
    await storage.put(stored)
    expect(await createIndexedDbStorage().get(stored.id, scope)).toEqual(stored)
  })
})

function flip(record: RawRecord, field: 'iv' | 'ciphertext') {
  const bytes = new Uint8Array(record.encryptedKey[field])
  bytes[3]! ^= 0x01
  return { ...record, encryptedKey: { ...record.encryptedKey, [field]: bytes } }
}

function hexBytes(hex: `0x${string}`): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.slice(2), 'hex'))
}

/** Walks stored values and records every place a private key shows up as hex, bytes or base64. */
function createScanner(privateKeys: `0x${string}`[]) {
  const needles = privateKeys.map((key) => ({
    hex: key.slice(2).toLowerCase(),
    base64: Buffer.from(hexBytes(key)).toString('base64'),
  }))
  const result = { hits: [] as string[], valuesScanned: 0, cryptoKeys: 0, scan }
  function check(text: string, path: string) {
    for (const needle of needles)
      if (text.toLowerCase().includes(needle.hex) || text.includes(needle.base64))
        result.hits.push(path)
  }
  function scan(value: unknown, path: string): void {
    result.valuesScanned++
    if (typeof value === 'string') check(value, path)
    else if (value instanceof CryptoKey) result.cryptoKeys++
    else if (value instanceof ArrayBuffer) check(bytesToHex(new Uint8Array(value)), path)
    else if (ArrayBuffer.isView(value))
      check(bytesToHex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)), path)
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) {
        check(key, `${path}.${key}`)
        scan(item, `${path}.${key}`)
      }
  }
  return result
}
