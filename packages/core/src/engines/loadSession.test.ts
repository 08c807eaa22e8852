import { getSmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { createClient, custom } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { getDeleGatorDeployment } from '../accounts/counterfactual.js'
import {
  type Delegation,
  hashDelegation,
  rootAuthority,
  toStoredDelegation,
} from '../accounts/delegation.js'
import { SessionStorageError } from '../errors/storage.js'
import { definePolicy } from '../policy/definePolicy.js'
import { dungeon, dungeonAbi, now } from '../policy/fixtures.test-utils.js'
import { serializePolicy } from '../policy/serializePolicy.js'
import { toCaveats } from '../policy/toCaveats.js'
import type { StoredSession } from '../storage/types.js'
import type { Engine } from './createEngines.js'
import { loadSession, type StoredSessionDelegation } from './loadSession.js'

const environment = getSmartAccountsEnvironment(11155111)
const engine = () =>
  ({
    chainId: sepolia.id,
    environment,
    publicClient: createClient({
      chain: sepolia,
      transport: custom({ request: async () => Promise.reject(new Error('no chain here')) }),
    }),
    sessions: new Map(),
  }) as unknown as Engine

const signature = `0x${'11'.repeat(65)}` as const
const policy = definePolicy(
  { calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }] },
  { now },
)

/** A stored session as createSession writes it (signatures are not checked on load). */
function storedSession(): StoredSession {
  const privateKey = generatePrivateKey()
  const sessionAccount = getDeleGatorDeployment({
    owner: privateKeyToAccount(privateKey).address,
    environment,
  }).address
  const user = '0x7777777777777777777777777777777777777777'
  const scopeSigner = '0x8888888888888888888888888888888888888888'
  const root: Delegation = {
    delegate: scopeSigner,
    delegator: user,
    authority: rootAuthority,
    caveats: [],
    salt: 1n,
    signature,
  }
  const rootHash = hashDelegation(root)
  const leaves = toCaveats(policy, { environment, redeemer: sessionAccount, grantedAt: now }).map(
    (scope): StoredSessionDelegation => {
      const delegation: Delegation = {
        delegate: sessionAccount,
        delegator: scopeSigner,
        authority: rootHash,
        caveats: scope.caveats,
        salt: 2n,
        signature,
      }
      const hash = hashDelegation(delegation)
      return { role: 'leaf', id: scope.id, hash, delegation: toStoredDelegation(delegation) }
    },
  )
  return {
    version: 1,
    id: 's1',
    chainId: sepolia.id,
    account: user,
    appId: 'https://game.example',
    owner: user,
    app: { name: 'Game', url: 'https://game.example' },
    sessionAccount,
    privateKey,
    policy: JSON.parse(serializePolicy(policy)),
    delegations: [
      { role: 'root', id: 'root', hash: rootHash, delegation: toStoredDelegation(root) },
      ...leaves,
    ],
    createdAt: now * 1000,
  }
}

const leafOf = (stored: StoredSession) =>
  (stored.delegations as StoredSessionDelegation[])[1]
    ?.delegation as StoredSessionDelegation['delegation']

async function refusal(stored: StoredSession) {
  try {
    await loadSession(engine(), stored)
  } catch (error) {
    return error as SessionStorageError
  }
  throw new Error('loaded')
}

type LeafChange = (leaf: StoredSessionDelegation['delegation']) => void

/** Applies each change to a fresh stored session's first leaf and expects loading to refuse it. */
async function expectRefusedAfter(
  changes: LeafChange[],
  expected: { reason: SessionStorageError['reason']; details?: string | RegExp },
) {
  for (const change of changes) {
    const stored = storedSession()
    change(leafOf(stored))
    const error = await refusal(stored)
    expect(error).toBeInstanceOf(SessionStorageError)
    expect(error.reason).toBe(expected.reason)
    if (typeof expected.details === 'string') expect(error.details).toBe(expected.details)
    else if (expected.details) expect(error.details).toMatch(expected.details)
  }
}

describe('loadSession', () => {
  test('behavior: revives a stored session: its leaves under the root, for the session account', async () => {
    const stored = storedSession()
    const runtime = await loadSession(engine(), stored)
    expect(runtime.account.address).toBe(stored.sessionAccount)
    expect(runtime.leaves.map((leaf) => [leaf.id, leaf.hash])).toEqual(
      (stored.delegations as StoredSessionDelegation[])
        .filter((entry) => entry.role === 'leaf')
        .map((entry) => [entry.id, entry.hash]),
    )
    expect(runtime.root.hash).toBe((stored.delegations as StoredSessionDelegation[])[0]?.hash)
  })

  test('error: a leaf whose caveat terms, delegate or authority were changed is tampered', async () => {
    const changes: LeafChange[] = [
      (leaf) => {
        const caveat = leaf.caveats[0] as { terms: `0x${string}` }
        caveat.terms = `0x${'22'.repeat(20)}`
      },
      (leaf) => {
        leaf.delegate = '0x9999999999999999999999999999999999999999'
      },
      (leaf) => {
        leaf.authority = `0x${'33'.repeat(32)}`
      },
      (leaf) => {
        leaf.caveats = leaf.caveats.slice(1)
      },
    ]
    await expectRefusedAfter(changes, {
      reason: 'tampered',
      details: /does not match the stored policy/,
    })
  })

  test('error: a malformed stored delegation is corrupted (a typed error, not a viem one)', async () => {
    await expectRefusedAfter(
      [
        (leaf) => {
          ;(leaf.caveats[0] as { enforcer: string }).enforcer = 'not an address'
        },
        (leaf) => {
          leaf.signature = 'nope' as never
        },
      ],
      { reason: 'corrupted' },
    )
  })

  test('error: non-canonical hex in a stored delegation is corrupted (its hash would not tell)', async () => {
    const changes: LeafChange[] = [
      // A leading zero stripped from caveat terms: viem pads odd hex, so the hash stays the same.
      (leaf) => {
        const caveat = leaf.caveats.find((c) => c.terms.startsWith('0x0'))
        if (!caveat) throw new Error('no caveat terms with a leading zero')
        caveat.terms = `0x${caveat.terms.slice(3)}`
      },
      (leaf) => {
        ;(leaf.caveats[0] as { args: string }).args = '0xabc'
      },
      (leaf) => {
        leaf.authority = `0x${leaf.authority.slice(3)}`
      },
      (leaf) => {
        leaf.salt = '0x02'
      },
      (leaf) => {
        leaf.signature = `0x${'1'.repeat(129)}`
      },
    ]
    await expectRefusedAfter(changes, {
      reason: 'corrupted',
      details: 'a stored delegation is malformed',
    })
  })

  test("error: a leaf not delegated by the root's delegate is tampered", async () => {
    await expectRefusedAfter(
      [
        (leaf) => {
          leaf.delegator = '0x9999999999999999999999999999999999999999'
        },
      ],
      {
        reason: 'tampered',
        details: `the delegation for scope "calls:0" is not from the root's delegate`,
      },
    )
  })

  test('error: a key that does not own the session account is tampered', async () => {
    const stored = { ...storedSession(), privateKey: generatePrivateKey() }
    const error = await refusal(stored)
    expect(error.reason).toBe('tampered')
    expect(error.details).toMatch(/does not own/)
  })
})
