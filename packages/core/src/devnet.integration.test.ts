import { getDevnet } from '@sessionkit/test'
import { createPublicClient, http } from 'viem'
import { describe, expect, test } from 'vitest'

describe('shared devnet', () => {
  test('behavior: the run-wide devnet is reachable and has the Delegation Framework', async () => {
    const devnet = getDevnet()
    const client = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
    expect(await client.getChainId()).toBe(devnet.chainId)
    expect(
      (await client.getCode({ address: devnet.environment.DelegationManager }))?.length,
    ).toBeGreaterThan(100)
  })
})
