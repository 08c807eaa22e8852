import 'fake-indexeddb/auto'
import * as core from '@sessionkit/core'
import { getDevnet } from '@sessionkit/test'
import { type Address, createPublicClient, http, keccak256, parseAbi, toHex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordFigures } from '../figures.js'
import { createTestApp, type TestApp } from '../session.js'
import { type BadValue, badValues } from './badValues.js'

/**
 * Bad input everywhere: every public function of `@sessionkit/core` (the hooks call these actions and
 * options), given wrong types, empty values, huge values and malformed addresses in every argument and
 * every top-level field, must either accept the value or throw a typed `BaseError` subclass; never a
 * TypeError or a foreign error, never hang, and never write part of anything.
 * The cases come from the export list: a new export without a spec fails the first test.
 */

type Invoke = (fn: (...args: unknown[]) => unknown, args: unknown[]) => unknown
type Spec = {
  /** Valid arguments to start from. */
  args: () => unknown[]
  /** How to call; default `fn(...args)`. */
  invoke?: Invoke
  /** Argument positions to mutate (default: all). */
  positions?: number[]
  /** The function itself, for members that are not top-level exports. */
  fn?: (...args: unknown[]) => unknown
  /** Positions holding an opaque object made by the library (a session config, a viem client): replaced whole, fields left alone. */
  opaque?: number[]
  /** Which storage to compare before and after every refused call. */
  storage?: () => core.SessionStorage
  /** Argument paths (`arg 0.owner`) that hold an address: a malformed address there must be refused, not accepted. */
  addresses?: string[]
  /** Whether it can write sessions: then storage is compared before and after every refused call. */
  writes?: boolean
}

type Outcome = 'typed' | 'accepted' | 'untyped' | 'hung' | 'partial write'
type Case = { spec: string; where: string; bad: BadValue }
type Result = Case & { outcome: Outcome; detail: string }

const devnet = getDevnet()
const game = `0x${keccak256(toHex('sk-reliability-input-game')).slice(26)}` as Address
const gameAbi = parseAbi(['function move(uint8 direction)'])
const errorNames = new Set(
  Object.entries(core)
    .filter(
      ([name, value]) => typeof value === 'function' && /Error$/.test(name) && name !== 'BaseError',
    )
    .map(([name]) => name),
)
const results: Result[] = []

let app: TestApp
/** A second app for createSession cases: the sessions its accepted cases create do not slow the others. */
let writer: TestApp
let policy: core.Policy
let session: core.CreateSessionReturnType
let compiled: core.CompiledDelegation[]
let stored: core.StoredSession
let memory: core.SessionStorage
let idb: core.IndexedDbStorage
const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
const environment = devnet.environment
const moveCall = () => ({ address: game, abi: gameAbi, functionName: 'move', args: [1] })
const scope = () => ({
  chainId: session.chainId,
  account: session.account,
  appId: app.config.appId,
})

const queryFn: Invoke = async (fn, args) => {
  const options = fn(...args) as { queryFn?: (context: unknown) => unknown; queryKey: unknown }
  return options.queryFn?.({
    queryKey: options.queryKey,
    signal: new AbortController().signal,
    meta: undefined,
  })
}
const mutationFn: Invoke = async (fn, [config, options, variables]) => {
  const built = fn(config, options) as { mutationFn?: (v: unknown) => unknown }
  return built.mutationFn?.(variables)
}
const storageMethod =
  (storage: () => core.SessionStorage, method: keyof core.SessionStorage): Invoke =>
  (_, args) =>
    (storage()[method] as (...a: unknown[]) => unknown)(...args)

