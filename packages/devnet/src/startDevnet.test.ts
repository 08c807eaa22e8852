import { Implementation, toMetaMaskSmartAccount } from '@metamask/smart-accounts-kit'
import { createPublicClient, http, parseEther, zeroAddress } from 'viem'
import {
  createBundlerClient,
  createPaymasterClient,
  entryPoint07Address,
  toPackedUserOperation,
} from 'viem/account-abstraction'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { senderCreator07Address } from './contracts.js'
import { loadSingletonPaymaster07 } from './mockPaymaster.js'
import { paymasterHash } from './paymaster.js'
import { type Devnet, startDevnet } from './startDevnet.js'
import { isAlive } from './test/procs.js'

const alive = isAlive

describe('startDevnet', () => {
  let devnet: Devnet
  beforeAll(async () => {
    devnet = await startDevnet()
  })
  afterAll(async () => {
    await devnet?.stop()
  })

  test('behavior: EntryPoint v0.7 and its SenderCreator sit at their canonical addresses', async () => {
    const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
    expect(devnet.environment.EntryPoint).toBe(entryPoint07Address)
    expect((await client.getCode({ address: entryPoint07Address }))?.length).toBeGreaterThan(1000)
    expect((await client.getCode({ address: senderCreator07Address }))?.length).toBeGreaterThan(100)
    expect(
      (await client.getCode({ address: devnet.environment.DelegationManager }))?.length,
    ).toBeGreaterThan(1000)
  })

  test('behavior: a smart account with zero ETH deploys itself and makes a call through bundler + paymaster', async () => {
    const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
    const owner = privateKeyToAccount(generatePrivateKey())
    const account = await toMetaMaskSmartAccount({
      client,
      implementation: Implementation.Hybrid,
      deployParams: [owner.address, [], [], []],
      deploySalt: '0x',
      signer: { account: owner },
      environment: devnet.environment,
    })
    expect(await client.getBalance({ address: account.address })).toBe(0n)
    expect(await client.getCode({ address: account.address })).toBeUndefined()
    const bundler = createBundlerClient({
      client,
      account,
      transport: http(devnet.bundlerUrl),
      paymaster: createPaymasterClient({ transport: http(devnet.paymasterUrl) }),
      pollingInterval: 100,
    })
    const target = privateKeyToAccount(generatePrivateKey()).address
    const hash = await bundler.sendUserOperation({
      calls: [{ to: target, value: 0n, data: '0x' }],
      maxFeePerGas: parseEther('0.00000002'),
      maxPriorityFeePerGas: 1_000_000n,
    })
    const receipt = await bundler.waitForUserOperationReceipt({ hash, timeout: 30_000 })
    expect(receipt.success).toBe(true)
    expect(receipt.paymaster?.toLowerCase()).toBe(devnet.paymaster.address.toLowerCase())
    expect((await client.getCode({ address: account.address }))?.length).toBeGreaterThan(2)
    expect(await client.getBalance({ address: account.address })).toBe(0n)
    expect(devnet.paymaster.requests.get('pm_getPaymasterData')).toBeGreaterThan(0)
    expect(zeroAddress).not.toBe(account.address)
  })

  test('behavior: the paymaster service signs the hash SingletonPaymasterV7 computes on chain', async () => {
    const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
    const { singletonPaymaster07Abi } = await loadSingletonPaymaster07()
    const userOperation = {
      sender: privateKeyToAccount(generatePrivateKey()).address,
      nonce: 7n << 64n,
      factory: devnet.environment.SimpleFactory,
      factoryData: '0x1234',
      callData: `0x${'ab'.repeat(3000)}`,
      callGasLimit: 123_456n,
      verificationGasLimit: 654_321n,
      preVerificationGas: 50_000n,
      maxFeePerGas: 3_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
      paymaster: devnet.paymaster.address,
      paymasterVerificationGasLimit: 60_000n,
      paymasterPostOpGasLimit: 1n,
      // mode byte, validUntil, validAfter, then a signature the hash must not cover
      paymasterData: `0x01${'00'.repeat(12)}${'11'.repeat(65)}`,
      signature: '0x',
    } as const
    const onChain = await client.readContract({
      address: devnet.paymaster.address,
      abi: singletonPaymaster07Abi,
      functionName: 'getHash',
      args: [0, toPackedUserOperation(userOperation)],
    })
    const local = paymasterHash({
      userOperation,
      chainId: devnet.chain.id,
    })
    expect(local).toBe(onChain)
    // and it changes with what it covers
    expect(
      paymasterHash({
        userOperation: { ...userOperation, callData: '0xab' },
        chainId: devnet.chain.id,
      }),
    ).not.toBe(onChain)
  })

  test('behavior: a second devnet in the same process gets its own ports and chain', async () => {
    const second = await startDevnet()
    try {
      expect(second.rpcUrl).not.toBe(devnet.rpcUrl)
      expect(second.bundlerUrl).not.toBe(devnet.bundlerUrl)
      expect(second.paymasterUrl).not.toBe(devnet.paymasterUrl)
      const a = createPublicClient({ transport: http(devnet.rpcUrl) })
      const b = createPublicClient({ transport: http(second.rpcUrl) })
      const probe = privateKeyToAccount(generatePrivateKey()).address
      await b.request({ method: 'anvil_setBalance' as any, params: [probe, '0x1234'] as any })
      expect(await b.getBalance({ address: probe })).toBe(0x1234n)
      expect(await a.getBalance({ address: probe })).toBe(0n)
    } finally {
      await second.stop()
    }
    for (const pid of second.pids) expect(alive(pid)).toBe(false)
  })

  test('behavior: stop() leaves no child process behind', async () => {
    const third = await startDevnet()
    const pids = third.pids
    expect(pids.every(alive)).toBe(true)
    await third.stop()
    expect(pids.map(alive)).toEqual([false, false])
  })
})
