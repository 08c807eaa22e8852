import { hashTypedData } from 'viem'
import { describe, expect, test } from 'vitest'
import { getUserOperationDigest } from './toDeleGatorAccount.js'
import { getUserOperationTypedData } from './userOperationTypedData.js'

const parameters = {
  userOperation: {
    sender: '0x1111111111111111111111111111111111111111',
    callData: '0x1234',
    callGasLimit: 100_000n,
    maxFeePerGas: 2_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
    nonce: 7n << 64n,
    preVerificationGas: 50_000n,
    verificationGasLimit: 300_000n,
    signature: '0x',
  },
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