const specs: Record<string, Spec> = {
  checkCalls: { args: () => [{ policy, grantedAt: 1, calls: [moveCall()], now: 2 }] },
  checkSessionCalls: {
    opaque: [0],
    args: () => [app.config, { id: session.id, calls: [moveCall()] }],
  },
  checkSessionCallsQueryKey: {
    args: () => [{ id: session.id, chainId: 1, owner: app.wallet.address, appId: 'x' }],
  },
  checkSessionCallsQueryOptions: {
    opaque: [0],
    args: () => [app.config, { id: session.id, calls: [moveCall()] }],
    invoke: queryFn,
  },
  createIndexedDbStorage: {
    args: () => [{ name: 'sk-input' }],
    invoke: async (fn, args) => (fn(...args) as core.SessionStorage).list(scope()),
  },
  createMemoryStorage: {
    args: () => [],
    invoke: async (fn, args) => (fn(...args) as core.SessionStorage).list(scope()),
  },
  createSession: {
    writes: true,
    args: () => [writer.config, { policy, label: 'input' }],
    storage: () => writer.storage,
    opaque: [0],
  },
  // A config accepted with a bad value must then work or fail typed when used.
  createSessionConfig: {
    invoke: async (fn, args) => core.getSessions(fn(...args) as core.SessionConfig),
    args: () => [
      {
        wagmi: app.wagmi,
        app: { name: 'x', url: 'https://x.test' },
        chains: {
          [devnet.chainId]: {
            bundlerUrl: devnet.bundlerUrl,
            paymasterUrl: devnet.paymasterUrl,
            environment,
          },
        },
        storage: memory,
      },
    ],
  },
  createSessionMutationOptions: {
    writes: true,
    args: () => [writer.config, {}, { policy, label: 'input' }],
    invoke: mutationFn,
    storage: () => writer.storage,
    opaque: [0],
  },
  definePolicy: {
    args: () => [
      { calls: [{ target: game, abi: gameAbi, functions: ['move'] }], validity: { expiresIn: 60 } },
      { now: 1 },
    ],
  },
  describePolicy: { args: () => [policy, { now: 1 }] },
  deserializePolicy: { args: () => [core.serializePolicy(policy), { now: 1 }] },
  getDeleGatorDeployment: {
    args: () => [{ owner: app.wallet.address, environment }],
    addresses: ['arg 0.owner'],
  },
  getDeployedEnvironment: { args: () => [11155111] },
  getSessionStatus: { opaque: [0], args: () => [app.config, { id: session.id }] },
  getSessionStatusQueryKey: {
    args: () => [{ id: session.id, chainId: 1, owner: app.wallet.address, appId: 'x' }],
  },
  getSessionStatusQueryOptions: {
    opaque: [0],
    args: () => [app.config, { id: session.id }],
    invoke: queryFn,
  },
  getSessions: { opaque: [0], args: () => [app.config, { fresh: true }] },
  getSessionsQueryKey: { args: () => [{ chainId: 1, owner: app.wallet.address, appId: 'x' }] },
  getSessionsQueryOptions: { opaque: [0], args: () => [app.config, {}], invoke: queryFn },
  hashDelegation: { args: () => [session.delegations.root] },
  readUsage: {
    args: () => [
      {
        client,
        environment,
        delegations: [
          { delegation: compiled[0], hash: core.hashDelegation(session.delegations.root) },
        ],
      },
    ],
  },
  // Mutating revokeSession's id can never name the live session: nothing is revoked by accident.
  revokeSession: {
    writes: true,
    opaque: [0],
    args: () => [app.config, { id: session.id }],
  },
  revokeSessionMutationOptions: {
    writes: true,
    opaque: [0],
    args: () => [app.config, {}, { id: session.id }],
    invoke: mutationFn,
  },
  sendSessionCalls: {
    writes: true,
    opaque: [0],
    args: () => [app.config, { id: session.id, calls: [moveCall()] }],
  },
  sendSessionCallsMutationOptions: {
    opaque: [0],
    args: () => [app.config, {}, { id: session.id, calls: [moveCall()] }],
    invoke: mutationFn,
  },
  serializePolicy: { args: () => [policy] },
  toCaveats: {
    addresses: ['arg 1.redeemer'],
    args: () => [policy, { environment, redeemer: session.sessionAccount, grantedAt: 1 }],
  },
  withoutPermissions: { args: () => [policy, []] },
  // The storage contract, for both built-in storages (mutations of a stored session must not be written).
  ...Object.fromEntries(
    (['memory', 'indexedDb'] as const).flatMap((kind) => {
      const storage = () => (kind === 'memory' ? memory : idb)
      const method = (name: keyof core.SessionStorage, args: () => unknown[]): [string, Spec] => [
        `${kind}Storage.${name}`,
        { args, invoke: storageMethod(storage, name), writes: true, storage },
      ]
      return [
        method('get', () => [stored.id, scope()]),
        method('list', () => [scope()]),
        method('put', () => [{ ...stored, id: `${kind}-put` }]),
        method('update', () => [stored.id, { label: 'x' }]),
        method('remove', () => [`${kind}-missing`]),
        method('subscribe', () => [() => {}]),
      ]
    }),
  ),
}

