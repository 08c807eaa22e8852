import { getDevnet } from '@sessionkit/test'
import type { Page } from 'playwright-core'
import type { Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordFigures } from '../figures.js'
import type { HarnessSetup } from './harness/api.js'
import { call, type Harness, launchHarness } from './launch.js'
import { scanForKeys } from './scanForKeys.js'

/** A codeless game address: `move` is never sent here, only put in policies. */
const game = '0x00000000000000000000000000000000000a11ce' as Address
const databaseName = 'sessionkit-reliability'

const figures = { scans: 0, plaintextKeys: 0, valuesScanned: 0 }
let harness: Harness
let tabA: Page
const allKeys: Hex[] = []

function setupFor(owner: Address): HarnessSetup {
  const devnet = getDevnet()
  return {
    chainId: devnet.chainId,
    rpcUrl: devnet.rpcUrl,
    bundlerUrl: devnet.bundlerUrl,
    paymasterUrl: devnet.paymasterUrl,
    environment: devnet.environment,
    owner,
    databaseName,
  }
}

/** Dumps everything the origin stores and scans it for every session key created so far. */
async function scan(page: Page) {
  const dump = await call(page, 'dump')
  const result = scanForKeys(dump, allKeys)
  figures.scans++
  figures.plaintextKeys += result.hits.length
  figures.valuesScanned += result.values
  return { dump, result }
}

beforeAll(async () => {
  harness = await launchHarness()
  tabA = await harness.openPage()
  const owner = getDevnet().accounts[0]?.address as Address
  await call(tabA, 'setup', setupFor(owner))
})

afterAll(async () => {
  recordFigures('storage', { storage: figures })
  console.info(
    `storage: ${figures.scans} scans of every IndexedDB / localStorage value (${figures.valuesScanned} values) for ${allKeys.length} session keys: ${figures.plaintextKeys} plaintext keys found`,
  )
  await harness?.close()
})

describe('storage in real Chromium', () => {
  test('behavior: no session key in plain text anywhere the origin stores (IndexedDB, localStorage, sessionStorage)', async () => {
    const ids = await call(tabA, 'createSessions', 3, game)
    expect(ids).toHaveLength(3)
    const keys = await call(tabA, 'privateKeys', ids)
    expect(new Set(keys).size).toBe(3)
    for (const key of keys) expect(key).toMatch(/^0x[0-9a-f]{64}$/)
    allKeys.push(...keys)

    const { dump, result } = await scan(tabA)
    // The scan looked at the real records: three sessions, the wrapping key, wagmi's localStorage.
    const sessions = dump.indexedDb.filter(
      (r) => r.database === databaseName && r.store === 'sessions',
    )
    expect(sessions.map((r) => (r.key.kind === 'string' ? r.key.value : '')).sort()).toEqual(
      [...ids].sort(),
    )
    const wrapping = dump.indexedDb.filter((r) => r.store === 'keys').map((r) => r.value)
    expect(wrapping).toEqual([
      { kind: 'cryptoKey', extractable: false, type: 'secret', algorithm: 'AES-GCM' },
    ])
    expect(
      dump.webStorage.some((w) => w.area === 'localStorage' && w.key.startsWith('wagmi')),
    ).toBe(true)
    expect(result.values).toBeGreaterThan(50)
    expect(result.hits).toEqual([])
  })

  test('error: tampered, truncated and foreign-version records give typed errors for that record only; the app keeps running', async () => {
    const kinds = await call(tabA, 'tamperings')
    const expected: Record<string, string> = {
      'flip-ciphertext': 'tampered',
      'truncate-ciphertext': 'corrupted',
      'truncate-record': 'corrupted',
      'truncated-json-string': 'corrupted',
      'foreign-version': 'version',
      'swap-session-account': 'tampered',
      'raise-expiry': 'tampered',
      'drop-delegations': 'tampered',
    }
    expect(kinds.sort()).toEqual(Object.keys(expected).sort())
    const before = await call(tabA, 'list')
    expect(before.errors).toEqual([])
    const victims = await call(tabA, 'createSessions', kinds.length, game)
    allKeys.push(...(await call(tabA, 'privateKeys', victims)))
    const healthy = [...before.ids]
    for (const [i, kind] of kinds.entries())
      await call(tabA, 'tamper', databaseName, victims[i] as string, kind)

    const listed = await call(tabA, 'list')
    expect(listed.ids.sort()).toEqual(healthy.sort())
    const byId = new Map(listed.errors.map((e) => [e.sessionId, e]))
    for (const [i, kind] of kinds.entries()) {
      const error = byId.get(victims[i])
      expect({ kind, name: error?.name, reason: error?.reason, base: error?.isBaseError }).toEqual({
        kind,
        name: 'SessionStorageError',
        reason: expected[kind],
        base: true,
      })
    }
    expect(listed.errors).toHaveLength(kinds.length)

    // The engine's list shows the healthy sessions live and reports each bad record.
    const live = await call(tabA, 'getSessions')
    expect(live.threw).toBeUndefined()
    expect(live.sessions.map((s) => s.id).sort()).toEqual(healthy.sort())
    expect(new Set(live.sessions.map((s) => s.state))).toEqual(new Set(['active']))
    expect(live.errors.map((e) => e.sessionId).sort()).toEqual([...victims].sort())

    // Acting with a bad record is a typed error, never a TypeError.
    for (const [i, kind] of kinds.entries()) {
      const error = await call(tabA, 'send', victims[i] as string, game)
      expect({
        kind,
        name: error?.name,
        base: error?.isBaseError,
        typeError: error?.isTypeError,
      }).toEqual({
        kind,
        name: 'SessionStorageError',
        base: true,
        typeError: false,
      })
    }
    expect(await tabA.evaluate(() => document.getElementById('status')?.textContent)).toBe('ready')
    expect(harness.pageErrors).toEqual([])

    const { result } = await scan(tabA)
    expect(result.hits).toEqual([])
  })

  test('behavior: a revoke in one tab is seen in the other within 1 s; both tabs creating at once do not clash', async () => {
    const tabB = await harness.openPage()
    await call(tabB, 'setup', setupFor(getDevnet().accounts[0]?.address as Address))
    await call(tabB, 'setScope', await call(tabA, 'scope'))
    const [fromA, fromB] = await Promise.all([
      call(tabA, 'createSessions', 2, game),
      call(tabB, 'createSessions', 2, game),
    ])
    allKeys.push(...(await call(tabA, 'privateKeys', [...fromA, ...fromB])))
    const listedA = await call(tabA, 'list')
    const listedB = await call(tabB, 'list')
    for (const id of [...fromA, ...fromB]) {
      expect(listedA.ids).toContain(id)
      expect(listedB.ids).toContain(id)
    }

    const latencies: number[] = []
    for (const id of [fromA[0], fromB[0]] as string[]) {
      const revokedAt = await call(tabA, 'revokeInStorage', id)
      await tabB.waitForFunction(
        (target) =>
          (
            window as unknown as {
              harness: { events(): { id: string; type: string; origin: string }[] }
            }
          ).harness
            .events()
            .some((e) => e.id === target && e.type === 'update' && e.origin === 'remote'),
        id,
        { timeout: 1_000, polling: 10 },
      )
      const seen = (await call(tabB, 'events')).find(
        (e) => e.id === id && e.type === 'update' && e.origin === 'remote',
      )
      latencies.push((seen?.at ?? Number.POSITIVE_INFINITY) - revokedAt)
      expect(await call(tabB, 'revokedAt', id)).toBe(revokedAt)
      const live = await call(tabB, 'getSessions')
      expect(live.sessions.find((s) => s.id === id)?.state).toBe('revoked')
    }
    console.info(`two tabs: revoke seen in the other tab after ${latencies.join(' ms, ')} ms`)
    for (const latency of latencies) expect(latency).toBeLessThan(1_000)
    expect(harness.pageErrors).toEqual([])
    const { result } = await scan(tabB)
    expect(result.hits).toEqual([])
    await tabB.close()
  })
})

