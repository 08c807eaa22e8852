import { counterAbi, deployTestContracts } from '@sessionkit/test/contracts'
import { type Address, type Chain, encodeFunctionData, type Hex, type PublicClient } from 'viem'

export { counterAbi }

/** `increment()` on the shared test Counter: the calldata of every benchmarked action. */
export const incrementData: Hex = encodeFunctionData({ abi: counterAbi, functionName: 'increment' })

/** Deploys the shared test contracts from a funded key and returns the Counter's address. */
export async function deployCounter(parameters: {
  chain: Chain
  rpcUrl: string
  privateKey: Hex
}): Promise<Address> {
  const { counter } = await deployTestContracts(parameters)
  return counter
}

/** Reads the Counter's `total()` (increments by anyone). */
export async function readCounter(publicClient: PublicClient, address: Address): Promise<bigint> {
  return publicClient.readContract({ address, abi: counterAbi, functionName: 'total' })
}
