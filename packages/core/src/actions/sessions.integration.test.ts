import {
  connectTestWallet,
  createTestWagmiConfig,
  createTestWallet,
  getDevnet,
} from '@sessionkit/test'
import {
  counterAbi,
  deployTestContracts,
  type TestContracts,
  testTokenAbi,
} from '@sessionkit/test/contracts'
import { IDBFactory } from 'fake-indexeddb'
import {
  type Address,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  type PublicClient,
  parseEther,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import type { SessionRequestEvent } from '../config/transport.js'
import { createSessionConfig, type SessionConfig } from '../createSessionConfig.js'
import { definePolicy } from '../policy/definePolicy.js'
import { createIndexedDbStorage } from '../storage/indexedDb.js'
import { createMemoryStorage } from '../storage/memory.js'
import { checkSessionCalls } from './checkSessionCalls.js'
import { createSession } from './createSession.js'
import { getSessionStatus } from './getSessionStatus.js'
import { getSessions } from './getSessions.js'
import { revokeSession } from './revokeSession.js'
import { sendSessionCalls } from './sendSessionCalls.js'

const devnet = getDevnet()
const wallet = createTestWallet({ privateKey: devnet.accounts[1]!.privateKey })
const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
const requests: SessionRequestEvent[] = []
let contracts: TestContracts & { publicClient: PublicClient }
let config: SessionConfig
const testClient = createTestClient({
  mode: 'anvil',
  chain: devnet.chain,
  transport: http(devnet.rpcUrl),
})

const gamePolicy = (counter: Address, options: { actions?: number; expiresIn?: number } = {}) =>
  definePolicy({
    calls: [
      { target: counter, abi: counterAbi, functions: ['increment', 'move'], name: 'Counter' },
    ],
    ...(options.actions !== undefined ? { actions: options.actions } : {}),
    validity: { expiresIn: options.expiresIn ?? 3600 },
  })

const increment = () => ({
  address: contracts.counter,
  abi: counterAbi,
  functionName: 'increment' as const,
})
const countOf = (account: Address) =>
  contracts.publicClient.readContract({
    address: contracts.counter,
    abi: counterAbi,
    functionName: 'counts',
    args: [account],
  })

/** The test game's session config over the shared devnet, with memory storage. */
const gameConfig = (
  options: Pick<Parameters<typeof createSessionConfig>[0], 'engine' | 'onRequest'> = {},
) =>
  createSessionConfig({
    wagmi,
    app: { name: 'Test game', url: 'https://game.example' },
    chains: {
      [devnet.chainId]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment,
      },
    },
    storage: createMemoryStorage(),
    ...options,
  })

beforeAll(async () => {
  contracts = (await deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: devnet.accounts[0]!.privateKey,
  })) as typeof contracts
  await connectTestWallet(wagmi, wallet)
  config = gameConfig({ onRequest: (event) => requests.push(event) })
})

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

