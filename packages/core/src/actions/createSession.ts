import { signTypedData } from '@wagmi/core'
import type { Address, Hex } from 'viem'
import { bytesToHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { getDeleGatorDeployment } from '../accounts/counterfactual.js'
import {
  type Delegation,
  getDelegationTypedData,
  hashDelegation,
  rootAuthority,
  toStoredDelegation,
} from '../accounts/delegation.js'
import type { SessionConfig } from '../createSessionConfig.js'
import { getSessionContext, isUserRejection } from '../engines/context.js'
import type { StoredSessionDelegation } from '../engines/loadSession.js'
import type { BaseErrorType } from '../errors/base.js'
import { BaseError } from '../errors/base.js'
import type {
  PolicyEnvironmentErrorType,
  PolicyUnenforceableErrorType,
  PolicyValidationErrorType,
} from '../errors/policy.js'
import {
  type AccountNotConnectedErrorType,
  type ChainNotConfiguredErrorType,
  SessionParameterError,
  type SessionParameterErrorType,
  UserRejectedError,
  type UserRejectedErrorType,
} from '../errors/session.js'
import type { SessionStorageErrorType } from '../errors/storage.js'
import type { Policy } from '../policy/definePolicy.js'
import { serializePolicy } from '../policy/serializePolicy.js'
import { sessionCaveats, toCaveats } from '../policy/toCaveats.js'
import { type StoredSession, storedSessionVersion } from '../storage/types.js'

export type CreateSessionParameters = {
  /** What the session may do (from `definePolicy`). */
  policy: Policy<readonly unknown[]>
  /** A name for the session, shown in session lists. */
  label?: string | undefined
}

export type CreateSessionReturnType = {
  id: string
  /** The user's smart account that granted the session. */
  account: Address
  /** The session's own smart account (counterfactual until its first action). */
  sessionAccount: Address
  /** The connected wallet that signed. */
  owner: Address
  chainId: number
  policy: Policy
  /** Unix seconds, when the policy expires. */
  expiresAt: number | undefined
  /** The root delegation (user → scope signer) and one leaf per scope (scope signer → session account). */
  delegations: { root: Delegation; leaves: { id: string; delegation: Delegation }[] }
}

export type CreateSessionErrorType =
  | AccountNotConnectedErrorType
  | ChainNotConfiguredErrorType
  | UserRejectedErrorType
  | SessionParameterErrorType
  | SessionStorageErrorType
  | PolicyValidationErrorType
  | PolicyUnenforceableErrorType
  | PolicyEnvironmentErrorType
  | BaseErrorType

/**
 * Creates a session with exactly one wallet prompt: the user's smart account delegates to a
 * throwaway scope signer, which signs one leaf per policy scope to a fresh session account, then
 * is discarded. Stores the session only after the signature. https://sessionkit.dev/actions/createSession
 */
export async function createSession(
  config: SessionConfig,
  parameters: CreateSessionParameters,
): Promise<CreateSessionReturnType> {
  if (
    typeof parameters !== 'object' ||
    parameters === null ||
    typeof parameters.policy !== 'object' ||
    parameters.policy === null
  )
    throw new SessionParameterError({
      parameter: 'policy',
      message: 'is required (definePolicy({ ... })).',
    })
  if (parameters.label !== undefined && typeof parameters.label !== 'string')
    throw new SessionParameterError({ parameter: 'label', message: 'must be a string.' })
  const policy = parameters.policy as Policy
  const context = await getSessionContext(config)
  const { engine, chainId, owner, user } = context
  const environment = engine.environment
  const grantedAt = await engine.now()

  const sessionKey = generatePrivateKey()
  const sessionOwner = privateKeyToAccount(sessionKey)
  const sessionAccount = getDeleGatorDeployment({
    owner: sessionOwner.address,
    environment,
  }).address
  const compiled = toCaveats(policy, { environment, redeemer: sessionAccount, grantedAt })
  const serializedPolicy = JSON.parse(serializePolicy(policy)) as unknown
  const times = compiled[0]?.times
  if (!times) throw new SessionParameterError({ parameter: 'policy', message: 'grants nothing.' })

  // The throwaway scope signer: receives the one root delegation, signs the leaves, is forgotten.
  const scopeSigner = privateKeyToAccount(generatePrivateKey())
  // The root is bounded like each leaf: only the session account redeems, within the session's times.
  const unsignedRoot = {
    delegate: scopeSigner.address,
    delegator: user.address,
    authority: rootAuthority,
    caveats: sessionCaveats(environment, sessionAccount, times, '0x'),
    salt: randomSalt(),
  }
  let rootSignature: Hex
  try {
    rootSignature = await signTypedData(
      config.wagmi,
      getDelegationTypedData({
        delegation: unsignedRoot,
        chainId,
        delegationManager: environment.DelegationManager,
      }),
    )
  } catch (error) {
    if (isUserRejection(error)) throw new UserRejectedError({ cause: error })
    throw new BaseError(
      'The wallet could not sign. Check it is unlocked and on the right chain, then try again.',
      {
        cause: error,
      },
    )
  }
  const root: Delegation = { ...unsignedRoot, signature: rootSignature }
  const rootHash = hashDelegation(root)
  const leaves = await Promise.all(
    compiled.map(async (scope) => {
      const unsigned = {
        delegate: sessionAccount,
        delegator: scopeSigner.address,
        authority: rootHash,
        caveats: scope.caveats,
        salt: randomSalt(),
      }
      const signature = await scopeSigner.signTypedData(
        getDelegationTypedData({
          delegation: unsigned,
          chainId,
          delegationManager: environment.DelegationManager,
        }),
      )
      return { id: scope.id, delegation: { ...unsigned, signature } as Delegation }
    }),
  )

  const delegations: StoredSessionDelegation[] = [
    { role: 'root', id: 'root', hash: rootHash, delegation: toStoredDelegation(root) },
    ...leaves.map(
      (leaf): StoredSessionDelegation => ({
        role: 'leaf',
        id: leaf.id,
        hash: hashDelegation(leaf.delegation),
        delegation: toStoredDelegation(leaf.delegation),
      }),
    ),
  ]
  const id = randomId()
  const stored: StoredSession = {
    version: storedSessionVersion,
    id,
    chainId,
    account: user.address,
    appId: config.appId,
    owner,
    app: config.app,
    sessionAccount,
    privateKey: sessionKey,
    policy: serializedPolicy,
    delegations,
    createdAt: createdAtOf(grantedAt),
    ...(times.expiresAt > 0 ? { expiresAt: times.expiresAt } : {}),
    ...(parameters.label !== undefined ? { label: parameters.label } : {}),
  }
  await config.storage.put(stored)
  return {
    id,
    account: user.address,
    sessionAccount,
    owner,
    chainId,
    policy,
    expiresAt: times.expiresAt > 0 ? times.expiresAt : undefined,
    delegations: { root, leaves },
  }
}

function randomSalt(): bigint {
  return BigInt(bytesToHex(crypto.getRandomValues(new Uint8Array(32))))
}

function randomId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('')
}

let lastCreatedAt = 0

/**
 * Milliseconds within the granting second (the chain's), so sessions created in the same second
 * still sort newest first; `Math.floor(createdAt / 1000)` stays the grant time.
 */
function createdAtOf(grantedAt: number): number {
  const base = grantedAt * 1000
  const next = Math.min(base + 999, Math.max(base + (Date.now() % 1000), lastCreatedAt + 1))
  lastCreatedAt = next
  return next
}
