import type { Address, Hex } from 'viem'
import { isAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import {
  type Delegation,
  fromStoredDelegation,
  hashDelegation,
  type StoredDelegation,
} from '../accounts/delegation.js'
import { type DeleGatorAccount, toDeleGatorAccount } from '../accounts/toDeleGatorAccount.js'
import { SessionStorageError } from '../errors/storage.js'
import type { Policy } from '../policy/definePolicy.js'
import { deserializePolicy } from '../policy/serializePolicy.js'
import { type CompiledDelegation, toCaveats } from '../policy/toCaveats.js'
import type { StoredSession } from '../storage/types.js'
import { bytes32Pattern } from '../storage/validate.js'
import type { Engine } from './createEngines.js'
import { createUsageCache, type UsageCache } from './usage.js'

/** One delegation of a stored session. The root is signed by the user's wallet, leaves by the throwaway scope signer. */
export type StoredSessionDelegation = {
  role: 'root' | 'leaf'
  /** Compiled delegation id (`calls`, `native`, `erc20:0x…`) for leaves, `root` for the root. */
  id: string
  hash: Hex
  delegation: StoredDelegation
}

/** A leaf delegation with its compiled scope. */
export type SessionLeaf = {
  id: string
  hash: Hex
  delegation: Delegation
  compiled: CompiledDelegation
}

/** A stored session, revived and ready to act. */
export type SessionRuntime = {
  engine: Engine
  stored: StoredSession
  policy: Policy
  grantedAt: number
  root: { delegation: Delegation; hash: Hex }
  leaves: SessionLeaf[]
  compiled: CompiledDelegation[]
  account: DeleGatorAccount
  usage: UsageCache
  /** Next nonce of the ordered lane (key 0), once read. */
  orderedNonce?: Promise<bigint> | undefined
  /** This runtime's ordered-lane nonce key (random per tab). */
  orderedKey?: bigint | undefined
}

/** Revives a stored session (policy, delegations, session account); a malformed record gives `SessionStorageError`. */
export async function loadSession(engine: Engine, stored: StoredSession): Promise<SessionRuntime> {
  const cached = engine.sessions.get(stored.id)
  if (cached) {
    const runtime = await cached
    if (runtime.stored.revokedAt !== stored.revokedAt) runtime.stored = stored
    return runtime
  }
  // Concurrent loads of one session share one runtime (and its usage cache).
  const loading = reviveSession(engine, stored)
  engine.sessions.set(stored.id, loading)
  loading.catch(() => {
    if (engine.sessions.get(stored.id) === loading) engine.sessions.delete(stored.id)
  })
  return loading
}

async function reviveSession(engine: Engine, stored: StoredSession): Promise<SessionRuntime> {
  const corrupted = (details: string, cause?: unknown) =>
    new SessionStorageError({ reason: 'corrupted', sessionId: stored.id, details, cause })
  const grantedAt = Math.floor(stored.createdAt / 1000)
  let policy: Policy
  try {
    policy = deserializePolicy(stored.policy as object, { now: grantedAt })
  } catch (cause) {
    throw corrupted('the stored policy does not parse', cause)
  }
  const entries = stored.delegations as StoredSessionDelegation[]
  const rootEntry = entries.find((entry) => entry?.role === 'root')
  if (!rootEntry) throw corrupted('the root delegation is missing')
  let root: { delegation: Delegation; hash: Hex }
  let leaves: { id: string; delegation: Delegation; hash: Hex }[]
  try {
    const revive = (entry: StoredSessionDelegation) => {
      if (!isCanonical(entry.delegation)) throw new Error('malformed delegation')
      const delegation = fromStoredDelegation(entry.delegation)
      return { id: entry.id, delegation, hash: hashDelegation(delegation) }
    }
    root = revive(rootEntry)
    leaves = entries.filter((entry) => entry?.role === 'leaf').map(revive)
  } catch (cause) {
    throw corrupted('a stored delegation is malformed', cause)
  }
  const rootHash = root.hash
  let compiled: CompiledDelegation[]
  try {
    compiled = toCaveats(policy, {
      environment: engine.environment,
      redeemer: stored.sessionAccount,
      grantedAt,
    })
  } catch (cause) {
    throw corrupted('the stored policy no longer compiles', cause)
  }
  const sessionLeaves: SessionLeaf[] = compiled.map((c) => {
    const leaf = leaves.find((l) => l.id === c.id)
    if (!leaf) throw corrupted(`the delegation for scope "${c.id}" is missing`)
    // The leaf must be the compiled scope's delegation from the root's delegate to the session
    // account under the root: its delegator is the root's delegate, and its hash is the same once
    // the delegate, authority and caveats are put in (only the salt is the leaf's own). The hash
    // alone would not do: the record is canonical hex (checked above), or '0xabc' and '0x0abc'
    // would hash alike (viem pads odd hex).
    if (leaf.delegation.delegator.toLowerCase() !== root.delegation.delegate.toLowerCase())
      throw new SessionStorageError({
        reason: 'tampered',
        sessionId: stored.id,
        details: `the delegation for scope "${c.id}" is not from the root's delegate`,
      })
    const expected = {
      ...leaf.delegation,
      delegate: stored.sessionAccount,
      authority: rootHash,
      caveats: c.caveats,
    }
    if (leaf.hash !== hashDelegation(expected))
      throw new SessionStorageError({
        reason: 'tampered',
        sessionId: stored.id,
        details: `the delegation for scope "${c.id}" does not match the stored policy`,
      })
    return { ...leaf, compiled: c }
  })
  let key: ReturnType<typeof privateKeyToAccount>
  try {
    key = privateKeyToAccount(stored.privateKey)
  } catch (cause) {
    throw corrupted('the session key is malformed', cause)
  }
  const account = await toDeleGatorAccount({
    client: engine.publicClient,
    owner: {
      address: key.address,
      signTypedData: (typedData) => key.signTypedData(typedData as never),
      sign: (parameters) => key.sign(parameters),
    },
    environment: engine.environment,
  })
  if (account.address.toLowerCase() !== stored.sessionAccount.toLowerCase())
    throw new SessionStorageError({
      reason: 'tampered',
      sessionId: stored.id,
      details: 'the session key does not own the stored session account',
    })
  const runtime: SessionRuntime = {
    engine,
    stored,
    policy,
    grantedAt,
    root: { delegation: root.delegation, hash: rootHash },
    leaves: sessionLeaves,
    compiled,
    account,
    usage: createUsageCache({ engine, rootHash, leaves: sessionLeaves }),
  }
  return runtime
}

const bytesPattern = /^0x(?:[0-9a-fA-F]{2})*$/
const decimalPattern = /^(?:0|[1-9][0-9]*)$/
const matches = (pattern: RegExp, value: unknown) =>
  typeof value === 'string' && pattern.test(value)

/**
 * Whether a stored delegation is in the canonical form createSession writes: checksummed or
 * lower-case addresses, whole bytes of hex (terms, args, signature), a 32-byte authority and a
 * decimal salt. Hashing does not tell `0xabc` from `0x0abc`, but the chain does.
 */
function isCanonical(delegation: StoredDelegation): boolean {
  const { delegate, delegator, authority, caveats, salt, signature } = delegation
  return (
    isAddress(delegate) &&
    isAddress(delegator) &&
    matches(bytes32Pattern, authority) &&
    matches(decimalPattern, salt) &&
    matches(bytesPattern, signature) &&
    Array.isArray(caveats) &&
    caveats.every(
      (caveat) =>
        isAddress(caveat.enforcer) &&
        matches(bytesPattern, caveat.terms) &&
        matches(bytesPattern, caveat.args),
    )
  )
}

/** The addresses a session acts for. */
export type SessionAddresses = { account: Address; sessionAccount: Address }
