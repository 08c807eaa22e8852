import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address } from 'viem'
import { ChainNotConfiguredError } from '../errors/session.js'

/** Delegation Framework addresses on one chain (the kit's `SmartAccountsEnvironment`). */
export type SessionEnvironment = SmartAccountsEnvironment

/** Delegation Framework version whose deployments the engine uses by default. */
export const delegationFrameworkVersion = '1.3.0'

const core = new Set(['DelegationManager', 'EntryPoint', 'SimpleFactory'])

/**
 * The kit's published Delegation Framework deployment for a chain id, read from the
 * `@metamask/delegation-deployments` table (3 kB, loaded on first use only, so apps that pass
 * `environment` never load it). Rejects with `ChainNotConfiguredError` when there is none.
 */
export async function getDeployedEnvironment(chainId: number): Promise<SessionEnvironment> {
  const { DELEGATOR_CONTRACTS } = await import('@metamask/delegation-deployments')
  const contracts = DELEGATOR_CONTRACTS[delegationFrameworkVersion]?.[chainId]
  if (!contracts?.DelegationManager || !contracts.EntryPoint || !contracts.SimpleFactory)
    throw new ChainNotConfiguredError({
      chainId,
      reason: `the Delegation Framework ${delegationFrameworkVersion} is not deployed there; pass its \`environment\``,
    })
  const implementations: Record<string, Address> = {}
  const caveatEnforcers: Record<string, Address> = {}
  for (const [name, address] of Object.entries(contracts)) {
    if (core.has(name)) continue
    if (name.endsWith('Impl')) implementations[name] = address
    else if (name.endsWith('Enforcer')) caveatEnforcers[name] = address
  }
  return {
    DelegationManager: contracts.DelegationManager,
    EntryPoint: contracts.EntryPoint,
    SimpleFactory: contracts.SimpleFactory,
    implementations,
    caveatEnforcers,
  } as SessionEnvironment
}
