import { DelegationManager, EntryPoint } from '@metamask/delegation-abis'
import {
  Implementation,
  type MetaMaskSmartAccount,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  decodeErrorResult,
  decodeEventLog,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  zeroHash,
} from 'viem'
import { toPackedUserOperation, type UserOperation } from 'viem/account-abstraction'
import { privateKeyToAccount } from 'viem/accounts'

/** A delegation as the engine stores it (JSON-safe: salt as a decimal string). */
export type StolenDelegation = {
  delegate: Address
  delegator: Address
  authority: Hex
  caveats: readonly { enforcer: Address; terms: Hex; args: Hex }[]
  salt: string | bigint
  signature: Hex
}

/** One execution: call `target` with `value` and `callData`. */
export type Execution = { target: Address; value: bigint; callData: Hex }

/** The outcome of one on-chain attempt. */
export type Attempt = { landed: boolean; detail: string }

const delegationTuple = {
  type: 'tuple[]',
  components: [
    { name: 'delegate', type: 'address' },
    { name: 'delegator', type: 'address' },
    { name: 'authority', type: 'bytes32' },
    {
      name: 'caveats',
      type: 'tuple[]',
      components: [
        { name: 'enforcer', type: 'address' },
        { name: 'terms', type: 'bytes' },
        { name: 'args', type: 'bytes' },
      ],
    },
    { name: 'salt', type: 'uint256' },
    { name: 'signature', type: 'bytes' },
  ],
} as const

/** ABI-encodes a delegation chain (leaf first) as a DelegationManager permission context, by hand. */
export function encodeChain(chain: readonly StolenDelegation[]): Hex {
  return encodeAbiParameters(
    [delegationTuple],
    [chain.map((d) => ({ ...d, caveats: [...d.caveats], salt: BigInt(d.salt) }))],
  )
}

/** `DelegationManager.redeemDelegations` calldata for one chain and one single-call execution. */
export function redeemCalldata(chain: readonly StolenDelegation[], execution: Execution): Hex {
  return encodeFunctionData({
    abi: DelegationManager,
    functionName: 'redeemDelegations',
    args: [
      [encodeChain(chain)],
      [zeroHash],
      [
        encodePacked(
          ['address', 'uint256', 'bytes'],
          [execution.target, execution.value, execution.callData],
        ),
      ],
    ],
  })
}

/** Turns revert data into a readable reason (enforcer strings, DelegationManager / EntryPoint errors). */
export function describeRevert(data: Hex | undefined): string {
  if (!data || data === '0x') return 'reverted (no data)'
  for (const abi of [DelegationManager, EntryPoint] as const)
    try {
      const decoded = decodeErrorResult({ abi, data })
      const args = (decoded.args ?? []).map((a) =>
        typeof a === 'string' && a.startsWith('0x') && a.length > 20
          ? describeRevert(a as Hex)
          : String(a),
      )
      return args.length ? `${decoded.errorName}(${args.join(', ')})` : decoded.errorName
    } catch {}
  try {
    const decoded = decodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] }],
      data,
    })
    return String(decoded.args[0])
  } catch {}
  return `reverted (${data.slice(0, 10)})`
}

function revertDataOf(error: unknown): Hex | undefined {
  let current = error as { data?: unknown; cause?: unknown } | undefined
  for (let i = 0; current && i < 8; i++) {
    const data = current.data as unknown
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex
    if (typeof data === 'object' && data && typeof (data as { data?: unknown }).data === 'string')
      return (data as { data: Hex }).data
    current = current.cause as typeof current
  }
  return undefined
}

/**
 * An attacker holding a leaked session key and the stored delegations, acting on-chain with
 * viem and the Delegation Framework ABIs only (none of Sessionkit's sending code): as the session
 * account through UserOperations it signs and submits to the EntryPoint itself (paying its own
 * gas, no bundler, no paymaster), or from its own EOA.
 */
