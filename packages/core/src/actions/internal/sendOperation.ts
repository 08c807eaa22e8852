import type { Address, Hex, Log } from 'viem'
import { decodeAbiParameters, encodeFunctionData, size, slice } from 'viem'
import type { UserOperation, UserOperationReceipt } from 'viem/account-abstraction'
import {
  entryPoint07Abi,
  estimateUserOperationGas,
  getPaymasterData,
  getPaymasterStubData,
  sendUserOperation,
} from 'viem/account-abstraction'
import { delegationManagerAbi, hybridDeleGatorAbi } from '../../accounts/abis.js'
import { encodePermissionContext } from '../../accounts/delegation.js'
import { type Execution, encodeExecutions } from '../../accounts/executions.js'
import type { SessionContext } from '../../engines/context.js'
import type { Engine } from '../../engines/createEngines.js'
import { claimDeployment } from '../../engines/deployments.js'
import type { GasLimits } from '../../engines/gas.js'
import type { SessionLeaf, SessionRuntime } from '../../engines/loadSession.js'
import { waitForReceipt } from '../../engines/receipts.js'
import type { PendingCalls } from '../../engines/usage.js'
import { BundlerError, PaymasterError, SessionCallsRevertedError } from '../../errors/session.js'
import type { RawCall } from '../../policy/matchCall.js'

/** One action's share of a UserOperation: its calls, the leaves that allow them, its usage. */
export type Part = { rawCalls: RawCall[]; selected: SessionLeaf[]; tracked: PendingCalls }

/** A sent action: the hash of the UserOperation carrying it, and a way to wait for its outcome. */
export type Operation = {
  hash: Hex
  wait(options?: { timeout?: number | undefined }): Promise<UserOperationReceipt>
}

/** `TryExecuteUnsuccessful(uint256 batchExecutionindex, bytes result)` of ERC-7579 accounts. */
const tryExecuteUnsuccessful = '0xe723f28f104e46b47fd3531f3608374ac226bcf3ddda334a23a266453e0efdb7'

/** Indexes of the executions that failed inside a tolerant batch of `account`, from the operation's logs. */
export function failedExecutions(logs: readonly Log[], account: Address): Map<number, Hex> {
  const failed = new Map<number, Hex>()
  for (const log of logs) {
    if (
      log.address.toLowerCase() !== account.toLowerCase() ||
      log.topics[0] !== tryExecuteUnsuccessful
    )
      continue
    const [index, result] = decodeAbiParameters([{ type: 'uint256' }, { type: 'bytes' }], log.data)
    failed.set(Number(index), result)
  }
  return failed
}

/**
 * Builds, sponsors, signs and sends one UserOperation from the session account, and follows its
 * receipt. One part redeems its calls directly; several parts each redeem in their own execution
 * of a tolerant batch, so one part reverting leaves the others landed. Returns one operation per part.
 */
