import {
  BaseError,
  type CreateSessionReturnType,
  createMemoryStorage,
  createSession,
  definePolicy,
  getSessions,
  revokeSession,
  type SendSessionCallsReturnType,
  type SessionStorage,
  sendSessionCalls,
} from '@sessionkit/core'
import { type Devnet, startDevnet } from '@sessionkit/devnet'
import { type Address, createPublicClient, type Hex, http, parseAbiItem } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { counterAbi, deployTestContracts, type TestContracts } from '../contracts.js'
import { recordFigures } from '../figures.js'
import { createTestApp, type TestApp } from '../session.js'

/**
 * Faults on a private devnet: the bundler dies mid-burst, the paymaster refuses or is down, the
 * wallet declines, two tabs act at once, the chain resets. Every action either lands or ends in a
 * typed error the app sees; nothing is pending forever and nothing is half done.
 */

/** The app gives up on an action after this long: anything still unsettled then counts as lost. */
const settleDeadline = 60_000
const receiptTimeout = 15_000

type Outcome = (
  | { kind: 'landed' }
  | { kind: 'error'; name: string; message: string; typed: boolean; stage: 'send' | 'wait' }
  | { kind: 'pending' }
) & { hash?: Hex | undefined }

const figures = { scenarios: 0, actions: 0, lost: 0 }
/** Every followed action of the file, re-checked against the chain before the reset. */
const followedAll: Outcome[] = []
let devnet: Devnet
let contracts: TestContracts
let app: TestApp
let storage: SessionStorage
let session: CreateSessionReturnType

const userOperationEvent = parseAbiItem(
  'event UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster, uint256 nonce, bool success, uint256 actualGasCost, uint256 actualGasUsed)',
)

const increment = () => ({
  address: contracts.counter,
  abi: counterAbi,
  functionName: 'increment' as const,
})

async function landedCount(account: Address): Promise<bigint> {
  const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
  return client.readContract({
    address: contracts.counter,
    abi: counterAbi,
    functionName: 'counts',
    args: [account],
  })
}

/** Follows one action to its end: landed, a typed error (at send or wait), or still pending at the deadline. */
function follow(sending: Promise<SendSessionCallsReturnType>): Promise<Outcome> {
  let hash: Hex | undefined
  const typed =
    (stage: 'send' | 'wait') =>
    (error: unknown): Outcome => ({
      kind: 'error',
      name: (error as Error)?.name ?? String(error),
      message: (error as BaseError)?.shortMessage ?? String(error),
      typed: error instanceof BaseError,
      stage,
      hash,
    })
  const settled = sending.then((sent) => {
    hash = sent.hash
    return sent.wait().then((): Outcome => ({ kind: 'landed', hash }), typed('wait'))
  }, typed('send'))
  const deadline = new Promise<Outcome>((resolve) =>
    setTimeout(() => resolve({ kind: 'pending', hash }), settleDeadline).unref(),
  )
  return Promise.race([settled, deadline])
}

/** Whether the chain has a successful UserOperationEvent for this hash (the ground truth of "landed"). */
async function landedOnChain(hash: Hex): Promise<boolean> {
  const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
  const logs = await client.getLogs({
    address: devnet.environment.EntryPoint,
    event: userOperationEvent,
    args: { userOpHash: hash },
    fromBlock: 0n,
  })
  return logs.some((log) => log.args.success === true)
}

/** Actions whose reported outcome disagrees with the chain (reported landed but not there, or an error but landed). */
async function misreported(outcomes: Outcome[]): Promise<Outcome[]> {
  const wrong: Outcome[] = []
  for (const o of outcomes) {
    const onChain = o.hash ? await landedOnChain(o.hash) : false
    if (onChain !== (o.kind === 'landed')) wrong.push(o)
  }
  return wrong
}

/**
 * Counts a scenario. Lost: actions still pending at the deadline, untyped errors, and actions whose
 * reported outcome disagrees with the chain (by UserOperation hash, and in total by the counter).
 */