describe('createSession + sendSessionCalls', () => {
  test('behavior: one prompt creates a session, then ten actions with no prompt change the chain', async () => {
    wallet.resetPrompts()
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    expect(wallet.promptCount()).toBe(1)
    expect(wallet.promptCount('eth_signTypedData_v4')).toBe(1)
    expect(session.delegations.root.delegator).toBe(session.account)
    expect(session.delegations.leaves.map((l) => l.delegation.delegate)).toEqual([
      session.sessionAccount,
    ])

    const before = await countOf(session.account)
    const latencies: number[] = []
    const beforeSend: number[] = []
    const whileWaiting: number[] = []
    for (let i = 0; i < 10; i++) {
      const started = performance.now()
      const mark = requests.length
      const sent = await sendSessionCalls(config, { id: session.id, calls: [increment()] })
      // Requests up to eth_sendUserOperation are "before send"; the rest (receipt polls) are "waiting".
      const sendIndex = requests.findIndex(
        (r, j) => j >= mark && r.method === 'eth_sendUserOperation',
      )
      const sentAt = sendIndex + 1
      const receipt = await sent.wait()
      latencies.push(performance.now() - started)
      expect(receipt.success).toBe(true)
      // eth_sendUserOperation itself is neither "before send" nor "waiting".
      beforeSend.push(sentAt - mark - 1)
      if (i > 1 && sentAt - mark - 1 > 1)
        console.log(
          '[sessionkit] before send:',
          requests
            .slice(mark, sentAt)
            .map((r) => `${r.target}:${r.method}`)
            .join(' '),
        )
      whileWaiting.push(requests.length - sentAt)
    }
    expect(wallet.promptCount()).toBe(1)
    expect(await countOf(session.account)).toBe(before + 10n)
    // Action 1 deploys both accounts; action 2 is the first of the steady call shape (learns its gas).
    const steady = beforeSend.slice(2)
    console.log(
      `[sessionkit] 10 actions: median latency ${median(latencies).toFixed(0)} ms (first ${latencies[0]?.toFixed(0)} ms, second ${latencies[1]?.toFixed(0)} ms); ` +
        `round trips before send: first ${beforeSend[0]}, second ${beforeSend[1]}, then median ${median(steady)} (max ${Math.max(...steady)}); ` +
        `while waiting: median ${median(whileWaiting)}`,
    )
    expect(Math.max(...steady)).toBeLessThanOrEqual(2)
  })

  test('behavior: an out-of-scope call is refused before anything reaches the bundler or paymaster', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    const mark = requests.length
    const reset = { address: contracts.counter, abi: counterAbi, functionName: 'reset' as const }
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [reset] }),
    ).rejects.toMatchObject({
      name: 'SessionScopeError',
      reason: { code: 'function-not-allowed', callIndex: 0 },
    })
    expect(requests.slice(mark).filter((r) => r.target !== 'chain')).toEqual([])
  })

  test('behavior: the same call forced past the client check is refused by the chain', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    const reset = { address: contracts.counter, abi: counterAbi, functionName: 'reset' as const }
    const attempt = sendSessionCalls(
      config,
      { id: session.id, calls: [reset] },
      { unsafeSkipCheck: true },
    ).then((s) => s.wait())
    await expect(attempt).rejects.toMatchObject({
      name: expect.stringMatching(/BundlerError|SessionCallsRevertedError/),
    })
    expect(await countOf(session.account)).toBe(before)
  })

  test('behavior: actions sent without wait() are counted once: the engine follows their receipts itself', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { actions: 4 }),
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    await sendSessionCalls(config, { id: session.id, calls: [increment()] })
    await sendSessionCalls(config, { id: session.id, calls: [increment()] })
    // Sent calls count as used at once (pending) and may briefly count twice until the engine has
    // followed their receipts; once both landed and were followed, each counts once.
    let count = before
    let used: number | undefined
    for (let i = 0; i < 100 && (count !== before + 2n || used !== 3); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      count = await countOf(session.account)
      used = (await getSessionStatus(config, { id: session.id, fresh: true })).remaining.actionsUsed
    }
    expect(count).toBe(before + 2n)
    expect(used).toBe(3)
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [increment()] }),
    ).rejects.toMatchObject({
      name: 'SessionExhaustedError',
    })
  })

  test('behavior: 20 actions fired at once all land', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    const before = await countOf(session.account)
    const started = performance.now()
    const sent = await Promise.all(
      Array.from({ length: 20 }, () =>
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ),
    )
    const receipts = await Promise.all(sent.map((s) => s.wait()))
    expect(receipts.filter((r) => r.success)).toHaveLength(20)
    // four go alone at once (the first deploys both accounts); the rest are joined
    const operations = new Set(sent.map((s) => s.hash)).size
    expect(operations).toBeGreaterThanOrEqual(5)
    expect(operations).toBeLessThan(20)
    expect(await countOf(session.account)).toBe(before + 20n)
    console.log(
      `[sessionkit] burst of 20 from a fresh session: ${(performance.now() - started).toFixed(0)} ms`,
    )
  })

  test('behavior: the ordered lane lands actions in the order sent', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const move = (direction: number) => ({
      address: contracts.counter,
      abi: counterAbi,
      functionName: 'move' as const,
      args: [direction] as const,
    })
    const sent = []
    for (const direction of [1, 2, 3])
      sent.push(
        await sendSessionCalls(config, {
          id: session.id,
          calls: [move(direction)],
          lane: 'ordered',
        }),
      )
    await Promise.all(sent.map((s) => s.wait()))
    expect(
      await contracts.publicClient.readContract({
        address: contracts.counter,
        abi: counterAbi,
        functionName: 'positions',
        args: [session.account],
      }),
    ).toBe(3)
  })

  test('behavior: a batch of calls goes in one UserOperation', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    const before = await countOf(session.account)
    const sent = await sendSessionCalls(config, {
      id: session.id,
      calls: [increment(), increment(), increment()],
    })
    await sent.wait()
    expect(await countOf(session.account)).toBe(before + 3n)
  })
})

