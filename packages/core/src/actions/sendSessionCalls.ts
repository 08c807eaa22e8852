import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hex } from 'viem'
import { encodeFunctionData, size, slice } from 'viem'
import {
  estimateUserOperationGas,
  getPaymasterData,
  getPaymasterStubData,
  sendUserOperation,
  type UserOperation,
  type UserOperationReceipt,
} from 'viem/account-abstraction'
import { delegationManagerAbi } from '../accounts/abis.js'
import { encodePermissionContext } from '../accounts/delegation.js'
import { type Execution, encodeExecutions } from '../accounts/executions.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext, type SessionContext } from '../engines/context.js'
import type { Engine } from '../engines/createEngines.js'
import { claimDeployment, type DeploymentClaim, probeDeployment } from '../engines/deployments.js'
import type { GasLimits } from '../engines/gas.js'
import type { SessionLeaf, SessionRuntime } from '../engines/loadSession.js'
import { waitForReceipt } from '../engines/receipts.js'
import type { PendingCalls } from '../engines/usage.js'
import type { BaseErrorType } from '../errors/base.js'
import type { PolicyCallDecodeErrorType } from '../errors/policy.js'
import {
  type AccountNotConnectedErrorType,
  BundlerError,
  type BundlerErrorType,
  type ChainNotConfiguredErrorType,
  PaymasterError,
  type PaymasterErrorType,
  SessionCallsRevertedError,
  type SessionCallsRevertedErrorType,
  type SessionExhaustedErrorType,
  type SessionExpiredErrorType,
  SessionMissingError,
  type SessionMissingErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
  type SessionRevokedErrorType,
  type SessionScopeErrorType,
} from '../errors/session.js'
import type { SessionNotFoundErrorType, SessionStorageErrorType } from '../errors/storage.js'
import type { RawCall } from '../policy/matchCall.js'
import { selectDelegation } from '../policy/selectDelegation.js'
import { type PolicyCall, toRawCall } from '../policy/toRawCall.js'
import type { Remaining } from '../policy/types.js'
import { checkLoaded, resolveSession } from './internal/resolveSession.js'

/** One call, typed from its ABI, or raw `{ to, data, value }`. */
export type SessionCall<
  abi extends Abi | readonly unknown[] = Abi,
  functionName extends ContractFunctionName<abi> = ContractFunctionName<abi>,
> =
  | { to: Address; data?: Hex | undefined; value?: bigint | undefined }
  | {
      address: Address
      abi: abi
      functionName: functionName | ContractFunctionName<abi>
      args?:
        | ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
        | readonly unknown[]
        | undefined
      value?: bigint | undefined
    }

export type SendSessionCallsParameters = {
  /** The session to act with. Defaults to the newest usable session whose policy allows the calls. */
  id?: string | undefined
  /** Calls to make, in order, in one UserOperation. */
  calls: readonly SessionCall[]
  /** `parallel` (default): an independent nonce lane per action. `ordered`: actions land in the order sent. */
  lane?: 'parallel' | 'ordered' | undefined
}

/** A sent action: its UserOperation hash and a way to wait for it. */
export type SendSessionCallsReturnType = {
  id: string
  hash: Hex
  /** What remains of the session once this action lands (as the client computed it). */
  remaining: Remaining
  /** Resolves with the receipt once the action landed; rejects with a typed error if it reverted or was dropped. */
  wait(options?: { timeout?: number | undefined }): Promise<UserOperationReceipt>
}

export type SendSessionCallsErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | SessionNotFoundErrorType
  | SessionStorageErrorType
  | SessionExpiredErrorType
  | SessionRevokedErrorType
  | SessionExhaustedErrorType
  | SessionMissingErrorType
  | SessionScopeErrorType
  | SessionParameterErrorType
  | PolicyCallDecodeErrorType
  | BundlerErrorType
  | PaymasterErrorType
  | SessionCallsRevertedErrorType
  | BaseErrorType

/** @internal Options for tests and attack suites. */
export type SendSessionCallsInternalOptions = {
  /** Skip the client-side policy check and send anyway (the chain must refuse). Tests only. */
  unsafeSkipCheck?: boolean | undefined
}

/**
 * Sends calls through a session with no wallet prompt: checks them against the policy first,
 * then redeems the session's delegations in one sponsored UserOperation from the session
 * account. https://sessionkit.dev/actions/sendSessionCalls
 */
