import {
  getSmartAccountsEnvironment,
  Implementation,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { createPublicClient, custom, decodeFunctionData, encodeFunctionData, parseAbi } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { hybridDeleGatorAbi } from './abis.js'
import { batchDefaultMode, singleDefaultMode } from './executions.js'
import { userOperation } from './fixtures.test-utils.js'
import { toDeleGatorAccount } from './toDeleGatorAccount.js'

const environment = getSmartAccountsEnvironment(sepolia.id)
const client = createPublicClient({
  chain: sepolia,
  transport: custom({
    request: async ({ method }) => {
      if (method === 'eth_getCode') return '0x'
      throw new Error(`no network in unit tests (${method})`)
    },
  }),
})
const erc20 = parseAbi(['function transfer(address to, uint256 amount)'])

describe('toDeleGatorAccount', () => {
  test('behavior: same address and the same UserOperation signature as the kit toMetaMaskSmartAccount', async () => {
    const privateKey = generatePrivateKey()
    const owner = privateKeyToAccount(privateKey)
    const kit = await toMetaMaskSmartAccount({
      client,
      implementation: Implementation.Hybrid,
      deployParams: [owner.address, [], [], []],
      deploySalt: '0x',
      signer: { account: owner },
      environment,
    })
    const ours = await toDeleGatorAccount({
      client,
      owner: {
        address: owner.address,
        signTypedData: (typedData) => owner.signTypedData(typedData as never),
      },
      environment,
    })
    expect(ours.address).toBe(kit.address)
    const op = { ...userOperation, sender: kit.address }
    expect(await ours.signUserOperation(op)).toBe(await kit.signUserOperation(op))
    expect(await ours.getStubSignature()).toBe(await kit.getStubSignature())
    // an owner that signs digests directly (the session key) gives the same signature
    const direct = await toDeleGatorAccount({
      client,
      owner: {
        address: owner.address,
        signTypedData: () => Promise.reject(new Error('the digest path must be used')),
        sign: (parameters) => owner.sign(parameters),
      },
      environment,
    })
    for (const variant of [
      op,
      { ...op, callData: `0x${'5a'.repeat(3000)}`, nonce: 0n },
      { ...op, factory: environment.SimpleFactory, factoryData: '0xdeadbeef' },
      { ...op, paymaster: undefined, paymasterData: undefined },
    ] as const)
      expect(await direct.signUserOperation(variant as never)).toBe(
        await kit.signUserOperation(variant as never),
      )
  })

  test('behavior: encodes one call and a batch as ERC-7579 execute(mode, calldata) the account decodes', async () => {
    const owner = privateKeyToAccount(generatePrivateKey())
    const account = await toDeleGatorAccount({
      client,
      owner: {
        address: owner.address,
        signTypedData: (typedData) => owner.signTypedData(typedData as never),
      },
      environment,
    })
    const data = encodeFunctionData({
      abi: erc20,
      functionName: 'transfer',
      args: [owner.address, 5n],
    })
    const single = decodeFunctionData({
      abi: hybridDeleGatorAbi,
      data: await account.encodeCalls([{ to: owner.address, data }]),
    })
    expect(single.args?.[0]).toBe(singleDefaultMode)
    const batch = decodeFunctionData({
      abi: hybridDeleGatorAbi,
      data: await account.encodeCalls([
        { to: owner.address, data },
        { to: owner.address, value: 1n },
      ]),
    })
    expect(batch.args?.[0]).toBe(batchDefaultMode)
  })
})
