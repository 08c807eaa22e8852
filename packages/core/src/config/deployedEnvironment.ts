import { DELEGATOR_CONTRACTS } from '@metamask/delegation-deployments'
import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address } from 'viem'

/*
 * The published deployment table and the code that reads it load together, on first use: apps that
 * pass `environment` never load them. Nothing of the kit is imported at run time, so this chunk
 * shares no module with the main bundle.
 */

/** Delegation Framework version whose deployments the engine uses by default. */
export const delegationFrameworkVersion = '1.3.0'

const core = new Set(['DelegationManager', 'EntryPoint', 'SimpleFactory'])

/** The published Delegation Framework deployment of a chain id, or `undefined` when there is none. */
export function readDeployedEnvironment(chainId: number): SmartAccountsEnvironment | undefined {
  const contracts = DELEGATOR_CONTRACTS[delegationFrameworkVersion]?.[chainId]
  if (!contracts?.DelegationManager || !contracts.EntryPoint || !contracts.SimpleFactory)
    return undefined
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
  } as SmartAccountsEnvironment
}