export async function sendSessionCalls(
  config: SessionConfig,
  parameters: SendSessionCallsParameters,
  internal: SendSessionCallsInternalOptions = {},
): Promise<SendSessionCallsReturnType> {
  if (
    typeof parameters !== 'object' ||
    parameters === null ||
    !Array.isArray(parameters.calls) ||
    parameters.calls.length === 0
  )
    throw new SessionParameterError({
      parameter: 'calls',
      message: 'must be a non-empty array of calls.',
    })
  if (
    parameters.lane !== undefined &&
    parameters.lane !== 'parallel' &&
    parameters.lane !== 'ordered'
  )
    throw new SessionParameterError({
      parameter: 'lane',
      message: "must be 'parallel' or 'ordered'.",
    })
  const calls = parameters.calls as readonly PolicyCall[]
  const rawCalls = calls.map((call, i) => toRawCall(call, i))
  const context = await getSessionContext(config)
  const { engine } = context
  const session = await resolveSession(config, context, { id: parameters.id, calls })

  // Learn whether both accounts are deployed while the calls are checked.
  const probes = Promise.all([
    probeDeployment(engine, context.user.address),
    probeDeployment(engine, session.account.address),
  ])
  const check = await checkLoaded(session, calls, {
    throwOnRefusal: !internal.unsafeSkipCheck,
    defer: true,
  })
  await probes

  // One redemption per call, in order: the enforcers accept only single-call executions.
  const selected = internal.unsafeSkipCheck
    ? calls.map((call) => safeSelect(session, call))
    : selectDelegation(session.compiled, calls).map(
        (c) => session.leaves.find((l) => l.id === c.id) as SessionLeaf,
      )
  const tracked = session.usage.track(calls)
  const lane = parameters.lane ?? 'parallel'
  const coalesce = engine.options.coalesce
  let operation: Operation
  try {
    operation =
      coalesce > 1 && lane === 'parallel' && !internal.unsafeSkipCheck
        ? await enqueue(context, session, { rawCalls, selected, tracked }, coalesce)
        : await sendOperation(context, session, { rawCalls, selected, tracked: [tracked], lane })
  } catch (error) {
    session.usage.failed(tracked)
    // The usage snapshot may predate a chain reset: before blaming the bundler or paymaster,
    // re-read the chain, and report a session whose Delegation Framework is gone as missing.
    if (error instanceof BundlerError || error instanceof PaymasterError) {
      const fresh = await session.usage.get({ fresh: true }).catch(() => undefined)
      if (fresh && !fresh.managerDeployed)
        throw new SessionMissingError({ sessionId: session.stored.id, cause: error })
    }
    throw error
  }
  return {
    id: session.stored.id,
    hash: operation.hash,
    remaining: check.remaining,
    wait: operation.wait,
  }
}

type Operation = Pick<SendSessionCallsReturnType, 'hash' | 'wait'>
type Part = { rawCalls: RawCall[]; selected: SessionLeaf[]; tracked: PendingCalls }
type Queue = { parts: (Part & { resolve(op: Operation): void; reject(error: unknown): void })[] }

const queues = new WeakMap<SessionRuntime, Queue>()

/** Joins actions sent in the same tick from one session into UserOperations of up to `maxCalls` calls. */
function enqueue(
  context: SessionContext,
  session: SessionRuntime,
  part: Part,
  maxCalls: number,
): Promise<Operation> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(session)
    if (!queue) {
      const created: Queue = { parts: [] }
      queue = created
      queues.set(session, created)
      setTimeout(() => {
        queues.delete(session)
        const chunks: (typeof created.parts)[] = []
        for (const entry of created.parts) {
          const last = chunks[chunks.length - 1]
          const count = last?.reduce((n, e) => n + e.rawCalls.length, 0) ?? Number.POSITIVE_INFINITY
          if (last && count + entry.rawCalls.length <= maxCalls) last.push(entry)
          else chunks.push([entry])
        }
        for (const chunk of chunks)
          sendOperation(context, session, {
            rawCalls: chunk.flatMap((e) => e.rawCalls),
            selected: chunk.flatMap((e) => e.selected),
            tracked: chunk.map((e) => e.tracked),
            lane: 'parallel',
          }).then(
            (operation) => {
              for (const entry of chunk) entry.resolve(operation)
            },
            (error) => {
              for (const entry of chunk) entry.reject(error)
            },
          )
      }, 0)
    }
    queue.parts.push({ ...part, resolve, reject })
  })
}