describe('limits, revoke and expiry', () => {
  test('behavior: a session with 2 actions is exhausted after them, client-side and in getSessions', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { actions: 2 }),
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [increment()] }),
    ).rejects.toMatchObject({
      name: 'SessionExhaustedError',
    })
    const status = await getSessionStatus(config, { id: session.id, fresh: true })
    expect(status.state).toBe('exhausted')
    expect(status.remaining.actionsUsed).toBe(2)
    expect(status.remaining.actionsLeft).toBe(0)
  })

  test('behavior: revoke takes one prompt, then the old session key is refused on chain', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    wallet.resetPrompts()
    const revoked = await revokeSession(config, { id: session.id })
    expect(wallet.promptCount()).toBe(1)
    expect(revoked.ids).toEqual([session.id])
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [increment()] }),
    ).rejects.toMatchObject({
      name: 'SessionRevokedError',
    })
    const before = await countOf(session.account)
    const forced = sendSessionCalls(
      config,
      { id: session.id, calls: [increment()] },
      { unsafeSkipCheck: true },
    ).then((s) => s.wait())
    await expect(forced).rejects.toMatchObject({
      name: expect.stringMatching(/BundlerError|SessionCallsRevertedError/),
    })
    expect(await countOf(session.account)).toBe(before)
    expect((await getSessionStatus(config, { id: session.id, fresh: true })).state).toBe('revoked')
  })

  test('behavior: a declined revoke prompt is a UserRejectedError and changes nothing', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    wallet.setDeclining(true)
    try {
      await expect(revokeSession(config, { id: session.id })).rejects.toMatchObject({
        name: 'UserRejectedError',
      })
    } finally {
      wallet.setDeclining(false)
    }
    const status = await getSessionStatus(config, { id: session.id, fresh: true })
    expect(status.state).toBe('active')
    expect(status.revokedAt).toBeUndefined()
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
  })

  test('behavior: revoke all disables every session of the account in one prompt', async () => {
    const a = await createSession(config, { policy: gamePolicy(contracts.counter) })
    const b = await createSession(config, { policy: gamePolicy(contracts.counter) })
    wallet.resetPrompts()
    const revoked = await revokeSession(config, { all: true })
    expect(wallet.promptCount()).toBe(1)
    expect(revoked.ids).toEqual(expect.arrayContaining([a.id, b.id]))
    const { sessions } = await getSessions(config, { fresh: true })
    expect(sessions.every((s) => s.state === 'revoked')).toBe(true)
  })

  test('behavior: after expiry (anvil time travel) the session is refused, client-side and on chain', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { expiresIn: 120 }),
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    await testClient.increaseTime({ seconds: 600 })
    await testClient.mine({ blocks: 1 })
    const before = await countOf(session.account)
    // The client learns the chain's clock with its next usage read.
    const status = await getSessionStatus(config, { id: session.id, fresh: true })
    expect(status.state).toBe('expired')
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [increment()] }),
    ).rejects.toMatchObject({
      name: 'SessionExpiredError',
    })
    const forced = sendSessionCalls(
      config,
      { id: session.id, calls: [increment()] },
      { unsafeSkipCheck: true },
    ).then((s) => s.wait())
    await expect(forced).rejects.toMatchObject({
      name: expect.stringMatching(/BundlerError|SessionCallsRevertedError/),
    })
    expect(await countOf(session.account)).toBe(before)
  })
})

