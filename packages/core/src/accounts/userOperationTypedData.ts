import type { Address } from 'viem'
import { toPackedUserOperation, type UserOperation } from 'viem/account-abstraction'

/*
 * Only wallet owners (revoking) sign a UserOperation as typed data; the session key signs the digest
 * (`getUserOperationDigest`). So this loads on first use, and imports nothing of the kit at run time:
 * a module shared with the main bundle would split that bundle into chunks.
 */

/** EIP-712 types a HybridDeleGator validates a UserOperation signature against. */
export const packedUserOperationTypes = {
  PackedUserOperation: [
    { name: 'sender', type: 'address' },
    { name: 'nonce', type: 'uint256' },
    { name: 'initCode', type: 'bytes' },
    { name: 'callData', type: 'bytes' },
    { name: 'accountGasLimits', type: 'bytes32' },
    { name: 'preVerificationGas', type: 'uint256' },
    { name: 'gasFees', type: 'bytes32' },
    { name: 'paymasterAndData', type: 'bytes' },
    { name: 'entryPoint', type: 'address' },
  ],
} as const

/** The typed data a HybridDeleGator's owner signs for a UserOperation (mirrors the kit's `signUserOperation`). */
export function getUserOperationTypedData(parameters: {
  userOperation: UserOperation<'0.7'>
  address: Address
  chainId: number
  entryPoint: Address
}) {
  const packed = toPackedUserOperation({ ...parameters.userOperation, signature: '0x' })
  return {
    domain: {
      name: 'HybridDeleGator',
      version: '1',
      chainId: parameters.chainId,
      verifyingContract: parameters.address,
    },
    types: packedUserOperationTypes,
    primaryType: 'PackedUserOperation' as const,
    message: { ...packed, entryPoint: parameters.entryPoint },
  }
}
