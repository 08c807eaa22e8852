import { describe, expect, test } from 'vitest'
import type { Engine } from './createEngines.js'
import { claimDeployment, probeDeployment } from './deployments.js'

const address = '0x1111111111111111111111111111111111111111'
const fakeEngine = (codes: (string | undefined)[]) => {
  let reads = 0
  const engine = {
    publicClient: {
      getCode: async () => {
        reads++
        await new Promise((resolve) => setTimeout(resolve, 5))
        return codes.shift()
      },
    },
  } as unknown as Engine
  return { engine, reads: () => reads }
}

describe('claimDeployment', () => {
  test('behavior: of concurrent callers for an undeployed account, one claims and the others wait for it', async () => {
    const { engine, reads } = fakeEngine([undefined])
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        claimDeployment(engine, address).then((claim) => {
          setTimeout(() => claim?.settle(true), 10)
          return claim
        }),
      ),
    )
    expect(results.filter((r) => r !== null)).toHaveLength(1)
    expect(reads()).toBe(1)
    expect(await claimDeployment(engine, address)).toBeNull()
  })

  test('behavior: a deployed account needs no claim, and probing first saves the read', async () => {
    const { engine, reads } = fakeEngine(['0x6080'])
    await probeDeployment(engine, address)
    expect(await claimDeployment(engine, address)).toBeNull()
    expect(reads()).toBe(1)
  })

  test('behavior: after a failed deployment the account is looked up again', async () => {
    const { engine, reads } = fakeEngine([undefined, '0x6080'])
    const claim = await claimDeployment(engine, address)
    expect(claim).not.toBeNull()
    claim?.settle(false)
    expect(await claimDeployment(engine, address)).toBeNull()
    expect(reads()).toBe(2)
  })
})