/** Every public function of core, with enforcerTerms' members: what the specs must cover. */
function publicFunctions(): string[] {
  const names: string[] = []
  for (const [name, value] of Object.entries(core)) {
    if (typeof value === 'function' && !/^class\b/.test(Function.prototype.toString.call(value)))
      names.push(name)
    if (typeof value === 'object' && value !== null)
      for (const [member, inner] of Object.entries(value))
        if (typeof inner === 'function') names.push(`${name}.${member}`)
  }
  return names.sort()
}

function resolve(name: string): (...args: unknown[]) => unknown {
  const [head, member] = name.split('.') as [string, string | undefined]
  if (head.endsWith('Storage') && member) return () => undefined
  const value = (core as Record<string, unknown>)[head]
  return (member ? (value as Record<string, unknown>)[member] : value) as (
    ...args: unknown[]
  ) => unknown
}

/** Every mutation of the valid arguments: each position replaced, and each top-level field replaced or deleted. */
type Mutation = {
  where: string
  values: readonly BadValue[]
  apply: (args: unknown[], bad: unknown) => unknown[]
}

/** Fields get one value of each kind (the full set goes to whole arguments), to keep the run short. */
const fieldValues = badValues.filter((b) =>
  [
    'number 42',
    'symbol',
    'undefined',
    'null',
    'empty string',
    '1 MB string',
    '2^300',
    'short hex 0x1234',
    'non-hex 40 chars',
  ].includes(b.label),
)

function mutations(spec: Spec): Mutation[] {
  const base = spec.args()
  const out: Mutation[] = []
  for (const [i, arg] of base.entries()) {
    if (spec.positions && !spec.positions.includes(i)) continue
    out.push({
      where: `arg ${i}`,
      values: badValues,
      apply: (args, bad) => args.map((a, j) => (j === i ? bad : a)),
    })
    if (spec.opaque?.includes(i)) continue
    if (
      typeof arg === 'object' &&
      arg !== null &&
      !Array.isArray(arg) &&
      Object.getPrototypeOf(arg) === Object.prototype
    )
      for (const field of Object.keys(arg))
        out.push({
          where: `arg ${i}.${field}`,
          values: fieldValues,
          apply: (args, bad) =>
            args.map((a, j) => (j === i ? { ...(a as object), [field]: bad } : a)),
        })
  }
  return out
}

async function storageSnapshot(storage: core.SessionStorage): Promise<string> {
  const listed = await storage.list(scope())
  return JSON.stringify(
    listed.sessions.map((s) => [s.id, s.revokedAt ?? null, s.label ?? null]).sort(),
  )
}

async function run(
  name: string,
  spec: Spec,
  where: string,
  args: unknown[],
  bad: BadValue,
): Promise<Result> {
  const fn = spec.fn ?? resolve(name)
  const invoke = spec.invoke ?? ((f, a) => f(...a))
  const storage = spec.storage?.() ?? app.storage
  const before = spec.writes ? await storageSnapshot(storage) : ''
  let outcome: Outcome
  let detail = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const value = invoke(fn, args)
    const hung = new Promise<'hung'>((r) => {
      timer = setTimeout(() => r('hung'), 20_000)
    })
    const settled = await Promise.race([Promise.resolve(value), hung])
    outcome = settled === 'hung' ? 'hung' : 'accepted'
  } catch (error) {
    const e = error as Error
    const typed = error instanceof core.BaseError && errorNames.has(e.name)
    outcome = typed ? 'typed' : 'untyped'
    detail = typed ? e.name : `${e?.name}: ${String(e?.message).split('\n')[0]?.slice(0, 160)}`
    if (typed && spec.writes && (await storageSnapshot(storage)) !== before) {
      outcome = 'partial write'
      detail = `${e.name} but storage changed`
    }
  } finally {
    clearTimeout(timer)
  }
  return { spec: name, where, bad, outcome, detail }
}