describe('two tabs acting on-chain', () => {
  test('behavior: two tabs firing 10 actions each at once on one session all land (no nonce collision); a real revoke in one tab stops the other within 1 s', async () => {
    const tabB = await harness.openPage()
    await call(tabB, 'setup', setupFor(getDevnet().accounts[1]?.address as Address))
    const [id] = await call(tabB, 'createSessions', 1, game, 100)
    allKeys.push(...(await call(tabB, 'privateKeys', [id as string])))
    const tabC = await harness.openPage()
    await call(tabC, 'setup', setupFor(getDevnet().accounts[1]?.address as Address))
    await call(tabC, 'setScope', await call(tabB, 'scope'))
    // The first action deploys the accounts; then both tabs act at once.
    const [first] = await call(tabB, 'sendMany', id as string, game, 1)
    expect(first?.landed).toBe(true)
    const [fromB, fromC] = await Promise.all([
      call(tabB, 'sendMany', id as string, game, 10),
      call(tabC, 'sendMany', id as string, game, 10),
    ])
    const failures = [...fromB, ...fromC].filter((r) => !r.landed)
    expect(failures).toEqual([])
    // Each tab joins its own actions into UserOperations of its own: no hash is shared across tabs.
    const hashesB = new Set(fromB.map((r) => (r.landed ? r.hash : '')))
    const hashesC = new Set(fromC.map((r) => (r.landed ? r.hash : '')))
    expect(hashesB.size).toBeGreaterThanOrEqual(2)
    expect(hashesC.size).toBeGreaterThanOrEqual(2)
    expect([...hashesB].filter((h) => hashesC.has(h))).toEqual([])

    const revoked = await call(tabB, 'revoke', id as string)
    expect(revoked.error).toBeUndefined()
    await tabC.waitForFunction(
      (target) =>
        (
          window as unknown as {
            harness: { events(): { id: string; type: string; origin: string }[] }
          }
        ).harness
          .events()
          .some((e) => e.id === target && e.type === 'update' && e.origin === 'remote'),
      id,
      { timeout: 1_000, polling: 10 },
    )
    const seen = (await call(tabC, 'events')).find(
      (e) => e.id === id && e.type === 'update' && e.origin === 'remote',
    )
    console.info(
      `two tabs on-chain: 20 parallel actions landed; real revoke seen in the other tab ${(seen?.at ?? 0) - revoked.at} ms after it returned`,
    )
    expect((seen?.at ?? Number.POSITIVE_INFINITY) - revoked.at).toBeLessThan(1_000)
    const after = await call(tabC, 'send', id as string, game)
    expect({ name: after?.name, base: after?.isBaseError }).toEqual({
      name: 'SessionRevokedError',
      base: true,
    })
    expect(harness.pageErrors).toEqual([])
    const { result } = await scan(tabC)
    expect(result.hits).toEqual([])
    await Promise.all([tabB.close(), tabC.close()])
  })
})
