import {
  createDelegation,
  getSmartAccountsEnvironment,
  signDelegation as kitSignDelegation,
} from '@metamask/smart-accounts-kit'
import {
  encodeDelegations,
  hashDelegation as kitHashDelegation,
} from '@metamask/smart-accounts-kit/utils'
import { toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import {
  encodePermissionContext,
  fromStoredDelegation,
  getDelegationTypedData,
  hashDelegation,
  rootAuthority,
  toStoredDelegation,
} from './delegation.js'

const environment = getSmartAccountsEnvironment(11155111)
const alice = privateKeyToAccount(generatePrivateKey())
const bob = privateKeyToAccount(generatePrivateKey()).address
const caveats = [
  {
    enforcer: environment.caveatEnforcers.TimestampEnforcer as `0x${string}`,
    terms: '0x1234' as const,
    args: '0x' as const,
  },
  {
    enforcer: environment.caveatEnforcers.RedeemerEnforcer as `0x${string}`,
    terms: `0x${'ab'.repeat(20)}` as const,
    args: '0x' as const,
  },
]

describe('hashDelegation', () => {
  test('behavior: equals the kit hash for a root and a chained delegation', () => {
    const root = {
      delegate: bob,
      delegator: alice.address,
      authority: rootAuthority,
      caveats,
      salt: 123456789n,
    }
    const kitRoot = { ...root, salt: toHex(root.salt), signature: '0x' as const }
    expect(hashDelegation(root)).toBe(kitHashDelegation(kitRoot))
    const leaf = {
      delegate: alice.address,
      delegator: bob,
      authority: hashDelegation(root),
      caveats: [],
      salt: 0n,
    }
    expect(hashDelegation(leaf)).toBe(kitHashDelegation({ ...leaf, salt: '0x0', signature: '0x' }))
  })

  test('behavior: a different salt or caveat gives a different hash', () => {
    const base = {
      delegate: bob,
      delegator: alice.address,
      authority: rootAuthority,
      caveats,
      salt: 1n,
    }
    expect(hashDelegation(base)).not.toBe(hashDelegation({ ...base, salt: 2n }))
    expect(hashDelegation(base)).not.toBe(hashDelegation({ ...base, caveats: caveats.slice(1) }))
  })
})

describe('getDelegationTypedData', () => {
  test('behavior: signing it gives the same signature as the kit signDelegation', async () => {
    const privateKey = generatePrivateKey()
    const signer = privateKeyToAccount(privateKey)
    const delegation = {
      delegate: bob,
      delegator: signer.address,
      authority: rootAuthority,
      caveats,
      salt: 42n,
    }
    const ours = await signer.signTypedData(
      getDelegationTypedData({
        delegation,
        chainId: 11155111,
        delegationManager: environment.DelegationManager,
      }),
    )
    const kit = await kitSignDelegation({
      privateKey,
      delegation: { ...delegation, salt: toHex(42n) },
      delegationManager: environment.DelegationManager,
      chainId: 11155111,
    })
    expect(ours).toBe(kit)
  })
})

describe('encodePermissionContext', () => {
  test('behavior: equals the kit encodeDelegations for a leaf+root chain', () => {
    const root = {
      delegate: bob,
      delegator: alice.address,
      authority: rootAuthority,
      caveats,
      salt: 7n,
      signature: '0xaa' as const,
    }
    const leaf = {
      delegate: alice.address,
      delegator: bob,
      authority: hashDelegation(root),
      caveats: [],
      salt: 9n,
      signature: '0xbb' as const,
    }
    const kit = encodeDelegations([leaf, root].map((d) => ({ ...d, salt: toHex(d.salt) })))
    expect(encodePermissionContext([leaf, root])).toBe(kit)
  })

  test('behavior: a delegation survives the stored (JSON) form', () => {
    const d = {
      delegate: bob,
      delegator: alice.address,
      authority: rootAuthority,
      caveats,
      salt: 2n ** 255n,
      signature: '0xaa' as const,
    }
    expect(fromStoredDelegation(JSON.parse(JSON.stringify(toStoredDelegation(d))))).toEqual(d)
  })
})

test('createDelegation sanity: the kit defaults to root authority', () => {
  const kit = createDelegation({
    environment,
    scope: { type: 'functionCall', targets: [bob], selectors: ['0x12345678'] },
    to: bob,
    from: alice.address,
  })
  expect(kit.authority).toBe(rootAuthority)
})
