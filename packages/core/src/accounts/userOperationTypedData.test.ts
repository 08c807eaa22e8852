import { hashTypedData } from 'viem'
import { describe, expect, test } from 'vitest'
import { userOperation } from './fixtures.test-utils.js'
import { getUserOperationDigest } from './toDeleGatorAccount.js'
import { getUserOperationTypedData } from './userOperationTypedData.js'

const parameters = {
  userOperation: { ...userOperation, sender: '0x1111111111111111111111111111111111111111' },
  address: '0x1111111111111111111111111111111111111111',
  chainId: 11155111,
  entryPoint: '0x0000000071727De22E5E9d8BAf0edAc6f37da032',
} as const

describe('getUserOperationTypedData', () => {
  test('behavior: hashes to the digest the session key signs', () => {
    expect(hashTypedData(getUserOperationTypedData(parameters))).toBe(
      getUserOperationDigest(parameters),
    )
  })
})