describe('storage', () => {
  test('behavior: a declined prompt stores nothing and is a UserRejectedError', async () => {
    const before = (await getSessions(config)).sessions.length
    wallet.setDeclining(true)
    try {
      await expect(
        createSession(config, { policy: gamePolicy(contracts.counter) }),
      ).rejects.toMatchObject({
        name: 'UserRejectedError',
      })
    } finally {
      wallet.setDeclining(false)
    }
    expect((await getSessions(config)).sessions.length).toBe(before)
  })

  test('behavior: getSessions lists live state; checkSessionCalls says what would be allowed', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { actions: 5 }),
      label: 'game',
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const { sessions } = await getSessions(config, { fresh: true })
    const listed = sessions.find((s) => s.id === session.id)
    expect(listed).toMatchObject({
      state: 'active',
      label: 'game',
      remaining: { actionsUsed: 1, actionsLeft: 4 },
    })
    expect(listed?.expiresAt).toBe(session.expiresAt)
    const allowed = await checkSessionCalls(config, { id: session.id, calls: [increment()] })
    expect(allowed).toMatchObject({ allowed: true, remaining: { actionsLeft: 3 } })
    const refused = await checkSessionCalls(config, {
      id: session.id,
      calls: [
        {
          to: contracts.counter,
          data: encodeFunctionData({ abi: counterAbi, functionName: 'reset' }),
        },
      ],
    })
    expect(refused).toMatchObject({ allowed: false, reason: { code: 'function-not-allowed' } })
  })

  test('behavior: a reload (fresh storage and config over the same IndexedDB) keeps the session usable', async () => {
    const indexedDB = new IDBFactory()
    const settings = {
      wagmi,
      app: { name: 'Test game', url: 'https://game.example' },
      chains: {
        [devnet.chainId]: {
          bundlerUrl: devnet.bundlerUrl,
          paymasterUrl: devnet.paymasterUrl,
          environment: devnet.environment,
        },
      },
    }
    const first = createSessionConfig({
      ...settings,
      storage: createIndexedDbStorage({ name: 'reload', indexedDB }),
    })
    const session = await createSession(first, {
      policy: gamePolicy(contracts.counter, { actions: 10 }),
    })
    await (await sendSessionCalls(first, { id: session.id, calls: [increment()] })).wait()

    wallet.resetPrompts()
    const reloaded = createSessionConfig({
      ...settings,
      storage: createIndexedDbStorage({ name: 'reload', indexedDB }),
    })
    const { sessions } = await getSessions(reloaded)
    expect(sessions.map((s) => s.id)).toContain(session.id)
    expect(sessions.find((s) => s.id === session.id)?.remaining.actionsUsed).toBe(1)
    const before = await countOf(session.account)
    await (await sendSessionCalls(reloaded, { id: session.id, calls: [increment()] })).wait()
    expect(await countOf(session.account)).toBe(before + 1n)
    expect(wallet.promptCount()).toBe(0)
  })
})

