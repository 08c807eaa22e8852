import { DelegationManager, HybridDeleGator, SimpleFactory } from '@metamask/delegation-abis'
import { toFunctionSelector } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  delegationManagerAbi,
  disableDelegationAbi,
  hybridDeleGatorAbi,
  simpleFactoryAbi,
} from './abis.js'

const strip = (item: unknown): unknown =>
  JSON.parse(JSON.stringify(item, (key, value) => (key === 'internalType' ? undefined : value)))

describe('minimal ABI fragments', () => {
  test.each([
    ['DelegationManager', delegationManagerAbi, DelegationManager],
    ['DelegationManager (revoke)', disableDelegationAbi, DelegationManager],
    ['HybridDeleGator', hybridDeleGatorAbi, HybridDeleGator],
    ['SimpleFactory', simpleFactoryAbi, SimpleFactory],
  ] as const)(
    'behavior: every %s fragment equals an entry of the published ABI',
    (_, fragments, published) => {
      for (const fragment of fragments) {
        const selector = toFunctionSelector(fragment as never)
        const entry = published.find(
          (item) =>
            item.type === 'function' &&
            item.name === fragment.name &&
            toFunctionSelector(item as never) === selector,
        )
        expect(entry, fragment.name).toBeDefined()
        expect(strip(entry)).toEqual(strip(fragment))
      }
    },
  )
})