/** Builds, sponsors, signs and sends one UserOperation redeeming `rawCalls`, and follows its receipt. */
async function sendOperation(
  context: SessionContext,
  session: SessionRuntime,
  parameters: {
    rawCalls: RawCall[]
    selected: SessionLeaf[]
    tracked: PendingCalls[]
    lane: 'parallel' | 'ordered'
  },
): Promise<Operation> {
  const { engine } = context
  const { rawCalls, selected, tracked } = parameters
  const contexts = new Map<SessionLeaf, Hex>()
  const contextOf = (leaf: SessionLeaf) => {
    let context = contexts.get(leaf)
    if (!context) {
      context = encodePermissionContext([leaf.delegation, session.root.delegation])
      contexts.set(leaf, context)
    }
    return context
  }
  const single = rawCalls.map((raw) =>
    encodeExecutions([{ target: raw.to, value: raw.value, callData: raw.data }]),
  )
  const redeem = encodeFunctionData({
    abi: delegationManagerAbi,
    functionName: 'redeemDelegations',
    args: [
      selected.map((leaf) => contextOf(leaf)),
      single.map((e) => e.mode),
      single.map((e) => e.executionCalldata),
    ],
  })

  const claims: DeploymentClaim[] = []
  const settle = (deployed: boolean) => {
    for (const claim of claims.splice(0)) claim.settle(deployed)
  }
  try {
    const [userClaim, sessionClaim] = await Promise.all([
      claimDeployment(engine, context.user.address),
      claimDeployment(engine, session.account.address),
    ])
    if (userClaim) claims.push(userClaim)
    if (sessionClaim) claims.push(sessionClaim)
    const executions: Execution[] = [
      ...(userClaim
        ? [{ target: context.user.factory, value: 0n, callData: context.user.factoryData }]
        : []),
      { target: engine.environment.DelegationManager, value: 0n, callData: redeem },
    ]
    const callData = await session.account.encodeCalls(
      executions.map((e) => ({ to: e.target, value: e.value, data: e.callData })),
    )
    const nonce = await nextNonce(engine, session, parameters.lane)
    const shape = [
      userClaim ? 'deploy-user' : '',
      sessionClaim ? 'deploy-session' : '',
      rawCalls
        .map((c) => `${c.to.toLowerCase()}:${size(c.data) >= 4 ? slice(c.data, 0, 4) : '0x'}`)
        .join(','),
      size(callData),
    ].join('|')
    const hash = await submit(engine, session, {
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
    // Refresh stale caches now, for the next action, off this one's critical path.
    session.usage.revalidate()
    engine.fees.revalidate()
    let receipt: Promise<UserOperationReceipt> | undefined
    const track = () => {
      receipt ??= waitForReceipt(engine, hash, { fromBlock }).then(
        (r) => {
          // A reverted op used nothing; its batch (and the user account's deployment in it) was undone.
          for (const entry of tracked)
            if (r.success) session.usage.landed(entry, r.receipt.blockNumber)
            else session.usage.failed(entry)
          settle(r.success)
          return r
        },
        (error) => {
          for (const entry of tracked) session.usage.failed(entry)
          settle(false)
          throw error
        },
      )
      return receipt
    }
    // Always follow the receipt: deployments wait on it, and usage must learn the calls landed.
    track().catch(() => {})
    return {
      hash,
      async wait(options = {}) {
        const result = await (options.timeout !== undefined
          ? Promise.race([
              track(),
              waitForReceipt(engine, hash, { timeout: options.timeout, fromBlock }),
            ])
          : track())
        if (!result.success)
          throw new SessionCallsRevertedError({ userOperationHash: hash, receipt: result })
        return result
      },
    }
  } catch (error) {
    settle(false)
    throw error
  }
}

function safeSelect(session: SessionRuntime, call: PolicyCall): SessionLeaf {
  try {
    const [compiled] = selectDelegation(session.compiled, [call])
    return session.leaves.find((l) => l.id === compiled?.id) as SessionLeaf
  } catch {
    return session.leaves.find((l) => l.id === 'calls') ?? (session.leaves[0] as SessionLeaf)
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
      abi: [
        {
          type: 'function',
          name: 'getNonce',
          stateMutability: 'view',
          inputs: [
            { name: 'sender', type: 'address' },
            { name: 'key', type: 'uint192' },
          ],
          outputs: [{ name: 'nonce', type: 'uint256' }],
        },
      ] as const,
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

async function submit(engine: Engine, session: SessionRuntime, draft: Draft): Promise<Hex> {
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
  try {
    // The ordered lane may race the bundler's view of the previous nonce: retry a few times on AA25.
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendUserOperation(engine.bundlerClient, {
          ...userOperation,
          signature,
          entryPointAddress,
        } as never)
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
