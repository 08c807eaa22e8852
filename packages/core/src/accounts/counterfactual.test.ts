import {
  getSmartAccountsEnvironment,
  Implementation,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { createPublicClient, custom } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { getDeleGatorDeployment } from './counterfactual.js'

const environment = getSmartAccountsEnvironment(sepolia.id)
const client = createPublicClient({
  chain: sepolia,
  transport: custom({
    // Only eth_getCode is asked (an undeployed account): anything else is a test bug.
    request: async ({ method }) => {
      if (method === 'eth_getCode') return '0x'
      throw new Error(`no network in unit tests (${method})`)
    },
  }),
})

describe('getDeleGatorDeployment', () => {
  test('behavior: address and factory data equal the kit toMetaMaskSmartAccount for random owners', async () => {
    for (let i = 0; i < 3; i++) {
      const owner = privateKeyToAccount(generatePrivateKey())
      const kit = await toMetaMaskSmartAccount({
        client,
        implementation: Implementation.Hybrid,
        deployParams: [owner.address, [], [], []],
        deploySalt: '0x',
        signer: { account: owner },
        environment,
      })
      const ours = getDeleGatorDeployment({ owner: owner.address, environment })
      expect(ours.address).toBe(kit.address)
      expect(await kit.getFactoryArgs()).toEqual({
        factory: ours.factory,
        factoryData: ours.factoryData,
      })
    }
  })

  test('behavior: another owner gives another address', () => {
    const a = getDeleGatorDeployment({
      owner: privateKeyToAccount(generatePrivateKey()).address,
      environment,
    })
    const b = getDeleGatorDeployment({
      owner: privateKeyToAccount(generatePrivateKey()).address,
      environment,
    })
    expect(a.address).not.toBe(b.address)
  })
})
