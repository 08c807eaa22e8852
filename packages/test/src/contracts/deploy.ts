import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type Transport,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  counterAbi,
  counterBytecode,
  testTokenAbi,
  testTokenBytecode,
  vaultAbi,
  vaultBytecode,
} from './artifacts.js'

export type TestContracts = {
  counter: Address
  token: Address
  vault: Address
}

/** Deploys Counter, TestToken and Vault from a funded devnet key; returns their addresses. */
export async function deployTestContracts(parameters: {
  chain: Chain
  rpcUrl: string
  privateKey: Hex
}): Promise<TestContracts & { publicClient: PublicClient<Transport, Chain> }> {
  const account = privateKeyToAccount(parameters.privateKey)
  const transport = http(parameters.rpcUrl)
  const publicClient = createPublicClient({ chain: parameters.chain, transport }) as PublicClient<
    Transport,
    Chain
  >
  const wallet = createWalletClient({ account, chain: parameters.chain, transport })
  const nonce = await publicClient.getTransactionCount({
    address: account.address,
    blockTag: 'pending',
  })
  const hashes = await Promise.all([
    wallet.deployContract({ abi: counterAbi, bytecode: counterBytecode, nonce }),
    wallet.deployContract({ abi: testTokenAbi, bytecode: testTokenBytecode, nonce: nonce + 1 }),
    wallet.deployContract({ abi: vaultAbi, bytecode: vaultBytecode, nonce: nonce + 2 }),
  ])
  const receipts = await Promise.all(
    hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })),
  )
  const [counter, token, vault] = receipts.map((r) => {
    if (r.status !== 'success' || !r.contractAddress)
      throw new Error(`Deploying a test contract failed (${r.transactionHash}).`)
    return r.contractAddress
  }) as [Address, Address, Address]
  return { counter, token, vault, publicClient }
}
