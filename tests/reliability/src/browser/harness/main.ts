import {
  BaseError,
  createIndexedDbStorage,
  createSession,
  createSessionConfig,
  definePolicy,
  getSessions,
  type IndexedDbStorage,
  revokeSession,
  type SessionConfig,
  type SessionScope,
  type SessionStorageEvent,
  sendSessionCalls,
} from '@sessionkit/core'
import { connect, createConfig, http, mock } from '@wagmi/core'
import { type Address, defineChain, parseAbi } from 'viem'
import type { HarnessApi, HarnessSetup, RawDump, RawValue, SerializedError } from './api.js'

/**
 * The harness page: a tiny app that uses `@sessionkit/core` the way a dApp does (wagmi config with a
 * devnet wallet, IndexedDB storage), driven by the tests through `window.harness`.
 */

const gameAbi = parseAbi(['function move(uint8 direction)'])

let config: SessionConfig | undefined
let storage: IndexedDbStorage | undefined
let scope: SessionScope | undefined
const events: (SessionStorageEvent & { at: number })[] = []

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`harness: call setup() first (${what})`)
  return value
}

function serializeError(error: unknown): SerializedError {
  const e = error as { name?: unknown; message?: unknown; reason?: unknown; sessionId?: unknown }
  return {
    name: String(e?.name),
    message: String(e?.message).slice(0, 500),
    isBaseError: error instanceof BaseError,
    isTypeError: error instanceof TypeError,
    reason: typeof e?.reason === 'string' ? e.reason : undefined,
    sessionId: typeof e?.sessionId === 'string' ? e.sessionId : undefined,
  }
}

/** Every value JSON-safe, with bytes as hex and CryptoKeys described, so node can scan them. */
function toRaw(value: unknown, depth = 0): RawValue {
  if (depth > 32) return { kind: 'string', value: '[too deep]' }
  if (value === null || value === undefined) return { kind: 'empty' }
  if (typeof value === 'string') return { kind: 'string', value }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return { kind: 'string', value: String(value) }
  if (value instanceof ArrayBuffer) return { kind: 'bytes', hex: hex(new Uint8Array(value)) }
  if (ArrayBuffer.isView(value))
    return {
      kind: 'bytes',
      hex: hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
    }
  if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey)
    return {
      kind: 'cryptoKey',
      extractable: value.extractable,
      type: value.type,
      algorithm: (value.algorithm as { name: string }).name,
    }
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => toRaw(v, depth + 1)) }
  if (value instanceof Date) return { kind: 'string', value: value.toISOString() }
  if (value instanceof Map)
    return { kind: 'array', items: [...value].map((e) => toRaw(e, depth + 1)) }
  if (value instanceof Set)
    return { kind: 'array', items: [...value].map((e) => toRaw(e, depth + 1)) }
  if (typeof value === 'object')
    return {
      kind: 'object',
      entries: Object.entries(value).map(
        ([k, v]) => [k, toRaw(v, depth + 1)] as [string, RawValue],
      ),
    }
  return { kind: 'string', value: String(value) }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

async function openRaw(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name))
}

async function dump(): Promise<RawDump> {
  const databases = await indexedDB.databases()
  const idb: RawDump['indexedDb'] = []
  for (const info of databases) {
    if (!info.name) continue
    const db = await openRaw(info.name)
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly')
        const [keys, values] = await Promise.all([
          request(tx.objectStore(store).getAllKeys()),
          request(tx.objectStore(store).getAll()),
        ])
        for (const [i, key] of keys.entries())
          idb.push({
            database: info.name as string,
            store,
            key: toRaw(key),
            value: toRaw(values[i]),
          })
      }
    } finally {
      db.close()
    }
  }
  const web = (s: Storage, area: 'localStorage' | 'sessionStorage') =>
    Array.from({ length: s.length }, (_, i) => {
      const key = s.key(i) as string
      return { area, key, value: s.getItem(key) ?? '' }
    })
  return {
    indexedDb: idb,
    webStorage: [...web(localStorage, 'localStorage'), ...web(sessionStorage, 'sessionStorage')],
  }
}

