import {
  createDelegation,
  Implementation,
  type MetaMaskSmartAccount,
  type SmartAccountsEnvironment,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { erc7710BundlerActions } from '@metamask/smart-accounts-kit/actions'
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
} from 'viem'
import { createBundlerClient, createPaymasterClient } from 'viem/account-abstraction'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { incrementData } from './counter.js'
import type { BenchDevnet } from './devnet-process.js'
import type { BenchPath, SentAction } from './path.js'
import { countedHttp, type RpcLog } from './rpc-counter.js'

// The kit reports each action to MetaMask's analytics endpoint unless Do Not Track is set; the
// bench machine is offline, and telemetry is off the critical path either way.
process.env.DO_NOT_TRACK = '1'

/**
 * The anchor: the path the MetaMask Smart Accounts Kit documents. A Hybrid session account owned
 * by a fresh key, a `functionCall` delegation from the user's (deployed) Hybrid account, then per
 * action a bundler client with an ERC-7677 paymaster client and `erc7710BundlerActions`:
 * `sendUserOperationWithDelegation` with viem's defaults (nonce, fee lookup, paymaster stub,
 * gas estimation, paymaster data on every call) and `waitForUserOperationReceipt`'s default polling.
 */
export async function setupAnchor(parameters: {
  devnet: BenchDevnet
  counter: Address
  userKey: Hex
  log: RpcLog
  /** Receipt polling interval; viem's default when omitted (4 s on a chain without `blockTime`). */
  pollingInterval?: number | undefined
}): Promise<
  BenchPath & { sessionAccount: Address; userAccount: Address; pollingInterval: number }
> {
  const { devnet, counter, userKey, log } = parameters
  const chain: Chain = devnet.chain
  const environment: SmartAccountsEnvironment = devnet.environment
  const publicClient = createPublicClient({
    chain,
    transport: countedHttp(devnet.rpcUrl, 'chain', log),
  })

  // The user's smart account, deployed up front by its owner EOA.
  const owner = privateKeyToAccount(userKey)
  const userAccount = await toMetaMaskSmartAccount({
    client: publicClient as PublicClient,
    implementation: Implementation.Hybrid,
    deployParams: [owner.address, [], [], []],
    deploySalt: '0x',
    signer: { account: owner },
    environment,
  })
  if (!(await userAccount.isDeployed())) {
    const { factory, factoryData } = await userAccount.getFactoryArgs()
    if (!factory || !factoryData) throw new Error('the user account has no factory args')
    const wallet = createWalletClient({ chain, transport: http(devnet.rpcUrl), account: owner })
    const hash = await wallet.sendTransaction({ to: factory, data: factoryData })
    await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 })
  }

  // The session account: a counterfactual Hybrid owned by a fresh key; the first action deploys it.
  const sessionKey = privateKeyToAccount(generatePrivateKey())
  const session: MetaMaskSmartAccount = await toMetaMaskSmartAccount({
    client: publicClient as PublicClient,
    implementation: Implementation.Hybrid,
    deployParams: [sessionKey.address, [], [], []],
    deploySalt: '0x',
    signer: { account: sessionKey },
    environment,
  })

  const delegation = createDelegation({
    from: userAccount.address,
    to: session.address,
    environment,
    scope: { type: 'functionCall', targets: [counter], selectors: ['increment()'] },
  })
  const signedDelegation = {
    ...delegation,
    signature: await userAccount.signDelegation({ delegation }),
  }

  const paymasterClient = createPaymasterClient({
    transport: countedHttp(devnet.paymasterUrl, 'paymaster', log),
  })
  const bundlerClient = createBundlerClient({
    client: publicClient,
    transport: countedHttp(devnet.bundlerUrl, 'bundler', log),
    paymaster: paymasterClient,
    ...(parameters.pollingInterval !== undefined
      ? { pollingInterval: parameters.pollingInterval }
      : {}),
  }).extend(erc7710BundlerActions())

  return {
    name:
      parameters.pollingInterval === undefined
        ? 'anchor'
        : `anchor (polling ${parameters.pollingInterval} ms)`,
    sessionAccount: session.address,
    userAccount: userAccount.address,
    pollingInterval: bundlerClient.pollingInterval,
    async send(): Promise<SentAction> {
      const hash = await bundlerClient.sendUserOperationWithDelegation({
        publicClient,
        account: session,
        calls: [
          {
            to: counter,
            data: incrementData,
            permissionContext: [signedDelegation],
            delegationManager: environment.DelegationManager,
          },
        ],
      })
      return {
        hash,
        async wait() {
          const receipt = await bundlerClient.waitForUserOperationReceipt({ hash })
          return { success: receipt.success, transactionHash: receipt.receipt.transactionHash }
        },
      }
    },
  }
}