beforeAll(async () => {
  memory = core.createMemoryStorage()
  idb = core.createIndexedDbStorage({ name: 'sk-reliability-input' })
  app = await createTestApp({ devnet, walletIndex: 2 })
  writer = await createTestApp({ devnet, walletIndex: 2 })
  policy = core.definePolicy({
    calls: [{ target: game, abi: gameAbi, functions: ['move'] }],
    validity: { expiresIn: 86_400 },
  })
  session = await core.createSession(app.config, { policy })
  compiled = core.toCaveats(policy, { environment, redeemer: session.sessionAccount, grantedAt: 1 })
  stored = {
    version: core.storedSessionVersion,
    id: 'input-stored',
    ...scope(),
    owner: app.wallet.address,
    app: { name: 'x', url: 'https://x.test' },
    sessionAccount: session.sessionAccount,
    privateKey: generatePrivateKey(),
    policy: JSON.parse(core.serializePolicy(policy)),
    delegations: [],
    createdAt: 1,
  }
  await memory.put(stored)
  await idb.put(stored)
})

afterAll(() => {
  if (process.env.SK_INPUT_DEBUG)
    for (const r of results.filter(
      (x) => x.outcome === 'accepted' && x.bad.category === process.env.SK_INPUT_DEBUG,
    ))
      console.info(`accepted: ${r.spec} ${r.where} = ${r.bad.label}`)
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length
  recordFigures('inputs', {
    inputs: {
      cases: results.length,
      untyped: count('untyped') + count('hung'),
      partialWrites: count('partial write'),
    },
  })
  const bySpec = new Map<string, Record<Outcome, number>>()
  for (const r of results) {
    const row = bySpec.get(r.spec) ?? {
      typed: 0,
      accepted: 0,
      untyped: 0,
      hung: 0,
      'partial write': 0,
    }
    row[r.outcome]++
    bySpec.set(r.spec, row)
  }
  console.info(
    [
      `bad input: ${results.length} cases over ${bySpec.size} functions — typed ${count('typed')}, accepted ${count('accepted')}, untyped ${count('untyped')}, hung ${count('hung')}, partial writes ${count('partial write')}`,
      ...[...bySpec]
        .filter(([, row]) => row.untyped + row.hung + row['partial write'] > 0)
        .map(
          ([spec, row]) =>
            `  ${spec}: ${row.untyped} untyped, ${row.hung} hung, ${row['partial write']} partial writes`,
        ),
    ].join('\n'),
  )
  idb?.close()
})

describe('bad input everywhere', () => {
  test('behavior: every public function of @sessionkit/core has a bad-input spec (and no spec is stale)', () => {
    const covered = Object.keys(specs).filter((name) => !/^(memory|indexedDb)Storage\./.test(name))
    expect(covered.sort()).toEqual(publicFunctions())
  })

  test.each(Object.keys(specs))(
    'error: %s — every bad value gives a typed error or is accepted; never untyped, hung or half-written',
    async (name) => {
      const spec = specs[name] as Spec
      const failures: string[] = []
      const started = Date.now()
      for (const mutation of mutations(spec))
        for (const bad of mutation.values) {
          const args = mutation.apply(spec.args(), bad.value())
          const result = await run(name, spec, mutation.where, args, bad)
          results.push(result)
          if (
            result.outcome === 'untyped' ||
            result.outcome === 'hung' ||
            result.outcome === 'partial write'
          )
            failures.push(
              `${mutation.where} = ${bad.label} (${bad.category}): ${result.outcome} ${result.detail}`,
            )
        }
      if (Date.now() - started > 2_000)
        console.info(`bad input: ${name} took ${Date.now() - started} ms`)
      expect(failures).toEqual([])
    },
  )
})
