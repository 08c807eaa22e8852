import {
  getBalance,
  getConnection,
  sendTransaction,
  signMessage,
  signTypedData,
  switchChain,
  waitForTransactionReceipt,
} from '@wagmi/core'
import {
  defineChain,
  parseEther,
  recoverMessageAddress,
  recoverTypedDataAddress,
  UserRejectedRequestError,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { getDevnet } from '../devnet.js'
import { connectTestWallet, createTestWagmiConfig } from './createTestWagmiConfig.js'
import { createTestWallet } from './createTestWallet.js'

const typedData = {
  domain: { name: 'Test', version: '1', chainId: 1 },
  types: { Greeting: [{ name: 'text', type: 'string' }] },
  primaryType: 'Greeting',
  message: { text: 'hello' },
} as const

function setup() {
  const devnet = getDevnet()
  const [a, b] = devnet.accounts
  if (!a || !b) throw new Error('the devnet has fewer than two dev accounts')
  const alice = createTestWallet({ privateKey: a.privateKey })
  const bob = createTestWallet({ privateKey: b.privateKey })
  const other = defineChain({ ...devnet.chain, id: devnet.chain.id + 1, name: 'Other' })
  const config = createTestWagmiConfig({ chains: [devnet.chain, other], wallets: [alice, bob] })
  return { devnet, alice, bob, other, config }
}

describe('createTestWallet', () => {
  test('behavior: signs typed data and messages with the real key, one counted prompt each', async () => {
    const { alice, config } = setup()
    await connectTestWallet(config, alice)
    const signature = await signTypedData(config, typedData)
    expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(alice.address)
    const message = await signMessage(config, { message: 'hi' })
    expect(await recoverMessageAddress({ message: 'hi', signature: message })).toBe(alice.address)
    expect(alice.prompts).toEqual([
      { method: 'eth_signTypedData_v4', declined: false },
      { method: 'personal_sign', declined: false },
    ])
    expect(alice.promptCount('personal_sign')).toBe(1)
  })

  test('behavior: sends a real transaction to the devnet', async () => {
    const { alice, bob, config } = setup()
    await connectTestWallet(config, alice)
    const before = await getBalance(config, { address: bob.address })
    const hash = await sendTransaction(config, { to: bob.address, value: parseEther('0.01') })
    const receipt = await waitForTransactionReceipt(config, { hash })
    expect(receipt.status).toBe('success')
    expect((await getBalance(config, { address: bob.address })).value - before.value).toBe(
      parseEther('0.01'),
    )
    expect(alice.promptCount('eth_sendTransaction')).toBe(1)
  })

  test('error: a declining wallet throws UserRejectedRequestError (4001) and counts the prompt', async () => {
    const { alice, config } = setup()
    await connectTestWallet(config, alice)
    alice.setDeclining(true)
    const error = await signTypedData(config, typedData).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserRejectedRequestError)
    expect((error as UserRejectedRequestError).code).toBe(4001)
    expect(alice.prompts).toEqual([{ method: 'eth_signTypedData_v4', declined: true }])
    alice.setDeclining(false)
    await signTypedData(config, typedData)
    expect(alice.promptCount()).toBe(2)
  })

  test('behavior: switches between two wallets and two chains in one config', async () => {
    const { alice, bob, other, config, devnet } = setup()
    await connectTestWallet(config, alice)
    await connectTestWallet(config, bob)
    expect(getConnection(config).address).toBe(bob.address)
    await connectTestWallet(config, alice)
    expect(getConnection(config).address).toBe(alice.address)
    await switchChain(config, { chainId: other.id })
    expect(getConnection(config).chainId).toBe(other.id)
    await switchChain(config, { chainId: devnet.chain.id })
    expect(getConnection(config).chainId).toBe(devnet.chain.id)
    expect(alice.promptCount() + bob.promptCount()).toBe(0)
  })
})
