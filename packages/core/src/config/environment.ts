import { DELEGATOR_CONTRACTS } from '@metamask/delegation-deployments'
import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address } from 'viem'
import { ChainNotConfiguredError } from '../errors/session.js'

/** Delegation Framework addresses on one chain (the kit's `SmartAccountsEnvironment`). */
export type SessionEnvironment = SmartAccountsEnvironment

/** Delegation Framework version whose deployments the engine uses by default. */
export const delegationFrameworkVersion = '1.3.0'

const core = new Set(['DelegationManager', 'EntryPoint', 'SimpleFactory'])

/**
 * The kit's published Delegation Framework deployment for a chain id, read from the light
 * `@metamask/delegation-deployments` table. Throws `ChainNotConfiguredError` when there is none.
 */
export function getDeployedEnvironment(chainId: number): SessionEnvironment {
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