export async function sendOperation(
  context: SessionContext,
  session: SessionRuntime,
  parameters: { parts: readonly Part[]; lane: 'parallel' | 'ordered' },
): Promise<Operation[]> {
  const { engine } = context
  const { parts } = parameters
  const tolerant = parts.length > 1
  const contexts = new Map<SessionLeaf, Hex>()
  const contextOf = (leaf: SessionLeaf) => {
    let context = contexts.get(leaf)
    if (!context) {
      context = encodePermissionContext([leaf.delegation, session.root.delegation])
      contexts.set(leaf, context)
    }
    return context
  }
  // One redemption per call, in order: the enforcers accept only single-call executions.
  const redeems = parts.map(({ rawCalls, selected }) => {
    const single = rawCalls.map((raw) =>
      encodeExecutions([{ target: raw.to, value: raw.value, callData: raw.data }]),
    )
    return encodeFunctionData({
      abi: delegationManagerAbi,
      functionName: 'redeemDelegations',
      args: [
        selected.map((leaf) => contextOf(leaf)),
        single.map((e) => e.mode),
        single.map((e) => e.executionCalldata),
      ],
    })
  })

  const [userClaim, sessionClaim] = await Promise.all([
    claimDeployment(engine, context.user.address),
    claimDeployment(engine, session.account.address),
  ])
  const settle = (user: boolean, sessionAccount: boolean) => {
    userClaim?.settle(user)
    sessionClaim?.settle(sessionAccount)
  }
  try {
    const executions: Execution[] = [
      ...(userClaim
        ? [{ target: context.user.factory, value: 0n, callData: context.user.factoryData }]
        : []),
      ...redeems.map((callData) => ({
        target: engine.environment.DelegationManager,
        value: 0n,
        callData,
      })),
    ]
    const callData = tolerant
      ? encodeFunctionData({
          abi: hybridDeleGatorAbi,
          functionName: 'execute',
          args: Object.values(encodeExecutions(executions, { tolerant })) as [Hex, Hex],
        })
      : await session.account.encodeCalls(
          executions.map((e) => ({ to: e.target, value: e.value, data: e.callData })),
        )
    const nonce = await nextNonce(engine, session, parameters.lane)
    const shape = [
      tolerant ? 'tolerant' : '',
      userClaim ? 'deploy-user' : '',
      sessionClaim ? 'deploy-session' : '',
      parts
        .map((part) =>
          part.rawCalls
            .map((c) => `${c.to.toLowerCase()}:${size(c.data) >= 4 ? slice(c.data, 0, 4) : '0x'}`)
            .join(','),
        )
        .join(';'),
      size(callData),
    ].join('|')
    const { hash, resend } = await submit(engine, session, {
      callData,
      nonce,
      shape,
      ordered: parameters.lane === 'ordered',
      ...(sessionClaim
        ? {
            factory: session.account.deployment.factory,
            factoryData: session.account.deployment.factoryData,
          }
        : {}),
    })
    // Where to look for the operation on chain if the bundler cannot tell (a recent block before the send).
    const fromBlock = (await session.usage.get({ defer: true })).blockNumber
    // Refresh stale caches for the next action once this one's hash is returned.
    setTimeout(() => {
      session.usage.revalidate()
      engine.fees.revalidate()
    }, 0)
    // Execution index of each part in the batch (after the user account's deployment, if any).
    const offset = userClaim ? 1 : 0
    const outcomes = (r: UserOperationReceipt) => {
      const failed = tolerant ? failedExecutions(r.logs, session.account.address) : new Map()
      return {
        failed,
        landed: parts.map((_, i) => r.success && !failed.has(i + offset)),
      }
    }
    let receipt: Promise<UserOperationReceipt> | undefined
    const track = () => {
      receipt ??= waitForReceipt(engine, hash, { fromBlock, resubmit: resend }).then(
        (r) => {
          // A reverted op used nothing; its batch (and the user account's deployment in it) was undone.
          const { failed, landed } = outcomes(r)
          parts.forEach((part, i) => {
            if (landed[i]) session.usage.landed(part.tracked, r.receipt.blockNumber)
            else session.usage.failed(part.tracked)
          })
          settle(r.success && !failed.has(0), r.success)
          return r
        },
        (error) => {
          for (const part of parts) session.usage.failed(part.tracked)
          settle(false, false)
          throw error
        },
      )
      return receipt
    }
    // Always follow the receipt: deployments wait on it, and usage must learn the calls landed.
    const followed = track().catch(() => {})
    for (const part of parts) part.tracked.followed = followed
    return parts.map((_, i) => ({
      hash,
      async wait(options = {}) {
        const result = await (options.timeout !== undefined
          ? Promise.race([
              track(),
              waitForReceipt(engine, hash, { timeout: options.timeout, fromBlock }),
            ])
          : track())
        if (!outcomes(result).landed[i])
          throw new SessionCallsRevertedError({ userOperationHash: hash, receipt: result })
        return result
      },
    }))
  } catch (error) {
    settle(false, false)
    // The ordered lane's next nonces assumed this one would land: read the chain again next time.
    if (parameters.lane === 'ordered') session.orderedNonce = undefined
    throw error
  }
}

/** A random 192-bit ERC-4337 nonce key. */
function randomNonceKey(): bigint {
  let value = 0n
  for (const byte of crypto.getRandomValues(new Uint8Array(24)))
    value = (value << 8n) | BigInt(byte)
  return value
}

