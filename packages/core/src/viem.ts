/**
 * What core uses of viem and wagmi at runtime, imported in one place: a bundler keeps one import
 * statement per module and package, so importing them here once instead of in each module keeps
 * the app's bundle smaller. Types are imported from the packages directly, and so are values only
 * lazily loaded modules use (the main chunk would otherwise import them too).
 */

export { getConnection, signTypedData } from '@wagmi/core'
export {
  bytesToHex,
  concatHex,
  createClient,
  custom,
  decodeAbiParameters,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  formatUnits,
  getAddress,
  getContractAddress,
  hashStruct,
  hashTypedData,
  hexToBytes,
  http,
  isAddress,
  isHex,
  keccak256,
  maxUint256,
  numberToHex,
  pad,
  parseAbi,
  parseAbiItem,
  publicActions,
  size,
  slice,
  toFunctionSelector,
  toFunctionSignature,
  toHex,
} from 'viem'
export {
  createBundlerClient,
  createPaymasterClient,
  entryPoint07Abi,
  estimateUserOperationGas,
  getPaymasterData,
  getPaymasterStubData,
  getUserOperationReceipt,
  sendUserOperation,
  toPackedUserOperation,
  toSmartAccount,
} from 'viem/account-abstraction'
export { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
export { getBlock, readContract } from 'viem/actions'