export function createAttacker(parameters: {
  chain: Chain
  rpcUrl: string
  /** The attacker's own funded EOA. */
  attackerKey: Hex
  entryPoint: Address
  delegationManager: Address
  environment: unknown
}) {
  const transport = http(parameters.rpcUrl)
  const publicClient = createPublicClient({
    chain: parameters.chain,
    transport,
    pollingInterval: 50,
  }) as PublicClient<Transport, Chain>
  const attacker = privateKeyToAccount(parameters.attackerKey)
  const wallet = createWalletClient({ account: attacker, chain: parameters.chain, transport })

  /** Mines a transaction with a fixed gas limit (no estimation, so a failing one still lands on-chain as reverted). */
  async function mine(
    to: Address,
    data: Hex,
  ): Promise<{ status: 'success' | 'reverted'; hash: Hex; reason: string }> {
    let reason = 'ok'
    try {
      await publicClient.call({ account: attacker.address, to, data, gas: 8_000_000n })
    } catch (error) {
      reason = describeRevert(revertDataOf(error))
    }
    const hash = await wallet.sendTransaction({ to, data, gas: 8_000_000n })
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    return { status: receipt.status, hash, reason }
  }

  /** The session account as the kit sees it, signing with the leaked key. */
  async function sessionAccount(
    sessionKey: Hex,
    address: Address,
  ): Promise<MetaMaskSmartAccount<Implementation.Hybrid>> {
    return toMetaMaskSmartAccount({
      client: publicClient as never,
      implementation: Implementation.Hybrid,
      address,
      signer: { account: privateKeyToAccount(sessionKey) },
      environment: parameters.environment as never,
    })
  }

  /** Sends `callData` as a UserOperation of `account`, signed by the leaked key, straight to `EntryPoint.handleOps`. */
  async function userOperation(
    account: MetaMaskSmartAccount<Implementation.Hybrid>,
    callData: Hex,
  ): Promise<Attempt> {
    const block = await publicClient.getBlock()
    const fee = (block.baseFeePerGas ?? 1_000_000_000n) * 2n + 1_000_000_000n
    const key = BigInt(
      `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex')}`,
    )
    const nonce = (await publicClient.readContract({
      address: parameters.entryPoint,
      abi: EntryPoint,
      functionName: 'getNonce',
      args: [account.address, key],
    })) as bigint
    const unsigned: UserOperation<'0.7'> = {
      sender: account.address,
      nonce,
      callData,
      callGasLimit: 2_000_000n,
      verificationGasLimit: 800_000n,
      preVerificationGas: 100_000n,
      maxFeePerGas: fee,
      maxPriorityFeePerGas: 1_000_000_000n,
      signature: '0x',
    }
    const signature = await account.signUserOperation(unsigned)
    return handleOps({ ...unsigned, signature })
  }

  /** Submits signed UserOperations to the EntryPoint from the attacker's EOA; reports whether the op's execution succeeded. */
  async function handleOps(userOperation: UserOperation<'0.7'>): Promise<Attempt> {
    const data = encodeFunctionData({
      abi: EntryPoint,
      functionName: 'handleOps',
      args: [[toPackedUserOperation(userOperation)] as never, attacker.address],
    })
    const mined = await mine(parameters.entryPoint, data)
    if (mined.status === 'reverted')
      return { landed: false, detail: `handleOps reverted: ${mined.reason}` }
    const receipt = await publicClient.getTransactionReceipt({ hash: mined.hash })
    let success: boolean | undefined
    let reason = ''
    for (const log of receipt.logs) {
      try {
        const event = decodeEventLog({ abi: EntryPoint, data: log.data, topics: log.topics })
        if (event.eventName === 'UserOperationEvent')
          success = (event.args as { success: boolean }).success
        if (event.eventName === 'UserOperationRevertReason')
          reason = describeRevert((event.args as { revertReason: Hex }).revertReason)
      } catch {}
    }
    if (success === undefined) return { landed: false, detail: 'no UserOperationEvent' }
    return success
      ? { landed: true, detail: 'UserOperation executed' }
      : { landed: false, detail: `UserOperation reverted: ${reason || 'no reason'}` }
  }

  return {
    address: attacker.address,
    publicClient,
    mine,
    sessionAccount,
    userOperation,
    handleOps,
    /** As the session account: redeem `chain` for `execution` in a self-signed UserOperation. */
    async redeemAsSession(
      sessionKey: Hex,
      address: Address,
      chain: readonly StolenDelegation[],
      execution: Execution,
    ) {
      const account = await sessionAccount(sessionKey, address)
      const callData = await account.encodeCalls([
        { to: parameters.delegationManager, data: redeemCalldata(chain, execution), value: 0n },
      ])
      return userOperation(account, callData)
    },
    /** From the attacker's own EOA: call `redeemDelegations` directly. */
    async redeemAsAttacker(
      chain: readonly StolenDelegation[],
      execution: Execution,
    ): Promise<Attempt> {
      const mined = await mine(parameters.delegationManager, redeemCalldata(chain, execution))
      return mined.status === 'success'
        ? { landed: true, detail: 'redeemDelegations executed' }
        : { landed: false, detail: `redeemDelegations reverted: ${mined.reason}` }
    },
  }
}

export type Attacker = ReturnType<typeof createAttacker>