async function nextNonce(
  engine: Engine,
  session: SessionRuntime,
  lane: 'parallel' | 'ordered',
): Promise<bigint> {
  if (lane === 'parallel') return randomNonceKey() << 64n
  // One ordered lane per runtime (tab): tabs never share a key, so they cannot collide on a nonce.
  session.orderedKey ??= randomNonceKey()
  const previous =
    session.orderedNonce ??
    engine.publicClient.readContract({
      address: engine.environment.EntryPoint,
      abi: entryPoint07Abi,
      functionName: 'getNonce',
      args: [session.account.address, session.orderedKey],
    })
  const next = previous.then((n) => n + 1n)
  session.orderedNonce = next
  next.catch(() => {
    if (session.orderedNonce === next) session.orderedNonce = undefined
  })
  return previous
}

type Draft = {
  callData: Hex
  nonce: bigint
  shape: string
  ordered: boolean
  factory?: Address
  factoryData?: Hex
}

async function submit(
  engine: Engine,
  session: SessionRuntime,
  draft: Draft,
): Promise<{ hash: Hex; resend(): Promise<Hex> }> {
  const { account } = session
  const entryPointAddress = engine.environment.EntryPoint
  const fees = await engine.fees.get({ defer: true }).catch((cause) => {
    throw new BundlerError({
      shortMessage:
        'Could not get gas prices from the bundler. Check the bundler URL, then try again.',
      cause,
    })
  })
  const base = {
    sender: account.address,
    nonce: draft.nonce,
    callData: draft.callData,
    ...(draft.factory ? { factory: draft.factory, factoryData: draft.factoryData } : {}),
    ...fees,
    signature: await account.getStubSignature(),
  }
  const paymasterContext = engine.settings.paymasterContext
  const paymaster = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (cause) {
      throw new PaymasterError({ cause })
    }
  }
  const gas = await engine.gas.learnOnce(draft.shape, async () => {
    const stub = await paymaster(() =>
      getPaymasterStubData(engine.paymasterClient, {
        ...base,
        chainId: engine.chainId,
        entryPointAddress,
        context: paymasterContext,
      } as never),
    )
    const {
      isFinal: _final,
      sponsor: _sponsor,
      ...stubFields
    } = stub as typeof stub & { isFinal?: boolean; sponsor?: unknown }
    try {
      return (await estimateUserOperationGas(engine.bundlerClient, {
        ...base,
        // Estimated on a fresh nonce key: an ordered action's nonce may not be next on chain yet,
        // and the shared estimate must not depend on which action of a shape asks first.
        nonce: randomNonceKey() << 64n,
        ...stubFields,
        callGasLimit: 0n,
        verificationGasLimit: 0n,
        preVerificationGas: 0n,
        entryPointAddress,
      } as never)) as Partial<GasLimits>
    } catch (cause) {
      throw new BundlerError({
        shortMessage:
          'The bundler could not simulate this action; it would fail on chain. Check the calls and the session, then try again.',
        cause,
      })
    }
  })
  const unpaid = { ...base, ...gas }
  const sponsored = await paymaster(() =>
    getPaymasterData(engine.paymasterClient, {
      ...unpaid,
      chainId: engine.chainId,
      entryPointAddress,
      context: paymasterContext,
    } as never),
  )
  const userOperation = { ...unpaid, ...sponsored } as unknown as UserOperation<'0.7'>
  const signature = await account.signUserOperation({ ...userOperation, chainId: engine.chainId })
  const resend = () =>
    sendUserOperation(engine.bundlerClient, {
      ...userOperation,
      signature,
      entryPointAddress,
    } as never)
  try {
    // The ordered lane may race the bundler's view of the previous nonce: retry a few times on AA25.
    for (let attempt = 0; ; attempt++) {
      try {
        return { hash: await resend(), resend }
      } catch (error) {
        if (!draft.ordered || attempt >= 20 || !String((error as Error).message).includes('AA25'))
          throw error
        await new Promise((resolve) => setTimeout(resolve, engine.options.pollingInterval))
      }
    }
  } catch (cause) {
    engine.gas.forget(draft.shape)
    engine.fees.clear()
    throw new BundlerError({
      shortMessage:
        'The bundler refused this action. Try again; if it keeps failing, check the bundler URL and the session.',
      cause,
    })
  }
}
