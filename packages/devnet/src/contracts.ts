import { EntryPoint } from '@metamask/delegation-abis/bytecode'
import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { deploySmartAccountsEnvironment } from '@metamask/smart-accounts-kit/utils'
import {
  type Address,
  type Chain,
  getContractAddress,
  type Hex,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from 'viem'
import { entryPoint07Address } from 'viem/account-abstraction'

/** Where alto (and EntryPoint v0.7's own deployment) expect the SenderCreator helper. */
export const senderCreator07Address: Address = '0xEFC2c1444eBCC4Db75e7613d20C6a62fF67A167C'

/**
 * Deploys EntryPoint v0.7, copies it (and its SenderCreator) to their canonical addresses,
 * then deploys the Delegation Framework against that EntryPoint.
 */
export async function deployContracts(parameters: {
  chain: Chain
  publicClient: PublicClient
  walletClient: WalletClient
  testClient: TestClient
}): Promise<SmartAccountsEnvironment> {
  const { chain, publicClient, walletClient, testClient } = parameters
  const account = walletClient.account!
  const hash = await walletClient.sendTransaction({ account, chain, data: EntryPoint as Hex })
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 })
  const deployed = receipt.contractAddress!
  const creator = getContractAddress({ from: deployed, nonce: 1n })
  const [entryPointCode, creatorCode] = await Promise.all([
    publicClient.getCode({ address: deployed }),
    publicClient.getCode({ address: creator }),
  ])
  if (!entryPointCode || !creatorCode) throw new Error('EntryPoint deployment left no code')
  await testClient.setCode({ address: entryPoint07Address, bytecode: entryPointCode })
  await testClient.setCode({ address: senderCreator07Address, bytecode: creatorCode })
  return deploySmartAccountsEnvironment(walletClient, publicClient, chain, {
    EntryPoint: entryPoint07Address,
  })
}
