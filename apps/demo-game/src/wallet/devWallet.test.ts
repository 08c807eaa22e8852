import { type Devnet, startDevnet } from '@sessionkit/devnet'
import {
  createPublicClient,
  http,
  type PublicClient,
  parseEther,
  UserRejectedRequestError,
  verifyMessage,
  verifyTypedData,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createConfig, createStorage } from 'wagmi'
import {
  connect,
  getConnectorClient,
  reconnect,
  sendTransaction,
  signMessage,
  signTypedData,
} from 'wagmi/actions'
import { type Approvals, createApprovals } from './approvals.js'
import { devWallet } from './devWallet.js'

let devnet: Devnet
let publicClient: PublicClient
beforeAll(async () => {
  devnet = await startDevnet()
  publicClient = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
})
afterAll(async () => {
  await devnet?.stop()
})

/** Answers every request as `answer` says, like a user clicking in the sheet. */
function autoAnswer(approvals: Approvals, answer: () => boolean) {
  approvals.subscribe(() => {
    for (const r of approvals.getSnapshot().pending) approvals.answer(r.id, answer())
  })
}

function setup(answer: () => boolean = () => true) {
  const approvals = createApprovals()
  autoAnswer(approvals, answer)
  const map = new Map<string, string>()
  const storage = createStorage({
    storage: {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    },
  })
  const dev = devnet.accounts[2]!
  const make = () =>
    createConfig({
      chains: [devnet.chain],
      connectors: [devWallet({ privateKey: dev.privateKey, approvals })],
      transports: { [devnet.chain.id]: http(devnet.rpcUrl) },
      storage,
    })
  return { approvals, config: make(), make, address: dev.address }
}

const typedData = {
  domain: {
    name: 'Dungeon',
    version: '1',
    chainId: 31337,
    verifyingContract: '0x0000000000000000000000000000000000000001',
  },
  types: {
    Move: [
      { name: 'dir', type: 'uint8' },
      { name: 'salt', type: 'uint256' },
    ],
  },
  primaryType: 'Move',
  message: { dir: 2, salt: 123456789012345678901234567890n },
} as const

describe('devWallet', () => {
  test('behavior: connects without a prompt, then prompts once per signature and signs with its key', async () => {
    const { approvals, config, address } = setup()
    const { accounts } = await connect(config, { connector: config.connectors[0]! })
    expect(accounts).toEqual([address])
    expect(approvals.getSnapshot().count).toBe(0)

    const signature = await signTypedData(config, typedData)
    expect(await verifyTypedData({ address, signature, ...typedData })).toBe(true)
    const messageSignature = await signMessage(config, { message: 'enter the dungeon' })
    expect(
      await verifyMessage({ address, message: 'enter the dungeon', signature: messageSignature }),
    ).toBe(true)

    const to = devnet.accounts[3]!.address
    const before = await publicClient.getBalance({ address: to })
    const hash = await sendTransaction(config, { to, value: parseEther('0.5') })
    expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')
    expect((await publicClient.getBalance({ address: to })) - before).toBe(parseEther('0.5'))
    expect(approvals.getSnapshot().count).toBe(3)
  })

  test('error: a rejected prompt throws UserRejectedRequestError (4001) and signs nothing', async () => {
    const { approvals, config } = setup(() => false)
    await connect(config, { connector: config.connectors[0]! })
    const error = await signTypedData(config, typedData).catch((e) => e)
    expect(error).toBeInstanceOf(UserRejectedRequestError)
    expect((error as UserRejectedRequestError).code).toBe(4001)
    await expect(signMessage(config, { message: 'x' })).rejects.toThrow(UserRejectedRequestError)
    expect(approvals.getSnapshot().count).toBe(2)
  })

  test('behavior: a reload reconnects through storage without a prompt', async () => {
    const { approvals, config, make, address } = setup()
    await connect(config, { connector: config.connectors[0]! })
    const reloaded = make()
    const [connection] = await reconnect(reloaded)
    expect(connection?.accounts).toEqual([address])
    const client = await getConnectorClient(reloaded)
    expect(client.account.address).toBe(address)
    expect(approvals.getSnapshot().count).toBe(0)
  })

  test('error: requests for another account or chain are refused with DevWalletError', async () => {
    const { config } = setup()
    await connect(config, { connector: config.connectors[0]! })
    const provider = (await config.connectors[0]!.getProvider()) as {
      request(args: { method: string; params?: unknown }): Promise<unknown>
    }
    await expect(
      provider.request({ method: 'personal_sign', params: ['0x00', devnet.accounts[0]!.address] }),
    ).rejects.toMatchObject({ name: 'DevWalletError' })
    await expect(
      provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }),
    ).rejects.toMatchObject({ name: 'DevWalletError' })
    expect(await provider.request({ method: 'eth_blockNumber' })).toMatch(/^0x/)
  })
})
