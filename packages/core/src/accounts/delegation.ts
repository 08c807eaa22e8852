import type { Address, Hex, TypedDataDomain } from 'viem'
import { encodeAbiParameters, getAddress, hashStruct, hashTypedData } from 'viem'
import { delegationComponents } from './abis.js'

/** Authority of a root delegation: the delegator acts on its own authority. */
export const rootAuthority: Hex =
  '0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'

/** One caveat as the DelegationManager takes it. */
export type DelegationCaveat = { enforcer: Address; terms: Hex; args: Hex }

/** A delegation as the DelegationManager takes it (salt as a bigint). */
export type Delegation = {
  delegate: Address
  delegator: Address
  authority: Hex
  caveats: readonly DelegationCaveat[]
  salt: bigint
  signature: Hex
}

/** EIP-712 types of a delegation, as the DelegationManager hashes it (caveat `args` are not signed). */
export const delegationTypes = {
  Caveat: [
    { name: 'enforcer', type: 'address' },
    { name: 'terms', type: 'bytes' },
  ],
  Delegation: [
    { name: 'delegate', type: 'address' },
    { name: 'delegator', type: 'address' },
    { name: 'authority', type: 'bytes32' },
    { name: 'caveats', type: 'Caveat[]' },
    { name: 'salt', type: 'uint256' },
  ],
} as const

function toMessage(delegation: Omit<Delegation, 'signature'>) {
  return {
    delegate: getAddress(delegation.delegate),
    delegator: getAddress(delegation.delegator),
    authority: delegation.authority,
    caveats: delegation.caveats.map((caveat) => ({
      enforcer: getAddress(caveat.enforcer),
      terms: caveat.terms,
    })),
    salt: delegation.salt,
  }
}

/** The EIP-712 typed data a delegator signs for a delegation. */
export function getDelegationTypedData(parameters: {
  delegation: Omit<Delegation, 'signature'>
  chainId: number
  delegationManager: Address
}) {
  const domain: TypedDataDomain = {
    name: 'DelegationManager',
    version: '1',
    chainId: parameters.chainId,
    verifyingContract: parameters.delegationManager,
  }
  return {
    domain,
    types: delegationTypes,
    primaryType: 'Delegation' as const,
    message: toMessage(parameters.delegation),
  }
}

/** The delegation hash the DelegationManager keys state by (EIP-712 struct hash, no domain). */
export function hashDelegation(delegation: Omit<Delegation, 'signature'>): Hex {
  return hashStruct({
    data: toMessage(delegation),
    primaryType: 'Delegation',
    types: delegationTypes,
  })
}

/** The digest a delegator signs (EIP-712 with the DelegationManager domain). */
export function hashDelegationTypedData(
  parameters: Parameters<typeof getDelegationTypedData>[0],
): Hex {
  return hashTypedData(getDelegationTypedData(parameters))
}

/** ABI-encodes a delegation chain (leaf first) as a permission context for `redeemDelegations`. */
export function encodePermissionContext(delegations: readonly Delegation[]): Hex {
  return encodeAbiParameters(
    [{ type: 'tuple[]', components: delegationComponents }],
    [delegations.map((d) => ({ ...d, caveats: [...d.caveats] }))],
  )
}

/** A JSON-safe delegation (salt as a decimal string), as stored. */
export type StoredDelegation = Omit<Delegation, 'salt'> & { salt: string }

/** Converts a delegation to its JSON-safe stored form. */
export function toStoredDelegation(delegation: Delegation): StoredDelegation {
  return {
    ...delegation,
    caveats: delegation.caveats.map((c) => ({ ...c })),
    salt: delegation.salt.toString(),
  }
}

/** Restores a delegation from its stored form. */
export function fromStoredDelegation(stored: StoredDelegation): Delegation {
  return { ...stored, caveats: stored.caveats.map((c) => ({ ...c })), salt: BigInt(stored.salt) }
}
