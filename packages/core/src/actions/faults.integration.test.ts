import { type Devnet, startDevnet } from '@sessionkit/devnet'
import { connectTestWallet, createTestWagmiConfig, createTestWallet } from '@sessionkit/test'
import { counterAbi, deployTestContracts, type TestContracts } from '@sessionkit/test/contracts'
import { type Address, createTestClient, http, type PublicClient } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSessionConfig, type SessionConfig } from '../createSessionConfig.js'
import { definePolicy } from '../policy/definePolicy.js'
import { createMemoryStorage } from '../storage/memory.js'
import { createSession } from './createSession.js'
import { getSessionStatus } from './getSessionStatus.js'
import { revokeSession } from './revokeSession.js'
import { sendSessionCalls } from './sendSessionCalls.js'

// Fault injection needs a devnet of its own (the shared one must keep its bundler and paymaster up).
let devnet: Devnet
let contracts: TestContracts & { publicClient: PublicClient }
let config: SessionConfig
let wallet: ReturnType<typeof createTestWallet>

beforeAll(async () => {
  devnet = await startDevnet()
  contracts = (await deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: devnet.accounts[0]!.privateKey,
  })) as typeof contracts
  wallet = createTestWallet({ privateKey: devnet.accounts[1]!.privateKey })
  const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
  await connectTestWallet(wagmi, wallet)
  config = createSessionConfig({
    wagmi,
    app: { name: 'Faults', url: 'https://faults.example' },
    chains: {
      [devnet.chain.id]: {
        bundlerUrl: devnet.bundlerUrl,
        paymasterUrl: devnet.paymasterUrl,
        environment: devnet.environment,
      },
    },
    storage: createMemoryStorage(),
    engine: { receiptTimeout: 8_000 },
  })
})

afterAll(async () => {
  await devnet?.stop()
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
const policy = () =>
  definePolicy({
    calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
    actions: 50,
    validity: { expiresIn: 3600 },
  })

describe('paymaster faults', () => {
  test('error: a refusing paymaster gives PaymasterError, nothing lands, usage is unchanged, and the session works again after', async () => {
    const session = await createSession(config, { policy: policy() })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    devnet.faults.setPaymasterMode('refuse')
    try {
      await expect(
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ).rejects.toMatchObject({
        name: 'PaymasterError',
        cause: expect.anything(),
      })
    } finally {
      devnet.faults.setPaymasterMode('sponsor')
    }
    expect(await countOf(session.account)).toBe(before)
    expect(
      (await getSessionStatus(config, { id: session.id, fresh: true })).remaining.actionsUsed,
    ).toBe(1)
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    expect(await countOf(session.account)).toBe(before + 1n)
  })

  test('behavior: after an ordered action fails to send, the next ordered action reads its nonce again and lands', async () => {
    const session = await createSession(config, { policy: policy() })
    const ordered = () =>
      sendSessionCalls(config, { id: session.id, calls: [increment()], lane: 'ordered' })
    await (await ordered()).wait()
    const before = await countOf(session.account)
    devnet.faults.setPaymasterMode('refuse')
    try {
      await expect(ordered()).rejects.toMatchObject({ name: 'PaymasterError' })
    } finally {
      devnet.faults.setPaymasterMode('sponsor')
    }
    // the failed action's nonce was never used: a lane that skipped past it would wait for it forever
    const receipts = [await (await ordered()).wait(), await (await ordered()).wait()]
    expect(receipts.map((r) => r.success)).toEqual([true, true])
    expect(await countOf(session.account)).toBe(before + 2n)
  })

  test('error: a paymaster that is down gives PaymasterError, also for a revoke (nothing is marked revoked)', async () => {
    const session = await createSession(config, { policy: policy() })
    devnet.faults.setPaymasterMode('down')
    try {
      await expect(
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ).rejects.toMatchObject({
        name: 'PaymasterError',
      })
      await expect(revokeSession(config, { id: session.id })).rejects.toMatchObject({
        name: 'PaymasterError',
      })
    } finally {
      devnet.faults.setPaymasterMode('sponsor')
    }
    const status = await getSessionStatus(config, { id: session.id, fresh: true })
    expect(status.state).toBe('active')
    expect(status.revokedAt).toBeUndefined()
  })
})

describe('bundler faults', () => {
  test('error: with the bundler stopped, sending is a BundlerError; after a restart the session acts again', async () => {
    const session = await createSession(config, { policy: policy() })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    await devnet.faults.stopBundler()
    try {
      await expect(
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ).rejects.toMatchObject({
        name: 'BundlerError',
      })
    } finally {
      await devnet.faults.startBundler()
    }
    const before = await countOf(session.account)
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    expect(await countOf(session.account)).toBe(before + 1n)
  })

  test('behavior: killing the bundler during a burst of 20 leaves no action pending: each lands or ends in a typed error', async () => {
    const session = await createSession(config, { policy: policy() })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const before = await countOf(session.account)
    let sentCount = 0
    let killed: Promise<void> | undefined
    const outcomes = Array.from({ length: 20 }, async () => {
      try {
        const sent = await sendSessionCalls(config, { id: session.id, calls: [increment()] })
        // Kill the bundler once 8 actions are in its mempool.
        if (++sentCount === 8) killed = devnet.faults.stopBundler()
        await sent.wait()
        return 'landed'
      } catch (error) {
        return (error as Error).name
      }
    })
    const results = await Promise.all(outcomes)
    await killed
    await devnet.faults.startBundler()
    const landed = results.filter((r) => r === 'landed').length
    expect(results.every((r) => r === 'landed' || r === 'BundlerError')).toBe(true)
    expect(await countOf(session.account)).toBe(before + BigInt(landed))
    console.log(
      `[sessionkit] bundler killed mid-burst: ${landed} landed, ${results.length - landed} BundlerError, 0 pending`,
    )
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
  })
})

describe('chain reset', () => {
  test('behavior: when the Delegation Framework is gone from the chain, the session is reported missing and not used', async () => {
    const session = await createSession(config, { policy: policy() })
    await (await sendSessionCalls(config, { id: session.id, calls: [increment()] })).wait()
    const testClient = createTestClient({
      mode: 'anvil',
      chain: devnet.chain,
      transport: http(devnet.rpcUrl),
    })
    const manager = devnet.environment.DelegationManager
    const code = await contracts.publicClient.getCode({ address: manager })
    await testClient.setCode({ address: manager, bytecode: '0x' })
    try {
      expect((await getSessionStatus(config, { id: session.id, fresh: true })).state).toBe(
        'missing',
      )
      await expect(
        sendSessionCalls(config, { id: session.id, calls: [increment()] }),
      ).rejects.toMatchObject({
        name: 'SessionMissingError',
      })
    } finally {
      await testClient.setCode({ address: manager, bytecode: code as `0x${string}` })
    }
    expect((await getSessionStatus(config, { id: session.id, fresh: true })).state).toBe('active')
  })
})
