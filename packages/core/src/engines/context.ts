import { getConnection } from '@wagmi/core'
import type { Address } from 'viem'
import { type DeleGatorDeployment, getDeleGatorDeployment } from '../accounts/counterfactual.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { BaseError } from '../errors/base.js'
import {
  AccountNotConnectedError,
  ChainNotConfiguredError,
  SessionParameterError,
} from '../errors/session.js'
import type { SessionScope } from '../storage/types.js'
import type { Engine } from './createEngines.js'

/** Who is acting: the connected wallet, its smart account, the chain and its engine. */
export type SessionContext = {
  owner: Address
  chainId: number
  engine: Engine
  /** The user's counterfactual HybridDeleGator. */
  user: DeleGatorDeployment
  scope: SessionScope
}

/** Reads the connected account and chain from wagmi and resolves the chain's engine. */
export async function getSessionContext(config: SessionConfig): Promise<SessionContext> {
  if (
    typeof config !== 'object' ||
    config === null ||
    typeof config._internal?.engine !== 'function'
  )
    throw new SessionParameterError({
      parameter: 'config',
      message: 'is not a session config (createSessionConfig).',
    })
  const connection = getConnection(config.wagmi)
  if (connection.status !== 'connected' || !connection.address) throw new AccountNotConnectedError()
  const chainId = connection.chainId
  let engine: Engine
  try {
    engine = await config._internal.engine(chainId)
  } catch (error) {
    if (error instanceof BaseError) throw error
    throw new ChainNotConfiguredError({ chainId, cause: error })
  }
  const user = getDeleGatorDeployment({
    owner: connection.address,
    environment: engine.environment,
  })
  return {
    owner: connection.address,
    chainId,
    engine,
    user,
    scope: { chainId, account: user.address, appId: config.appId },
  }
}

/** Whether a UserRejectedRequestError (EIP-1193 code 4001) is anywhere in the cause chain. */
export function isUserRejection(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 10; depth++) {
    const e = current as { code?: unknown; name?: unknown; cause?: unknown }
    if (e.code === 4001 || e.name === 'UserRejectedRequestError') return true
    current = e.cause
  }
  return false
}
