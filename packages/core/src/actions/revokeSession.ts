import { signTypedData } from '@wagmi/core'
import { encodeFunctionData, type Hex } from 'viem'
import {
  prepareUserOperation,
  sendUserOperation,
  type UserOperation,
} from 'viem/account-abstraction'
import { readContract } from 'viem/actions'
import { delegationManagerAbi, disableDelegationAbi } from '../accounts/abis.js'
import { toDeleGatorAccount } from '../accounts/toDeleGatorAccount.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext, isUserRejection } from '../engines/context.js'
import { loadSession, type SessionRuntime } from '../engines/loadSession.js'
import { waitForReceipt } from '../engines/receipts.js'
import { BaseError, type BaseErrorType } from '../errors/base.js'
import {
  type AccountNotConnectedErrorType,
  BundlerError,
  type BundlerErrorType,
  type ChainNotConfiguredErrorType,
  PaymasterError,
  type PaymasterErrorType,
  SessionCallsRevertedError,
  type SessionCallsRevertedErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
  UserRejectedError,
  type UserRejectedErrorType,
} from '../errors/session.js'
import {
  SessionNotFoundError,
  type SessionNotFoundErrorType,
  type SessionStorageErrorType,
} from '../errors/storage.js'

export type RevokeSessionParameters =
  | { id: string; all?: undefined }
  | { all: true; id?: undefined }

export type RevokeSessionReturnType = {
  /** Sessions now marked revoked. */
  ids: string[]
  /** The UserOperation that disabled the delegations, when one was needed. */
  hash: Hex | undefined
}

export type RevokeSessionErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | SessionNotFoundErrorType
  | SessionStorageErrorType
  | SessionParameterErrorType
  | UserRejectedErrorType
  | BundlerErrorType
  | PaymasterErrorType
  | SessionCallsRevertedErrorType
  | BaseErrorType

/**
 * Revokes one session (`{ id }`) or every session of the connected account, chain and app
 * (`{ all: true }`) with one wallet prompt: the user's account disables the root delegations
 * on chain in one UserOperation, then the sessions are marked revoked. https://sessionkit.dev/actions/revokeSession
 */
export async function revokeSession(
  config: SessionConfig,
  parameters: RevokeSessionParameters,
): Promise<RevokeSessionReturnType> {
  if (
    typeof parameters !== 'object' ||
    parameters === null ||
    (parameters.all !== true && (typeof parameters.id !== 'string' || parameters.id.length === 0))
  )
    throw new SessionParameterError({
      parameter: 'id',
      message: 'pass { id } of a session, or { all: true }.',
    })
  const context = await getSessionContext(config)
  const { engine } = context
  let sessions: SessionRuntime[]
  if (parameters.all) {
    const { sessions: stored } = await config.storage.list(context.scope)
    sessions = await Promise.all(
      stored
        .filter((s) => s.revokedAt === undefined)
        .map((s) => loadSession(engine, s).catch(() => undefined)),
    ).then((all) => all.filter((s): s is SessionRuntime => s !== undefined))
  } else {
    const stored = await config.storage.get(parameters.id as string, context.scope)
    if (!stored) throw new SessionNotFoundError({ sessionId: parameters.id as string })
    sessions = [await loadSession(engine, stored)]
  }
  const disabled = await Promise.all(
    sessions.map((s) =>
      readContract(engine.publicClient, {
        address: engine.environment.DelegationManager,
        abi: delegationManagerAbi,
        functionName: 'disabledDelegations',
        args: [s.root.hash],
      }),
    ),
  )
  const toDisable = sessions.filter((_, i) => !disabled[i])
  let hash: Hex | undefined
  if (toDisable.length > 0) {
    const account = await toDeleGatorAccount({
      client: engine.publicClient,
      owner: {
        address: context.owner,
        signTypedData: (typedData) => signTypedData(config.wagmi, typedData as never),
      },
      environment: engine.environment,
    })
    const calls = toDisable.map((s) => ({
      to: engine.environment.DelegationManager,
      value: 0n,
      data: encodeFunctionData({
        abi: disableDelegationAbi,
        functionName: 'disableDelegation',
        args: [{ ...s.root.delegation, caveats: [...s.root.delegation.caveats] }],
      }),
    }))
    let prepared: UserOperation<'0.7'>
    try {
      const fees = await engine.fees.get()
      prepared = (await prepareUserOperation(engine.bundlerClient, {
        account,
        calls,
        ...fees,
        paymaster: engine.paymasterClient,
        paymasterContext: engine.settings.paymasterContext,
      } as never)) as unknown as UserOperation<'0.7'>
    } catch (cause) {
      if (
        (cause as { name?: string }).name?.includes('Paymaster') ||
        String((cause as Error).message).includes('pm_')
      )
        throw new PaymasterError({ cause })
      throw new BundlerError({
        shortMessage:
          'Could not prepare the revocation. Check the bundler and paymaster, then try again.',
        cause,
      })
    }
    let signature: Hex
    try {
      signature = await account.signUserOperation({ ...prepared, chainId: engine.chainId })
    } catch (error) {
      if (isUserRejection(error)) throw new UserRejectedError({ cause: error })
      throw new BaseError(
        'The wallet could not sign the revocation. Check the wallet, then try again.',
        { cause: error },
      )
    }
    try {
      hash = await sendUserOperation(engine.bundlerClient, {
        ...prepared,
        signature,
        entryPointAddress: engine.environment.EntryPoint,
      } as never)
    } catch (cause) {
      throw new BundlerError({
        shortMessage: 'The bundler refused the revocation. Try again.',
        cause,
      })
    }
    const receipt = await waitForReceipt(engine, hash)
    if (!receipt.success) throw new SessionCallsRevertedError({ userOperationHash: hash, receipt })
  }
  const revokedAt = Date.now()
  for (const s of sessions) {
    await config.storage.update(s.stored.id, { revokedAt })
    s.stored = { ...s.stored, revokedAt }
    s.usage.invalidate()
  }
  return { ids: sessions.map((s) => s.stored.id), hash }
}