async function editRecord(
  databaseName: string,
  id: string,
  edit: (record: Record<string, unknown>) => unknown,
) {
  const db = await openRaw(databaseName)
  try {
    const tx = db.transaction('sessions', 'readwrite')
    const store = tx.objectStore('sessions')
    const record = (await request(store.get(id))) as Record<string, unknown>
    store.put(edit(record), id)
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

const tamperings: Record<string, (record: Record<string, unknown>) => unknown> = {
  'flip-ciphertext': (r) => {
    const key = r.encryptedKey as { iv: Uint8Array; ciphertext: Uint8Array }
    const ciphertext = new Uint8Array(key.ciphertext)
    ciphertext[3] = (ciphertext[3] as number) ^ 0xff
    return { ...r, encryptedKey: { ...key, ciphertext } }
  },
  'truncate-ciphertext': (r) => {
    const key = r.encryptedKey as { iv: Uint8Array; ciphertext: Uint8Array }
    return { ...r, encryptedKey: { ...key, ciphertext: key.ciphertext.slice(0, 20) } }
  },
  'truncate-record': (r) => ({ version: r.version, id: r.id }),
  'truncated-json-string': () => '{"version":1,"id":"x","chainId":',
  'foreign-version': (r) => ({ ...r, version: 99 }),
  'swap-session-account': (r) => ({
    ...r,
    sessionAccount: '0x000000000000000000000000000000000000dEaD',
  }),
  'raise-expiry': (r) => ({ ...r, expiresAt: (r.expiresAt as number) + 86_400 }),
  'drop-delegations': (r) => ({ ...r, delegations: [] }),
}

const api: HarnessApi = {
  async setup(parameters: HarnessSetup) {
    const chain = defineChain({
      id: parameters.chainId,
      name: 'Sessionkit Devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [parameters.rpcUrl] } },
    })
    const wagmi = createConfig({
      chains: [chain],
      connectors: [mock({ accounts: [parameters.owner] })],
      transports: { [chain.id]: http(parameters.rpcUrl) },
      pollingInterval: 100,
    })
    const [connector] = wagmi.connectors
    if (!connector) throw new Error('harness: no connector')
    await connect(wagmi, { connector })
    storage = createIndexedDbStorage({ name: parameters.databaseName })
    storage.subscribe((event) => events.push({ ...event, at: Date.now() }))
    config = createSessionConfig({
      wagmi,
      app: { name: 'Reliability harness', url: location.origin },
      chains: {
        [chain.id]: {
          bundlerUrl: parameters.bundlerUrl,
          paymasterUrl: parameters.paymasterUrl,
          environment: parameters.environment as never,
        },
      },
      storage,
    })
    document.getElementById('status')!.textContent = 'ready'
  },

  async createSessions(count: number, target: Address, actions = 5) {
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const session = await createSession(need(config, 'config'), {
        policy: definePolicy({
          calls: [{ target, abi: gameAbi, functions: ['move'] }],
          actions,
          validity: { expiresIn: 3600 },
        }),
        label: `harness ${i}`,
      })
      scope = { chainId: session.chainId, account: session.account, appId: location.origin }
      ids.push(session.id)
    }
    return ids
  },

  async privateKeys(ids: string[]) {
    const s = need(storage, 'storage')
    return Promise.all(
      ids.map(async (id) => {
        const stored = await s.get(id, need(scope, 'scope'))
        if (!stored) throw new Error(`harness: session ${id} not readable`)
        return stored.privateKey
      }),
    )
  },

  dump,

  async tamper(databaseName: string, id: string, kind: string) {
    const edit = tamperings[kind]
    if (!edit) throw new Error(`harness: unknown tampering ${kind}`)
    await editRecord(databaseName, id, edit)
  },

  tamperings: () => Object.keys(tamperings),

  async list() {
    const listed = await need(storage, 'storage').list(need(scope, 'scope'))
    return {
      ids: listed.sessions.map((s) => s.id),
      errors: listed.errors.map(serializeError),
    }
  },

  async getSessions() {
    try {
      const result = await getSessions(need(config, 'config'))
      return {
        sessions: result.sessions.map((s) => ({ id: s.id, state: s.state })),
        errors: result.errors.map(serializeError),
      }
    } catch (error) {
      return { sessions: [], errors: [serializeError(error)], threw: serializeError(error) }
    }
  },

  async send(id: string, target: Address) {
    try {
      await sendSessionCalls(need(config, 'config'), {
        id,
        calls: [{ address: target, abi: gameAbi, functionName: 'move', args: [1] }],
      })
      return undefined
    } catch (error) {
      return serializeError(error)
    }
  },

  async sendMany(id: string, target: Address, count: number) {
    const one = async () => {
      try {
        const sent = await sendSessionCalls(need(config, 'config'), {
          id,
          calls: [{ address: target, abi: gameAbi, functionName: 'move', args: [1] }],
        })
        await sent.wait()
        return { landed: true as const, hash: sent.hash }
      } catch (error) {
        return { landed: false as const, error: serializeError(error) }
      }
    }
    return Promise.all(Array.from({ length: count }, one))
  },

  async revoke(id: string) {
    try {
      await revokeSession(need(config, 'config'), { id })
      return { at: Date.now() }
    } catch (error) {
      return { at: Date.now(), error: serializeError(error) }
    }
  },

  async revokeInStorage(id: string) {
    const at = Date.now()
    await need(storage, 'storage').update(id, { revokedAt: at })
    return at
  },

  async revokedAt(id: string) {
    const stored = await need(storage, 'storage').get(id, need(scope, 'scope'))
    return stored?.revokedAt
  },

  setScope(value: SessionScope) {
    scope = value
  },

  scope: () => need(scope, 'scope'),

  events: () => events.slice(),
}

;(window as unknown as { harness: HarnessApi }).harness = api
document.getElementById('status')!.textContent = 'loaded'
