import { connectTestWallet } from '@sessionkit/test'
import { describe, expect, test } from 'vitest'
import { ConnectionChangedError } from '../errors/connection.js'
import { createTestSetup } from '../test/createTestSetup.js'
import { assertScope } from './scope.js'

describe('assertScope', () => {
  test('error: a query made for one wallet or chain refuses to run for another', async () => {
    const { config, wagmi, wallets } = await createTestSetup({ wallets: 2 })
    const chainId = wagmi.chains[0].id
    expect(() => assertScope(config, { owner: wallets[0]!.address, chainId })).not.toThrow()
    // Key made for the same wallet with another address casing: still the same scope.
    expect(() =>
      assertScope(config, { owner: wallets[0]!.address.toLowerCase() as `0x${string}`, chainId }),
    ).not.toThrow()
    await connectTestWallet(wagmi, wallets[1]!)
    expect(() => assertScope(config, { owner: wallets[0]!.address, chainId })).toThrow(
      ConnectionChangedError,
    )
    expect(() => assertScope(config, { owner: wallets[1]!.address, chainId: chainId + 1 })).toThrow(
      ConnectionChangedError,
    )
  })
})
