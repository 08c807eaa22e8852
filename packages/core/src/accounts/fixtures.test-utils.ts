/** A v0.7 UserOperation without sender, for account signing tests. */
export const userOperation = {
  callData: '0x1234',
  callGasLimit: 100_000n,
  maxFeePerGas: 2_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
  nonce: 7n << 64n,
  preVerificationGas: 50_000n,
  verificationGasLimit: 300_000n,
  paymaster: '0x998aBeB3E57409262aE5b751f60747921B33613E',
  paymasterData: '0xabcdef',
  paymasterPostOpGasLimit: 1n,
  paymasterVerificationGasLimit: 60_000n,
  signature: '0x',
} as const
