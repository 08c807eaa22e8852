import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { ChainNotConfiguredError } from '../errors/session.js'

/** Delegation Framework addresses on one chain (the kit's `SmartAccountsEnvironment`). */
export type SessionEnvironment = SmartAccountsEnvironment

/**
 * The kit's published Delegation Framework deployment for a chain id, read from the
 * `@metamask/delegation-deployments` table (3 kB, loaded on first use only, so apps that pass
 * `environment` never load it). Rejects with `ChainNotConfiguredError` when there is none.
 */
export async function getDeployedEnvironment(chainId: number): Promise<SessionEnvironment> {
  const { delegationFrameworkVersion, readDeployedEnvironment } = await import(
    './deployedEnvironment.js'
  )
  const environment = readDeployedEnvironment(chainId)
  if (!environment)
    throw new ChainNotConfiguredError({
      chainId,
      reason: `the Delegation Framework ${delegationFrameworkVersion} is not deployed there; pass an environment`,
    })
  return environment
}