async function account(outcomes: Outcome[], chainDelta: bigint) {
  followedAll.push(...outcomes)
  const landed = outcomes.filter((o) => o.kind === 'landed').length
  const pending = outcomes.filter((o) => o.kind === 'pending').length
  const untyped = outcomes.filter((o) => o.kind === 'error' && !o.typed).length
  const wrong = await misreported(outcomes)
  const mismatch = Math.max(wrong.length, Math.abs(Number(chainDelta) - landed))
  for (const o of wrong) console.info(`misreported action: ${JSON.stringify(o)}`)
  figures.scenarios++
  figures.actions += outcomes.length
  figures.lost += pending + untyped + mismatch
  return { landed, pending, untyped, mismatch }
}

function summarize(outcomes: Outcome[]) {
  const counts: Record<string, number> = {}
  for (const o of outcomes) {
    const key = o.kind === 'error' ? `${o.name}@${o.stage}` : o.kind
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

beforeAll(async () => {
  devnet = await startDevnet()
  const deployer = devnet.accounts[1]
  if (!deployer) throw new Error('no deployer')
  contracts = await deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: deployer.privateKey,
  })
  storage = createMemoryStorage()
  app = await createTestApp({ devnet, walletIndex: 0, storage, engine: { receiptTimeout } })
  session = await createSession(app.config, {
    policy: definePolicy({
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      validity: { expiresIn: 86_400 },
    }),
  })
  await (await sendSessionCalls(app.config, { id: session.id, calls: [increment()] })).wait()
}, 180_000)

afterAll(async () => {
  recordFigures('faults', { faults: figures })
  console.info(
    `faults: ${figures.scenarios} scenarios, ${figures.actions} actions, ${figures.lost} lost`,
  )
  await devnet?.stop()
})

