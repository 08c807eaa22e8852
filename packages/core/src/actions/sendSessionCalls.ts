import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, Hex } from 'viem'
import type { UserOperationReceipt } from 'viem/account-abstraction'
import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext } from '../engines/context.js'
import { probeDeployment } from '../engines/deployments.js'
import type { SessionLeaf } from '../engines/loadSession.js'
import type { BaseErrorType } from '../errors/base.js'
import type { PolicyCallDecodeErrorType } from '../errors/policy.js'
import {
  type AccountNotConnectedErrorType,
  BundlerError,
  type BundlerErrorType,
  type ChainNotConfiguredErrorType,
  PaymasterError,
  type PaymasterErrorType,
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
import { selectDelegation } from '../policy/selectDelegation.js'
import { type PolicyCall, toRawCall } from '../policy/toRawCall.js'
import type { Remaining } from '../policy/types.js'
import { sendCoalesced } from './internal/coalesce.js'
import { checkLoaded, resolveSession } from './internal/resolveSession.js'
import { type Operation, type Part, sendOperation } from './internal/sendOperation.js'

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
  /** Calls to make, in order, all or none (one execution of one UserOperation). */
  calls: readonly SessionCall[]
  /** `parallel` (default): an independent nonce lane per action. `ordered`: actions land in the order sent. */
  lane?: 'parallel' | 'ordered' | undefined
}

/**
 * A sent action: the hash of the UserOperation carrying it (actions fired together may share one;
 * each keeps its own outcome) and a way to wait for it.
 */
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
 * then redeems the session's delegations in a sponsored UserOperation from the session
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
  probes.catch(() => {})
  // Checked and counted as pending in one step, so actions fired together see each other.
  const check = await checkLoaded(session, calls, {
    throwOnRefusal: !internal.unsafeSkipCheck,
    defer: true,
    track: true,
  })
  const tracked = check.tracked ?? session.usage.track(calls)
  const lane = parameters.lane ?? 'parallel'
  const coalesce = engine.options.coalesce
  let operation: Operation
  try {
    await probes
    // One redemption per call, in order: the enforcers accept only single-call executions.
    const selected = internal.unsafeSkipCheck
      ? (await import('./internal/unsafeSelect.js')).selectAnyway(session, calls, selectDelegation)
      : selectDelegation(session.compiled, calls).map(
          (c) => session.leaves.find((l) => l.id === c.id) as SessionLeaf,
        )
    const part: Part = { rawCalls, selected, tracked }
    operation =
      coalesce > 1 && lane === 'parallel' && !internal.unsafeSkipCheck
        ? await sendCoalesced(context, session, part, coalesce)
        : ((await sendOperation(context, session, { parts: [part], lane }))[0] as Operation)
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