describe('several scopes under one root', () => {
  test('behavior: one action redeems the calls scope and the ERC-20 scope; the token cap holds client-side and on chain', async () => {
    const policy = definePolicy({
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      tokens: [
        { address: contracts.token, symbol: 'TEST', decimals: 18, total: parseEther('100') },
      ],
      validity: { expiresIn: 3600 },
    })
    wallet.resetPrompts()
    const session = await createSession(config, { policy })
    expect(wallet.promptCount()).toBe(1)
    expect(session.delegations.leaves.length).toBeGreaterThanOrEqual(2)
    const minter = createWalletClient({
      account: privateKeyToAccount(devnet.accounts[0]!.privateKey),
      chain: devnet.chain,
      transport: http(devnet.rpcUrl),
    })
    await contracts.publicClient.waitForTransactionReceipt({
      hash: await minter.writeContract({
        address: contracts.token,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [session.account, parseEther('1000')],
      }),
    })
    const bob = privateKeyToAccount(devnet.accounts[3]!.privateKey).address
    const transfer = (amount: bigint) => ({
      address: contracts.token,
      abi: testTokenAbi,
      functionName: 'transfer' as const,
      args: [bob, amount] as const,
    })
    const balance = () =>
      contracts.publicClient.readContract({
        address: contracts.token,
        abi: testTokenAbi,
        functionName: 'balanceOf',
        args: [bob],
      })
    const countBefore = await countOf(session.account)
    const bobBefore = await balance()
    const sent = await sendSessionCalls(config, {
      id: session.id,
      calls: [increment(), transfer(parseEther('40'))],
    })
    expect(sent.remaining.spend).toContainEqual(
      expect.objectContaining({ used: parseEther('40'), left: parseEther('60') }),
    )
    await sent.wait()
    expect(await countOf(session.account)).toBe(countBefore + 1n)
    expect(await balance()).toBe(bobBefore + parseEther('40'))

    await expect(
      sendSessionCalls(config, { id: session.id, calls: [transfer(parseEther('70'))] }),
    ).rejects.toMatchObject({
      name: 'SessionScopeError',
      reason: { code: 'spend-over-cap' },
    })
    const forced = sendSessionCalls(
      config,
      { id: session.id, calls: [transfer(parseEther('70'))] },
      { unsafeSkipCheck: true },
    ).then((s) => s.wait())
    await expect(forced).rejects.toMatchObject({
      name: expect.stringMatching(/BundlerError|SessionCallsRevertedError/),
    })
    expect(await balance()).toBe(bobBefore + parseEther('40'))
    expect(wallet.promptCount()).toBe(1)
  })

  test('behavior: native transfers under a total cap: within it lands, over it is refused before sending', async () => {
    const bob = privateKeyToAccount(devnet.accounts[4]!.privateKey).address
    const policy = definePolicy({
      native: { total: parseEther('1'), transfers: { to: [bob] } },
      validity: { expiresIn: 3600 },
    })
    const session = await createSession(config, { policy })
    await testClient.setBalance({ address: session.account, value: parseEther('5') })
    const before = await contracts.publicClient.getBalance({ address: bob })
    await (
      await sendSessionCalls(config, {
        id: session.id,
        calls: [{ to: bob, value: parseEther('0.6') }],
      })
    ).wait()
    expect(await contracts.publicClient.getBalance({ address: bob })).toBe(
      before + parseEther('0.6'),
    )
    await expect(
      sendSessionCalls(config, { id: session.id, calls: [{ to: bob, value: parseEther('0.6') }] }),
    ).rejects.toMatchObject({ name: 'SessionScopeError', reason: { code: 'spend-over-cap' } })
    const forced = sendSessionCalls(
      config,
      { id: session.id, calls: [{ to: bob, value: parseEther('0.6') }] },
      { unsafeSkipCheck: true },
    ).then((s) => s.wait())
    await expect(forced).rejects.toMatchObject({
      name: expect.stringMatching(/BundlerError|SessionCallsRevertedError/),
    })
    expect(await contracts.publicClient.getBalance({ address: bob })).toBe(
      before + parseEther('0.6'),
    )
  })
})

