import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem'
import { dungeonAbi, dungeonBytecode } from '../src/contracts/dungeon.js'
import { DungeonDeployError } from './errors.js'

/** Deploys the Dungeon game contract and waits for it; returns its address. */
export async function deployDungeon(parameters: {
  publicClient: PublicClient
  walletClient: WalletClient<Transport, Chain, Account>
}): Promise<Address> {
  const { publicClient, walletClient } = parameters
  let receipt: Awaited<ReturnType<PublicClient['waitForTransactionReceipt']>>
  try {
    const hash = await walletClient.deployContract({ abi: dungeonAbi, bytecode: dungeonBytecode })
    receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
  } catch (cause) {
    throw new DungeonDeployError({ cause })
  }
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new DungeonDeployError({ details: `transaction ${receipt.transactionHash} reverted` })
  return receipt.contractAddress
}