describe('faults lose nothing', () => {
  /**
   * Fires `count` actions at once on one session, alternating between the app and a second tab on
   * the same storage; follows each and accounts for them against the chain.
   */
  async function fromTwoTabs(
    label: string,
    target: { id: string; account: Address },
    count: number,
    lane?: 'ordered',
  ) {
    const tabB = await createTestApp({
      devnet,
      walletIndex: 0,
      storage,
      engine: { receiptTimeout },
    })
    const before = await landedCount(target.account)
    const outcomes = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        follow(
          sendSessionCalls((i % 2 ? tabB : app).config, {
            id: target.id,
            calls: [increment()],
            ...(lane ? { lane } : {}),
          }),
        ),
      ),
    )
    const delta = (await landedCount(target.account)) - before
    const result = await account(outcomes, delta)
    console.info(`${label}: ${JSON.stringify(summarize(outcomes))}, chain +${delta}`)
    return { tabB, result }
  }

  test('behavior: two tabs acting at once on one session do not collide on nonces (20 parallel actions land)', async () => {
    const { result } = await fromTwoTabs('two tabs, parallel lane', session, 20)
    expect(result).toEqual({ landed: 20, pending: 0, untyped: 0, mismatch: 0 })
  })

  test('behavior: two tabs on the ordered lane at once: every action lands or is a typed error, none lost', async () => {
    const { result } = await fromTwoTabs('two tabs, ordered lane', session, 10, 'ordered')
    // Each tab has an ordered nonce key of its own, so they never collide: all 10 must land.
    expect(result).toEqual({ landed: 10, pending: 0, untyped: 0, mismatch: 0 })
  })

  test("behavior: two tabs' very first actions of a new session at once (both would deploy its account): every action lands or is a typed error, none lost", async () => {
    const fresh = await createSession(app.config, {
      policy: definePolicy({
        calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
        validity: { expiresIn: 86_400 },
      }),
    })
    const { tabB, result } = await fromTwoTabs(
      'two tabs, first actions of a new session',
      { id: fresh.id, account: fresh.account },
      6,
    )
    expect({ pending: result.pending, untyped: result.untyped, mismatch: result.mismatch }).toEqual(
      {
        pending: 0,
        untyped: 0,
        mismatch: 0,
      },
    )
    expect(result.landed).toBeGreaterThanOrEqual(1)
    // The session works from both tabs afterwards.
    const again = await Promise.all([
      follow(sendSessionCalls(app.config, { id: fresh.id, calls: [increment()] })),
      follow(sendSessionCalls(tabB.config, { id: fresh.id, calls: [increment()] })),
    ])
    expect(again.map((o) => o.kind)).toEqual(['landed', 'landed'])
    await account(again, 2n)
  })

  test('error: the wallet declines create or revoke: UserRejectedError, nothing stored, nothing half done', async () => {
    const scope = { chainId: session.chainId, account: session.account, appId: app.config.appId }
    const before = await storage.list(scope)
    const policy = definePolicy({
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
    })
    app.wallet.setDeclining(true)
    app.wallet.resetPrompts()
    try {
      const created = await createSession(app.config, { policy }).catch((e: unknown) => e)
      expect(created).toBeInstanceOf(BaseError)
      expect((created as Error).name).toBe('UserRejectedError')
      const revoked = await revokeSession(app.config, { id: session.id }).catch((e: unknown) => e)
      expect(revoked).toBeInstanceOf(BaseError)
      expect((revoked as Error).name).toBe('UserRejectedError')
    } finally {
      app.wallet.setDeclining(false)
    }
    expect(app.wallet.prompts.map((p) => p.declined)).toEqual([true, true])
    const after = await storage.list(scope)
    expect(after).toEqual(before)
    expect((await storage.get(session.id, scope))?.revokedAt).toBeUndefined()
    // Not revoked on-chain either: the session still acts.
    const landed = await landedCount(session.account)
    const outcome = await follow(
      sendSessionCalls(app.config, { id: session.id, calls: [increment()] }),
    )
    expect(outcome.kind).toBe('landed')
    await account([outcome], (await landedCount(session.account)) - landed)
    const live = await getSessions(app.config, { fresh: true })
    expect(live.sessions.find((s) => s.id === session.id)?.state).toBe('active')
  })

  test.each(['refuse', 'down'] as const)(
    'error: paymaster %s: typed PaymasterError with what to do, no session state change',
    async (mode) => {
      const scope = { chainId: session.chainId, account: session.account, appId: app.config.appId }
      const stored = await storage.get(session.id, scope)
      const status = (await getSessions(app.config, { fresh: true })).sessions.find(
        (s) => s.id === session.id,
      )
      const landed = await landedCount(session.account)
      devnet.faults.setPaymasterMode(mode)
      let error: unknown
      try {
        error = await sendSessionCalls(app.config, { id: session.id, calls: [increment()] }).then(
          () => undefined,
          (e: unknown) => e,
        )
      } finally {
        devnet.faults.setPaymasterMode('sponsor')
      }
      const outcomes = [
        await follow(error ? Promise.reject(error) : Promise.reject(new Error('sent'))),
      ]
      expect(error).toBeInstanceOf(BaseError)
      expect((error as BaseError).name).toBe('PaymasterError')
      expect((error as BaseError).shortMessage.length).toBeGreaterThan(20)
      await account(outcomes, (await landedCount(session.account)) - landed)
      expect(await storage.get(session.id, scope)).toEqual(stored)
      const after = (await getSessions(app.config, { fresh: true })).sessions.find(
        (s) => s.id === session.id,
      )
      // `timeLeft` counts down with the clock between the two reads; everything else must be unchanged.
      const untimed = (r: typeof after) => ({
        state: r?.state,
        remaining: { ...r?.remaining, timeLeft: undefined },
      })
      expect(untimed(after)).toEqual(untimed(status))
      expect(after?.remaining.expiresAt).toBe(status?.remaining.expiresAt)
      // Back to sponsoring: the session acts again.
      const outcome = await follow(
        sendSessionCalls(app.config, { id: session.id, calls: [increment()] }),
      )
      expect(outcome.kind).toBe('landed')
    },
  )

  test('behavior: the bundler dies mid-burst of 50 and restarts: every action lands or ends in a typed error; the session keeps working', async () => {
    const before = await landedCount(session.account)
    const followed: Promise<Outcome>[] = []
    let killed: Promise<void> | undefined
    for (let i = 0; i < 50; i++) {
      const sending = sendSessionCalls(app.config, { id: session.id, calls: [increment()] })
      followed.push(follow(sending))
      if (i === 20)
        killed = sending.then(
          () => devnet.faults.stopBundler(),
          () => devnet.faults.stopBundler(),
        )
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    await killed
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await devnet.faults.startBundler()
    const outcomes = await Promise.all(followed)
    const delta = (await landedCount(session.account)) - before
    const result = await account(outcomes, delta)
    console.info(
      `bundler killed after action 21 of 50: ${JSON.stringify(summarize(outcomes))}, chain +${delta}`,
    )
    const waitErrors = new Set(
      outcomes.flatMap((o) => (o.kind === 'error' && o.stage === 'wait' ? [o.message] : [])),
    )
    if (waitErrors.size) console.info(`  errors after sending: ${[...waitErrors].join(' | ')}`)
    expect({ pending: result.pending, untyped: result.untyped, mismatch: result.mismatch }).toEqual(
      {
        pending: 0,
        untyped: 0,
        mismatch: 0,
      },
    )
    expect(outcomes.some((o) => o.kind === 'error')).toBe(true)
    for (const o of outcomes)
      if (o.kind === 'error') expect(o.name).toMatch(/^(BundlerError|PaymasterError)$/)

    // After the restart the session keeps working.
    const after = await landedCount(session.account)
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        follow(sendSessionCalls(app.config, { id: session.id, calls: [increment()] })),
      ),
    )
    const recovered = await account(again, (await landedCount(session.account)) - after)
    expect(recovered).toEqual({ landed: 5, pending: 0, untyped: 0, mismatch: 0 })
  })

  test('behavior: no action reported as failed landed later (re-checked by hash after every scenario)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const late: Outcome[] = []
    for (const o of followedAll)
      if (o.kind !== 'landed' && o.hash && (await landedOnChain(o.hash))) late.push(o)
    for (const o of late) console.info(`reported failed, landed later: ${JSON.stringify(o)}`)
    figures.lost += late.length
    console.info(
      `re-checked ${followedAll.filter((o) => o.hash).length} sent actions by hash: ${late.length} landed after being reported failed`,
    )
    expect(late).toEqual([])
  })

  test('behavior: the chain resets: sessions are reported missing and are not used blindly', async () => {
    const scope = { chainId: session.chainId, account: session.account, appId: app.config.appId }
    const stored = await storage.get(session.id, scope)
    await devnet.faults.stopBundler()
    const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
    await client.request({ method: 'anvil_reset', params: [] } as never)
    expect(await client.getCode({ address: devnet.environment.DelegationManager })).toBeUndefined()
    // Let the engine's usage reuse window (usageTtl, 3 s) pass: from then on it must notice.
    await new Promise((resolve) => setTimeout(resolve, 3_100))
    // Acting is refused with a typed SessionMissingError, and nothing is sent.
    const error = await sendSessionCalls(app.config, {
      id: session.id,
      calls: [increment()],
    }).catch((e: unknown) => e)
    await account([await follow(Promise.reject(error))], 0n)
    expect.soft({ name: (error as Error)?.name, typed: error instanceof BaseError }).toEqual({
      name: 'SessionMissingError',
      typed: true,
    })
    // Listing reports the session as missing instead of throwing.
    const live = await getSessions(app.config, { fresh: true }).catch((e: unknown) => e)
    expect.soft(live instanceof Error ? `threw ${live.name}` : undefined).toBeUndefined()
    if (!(live instanceof Error))
      expect
        .soft(
          (live as Awaited<ReturnType<typeof getSessions>>).sessions.find(
            (s) => s.id === session.id,
          )?.state,
        )
        .toBe('missing')
    expect(await storage.get(session.id, scope)).toEqual(stored)
  })
})