describe('joined actions (parallel lane)', () => {
  const move = (direction: number) => ({
    address: contracts.counter,
    abi: counterAbi,
    functionName: 'move' as const,
    args: [direction] as const,
  })

  test('behavior: 100 actions fired at once all land, joined into far fewer UserOperations', async () => {
    const session = await createSession(config, { policy: gamePolicy(contracts.counter) })
    const single = performance.now()
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const singleMs = performance.now() - single
    const before = await countOf(session.account)
    const started = performance.now()
    const sent = await Promise.all(
      Array.from({ length: 100 }, () =>
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ),
    )
    const receipts = await Promise.all(sent.map((s) => s.wait()))
    const wall = performance.now() - started
    expect(receipts.every((r) => r.success)).toBe(true)
    expect(await countOf(session.account)).toBe(before + 100n)
    const operations = new Set(sent.map((s) => s.hash)).size
    // the first actions go alone at once; the rest wait a task and share operations of ≤ 16 calls
    expect(operations).toBeGreaterThanOrEqual(7)
    expect(operations).toBeLessThanOrEqual(30)
    console.log(
      `[sessionkit] burst of 100: ${operations} UserOperations, ${wall.toFixed(0)} ms (${(wall / singleMs).toFixed(1)}× one action of ${singleMs.toFixed(0)} ms)`,
    )
  })

  test('behavior: a joined action that reverts on chain fails alone; the others in its UserOperation land and count', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { actions: 200 }),
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    // move(9) passes the policy (any direction) but the contract reverts it: every fifth action
    const calls = Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? move(9) : increment()))
    const sent = await Promise.all(
      calls.map((call) => sendSessionCalls(config, { id: session.id, calls: [call] })),
    )
    const outcomes = await Promise.allSettled(sent.map((s) => s.wait()))
    const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []))
    expect(failed).toEqual([4, 9, 14, 19, 24, 29, 34, 39])
    for (const i of failed)
      expect((outcomes[i] as PromiseRejectedResult).reason.name).toBe('SessionCallsRevertedError')
    expect(await countOf(session.account)).toBe(before + 32n)
    // at least one failed action shared its UserOperation with actions that landed
    const landedHashes = new Set(sent.filter((_, i) => !failed.includes(i)).map((s) => s.hash))
    expect(failed.some((i) => landedHashes.has(sent[i]!.hash))).toBe(true)
    // the chain counted only what landed (a reverted execution undoes its call count)
    const status = await getSessionStatus(config, { id: session.id, fresh: true })
    expect(status.remaining.actionsUsed).toBe(33)
  })

  test('behavior: 40 actions fired at once on a session with 30 left: 30 land, 10 are refused before sending', async () => {
    const session = await createSession(config, {
      policy: gamePolicy(contracts.counter, { actions: 31 }),
    })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    const sent = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ),
    )
    const refused = sent.filter((s) => s.status === 'rejected')
    expect(refused).toHaveLength(10)
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason.name).toBe('SessionExhaustedError')
    const accepted = sent.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    expect(
      accepted.map((a) => a.remaining.actionsLeft).sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual(Array.from({ length: 30 }, (_, i) => i))
    await Promise.all(accepted.map((a) => a.wait()))
    expect(await countOf(session.account)).toBe(before + 30n)
  })

  test('behavior: coalesce: 1 sends one UserOperation per action', async () => {
    const separate = gameConfig({ engine: { coalesce: 1 } })
    const session = await createSession(separate, { policy: gamePolicy(contracts.counter) })
    await (await sendSessionCalls(separate, { id: session.id, calls: [increment()] })).wait()
    const sent = await Promise.all(
      Array.from({ length: 12 }, () =>
        sendSessionCalls(separate, { id: session.id, calls: [increment()] }),
      ),
    )
    await Promise.all(sent.map((s) => s.wait()))
    expect(new Set(sent.map((s) => s.hash)).size).toBe(12)
  })
})
