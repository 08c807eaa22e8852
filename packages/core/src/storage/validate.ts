import {
  SessionNotFoundError,
  SessionStorageError,
  type SessionStorageErrorReason,
} from '../errors/storage.js'
import { canonicalJson } from './canonicalJson.js'
import { isAddressLike, isChainId, isNonEmptyString, readScope } from './scope.js'
import {
  type SessionScope,
  type StoredSession,
  type StoredSessionApp,
  storedSessionVersion,
} from './types.js'

/** Everything stored about a session except its private key. */
export type StoredSessionMetadata = Omit<StoredSession, 'privateKey'>

const maxIdLength = 256
/** 32 bytes of hex: a private key, a delegation's authority. */
export const bytes32Pattern = /^0x[0-9a-fA-F]{64}$/

/** Checks a caller's session id; throws `SessionStorageError` (`invalid`). */
export function assertSessionId(id: unknown): asserts id is string {
  if (!isNonEmptyString(id) || id.length > maxIdLength)
    throw new SessionStorageError({
      reason: 'invalid',
      details: `id must be 1 to ${maxIdLength} characters.`,
    })
}

/** Checks a caller's scope and returns a copy; throws `SessionStorageError` (`invalid`). */
export function assertScope(scope: unknown): SessionScope {
  const read = readScope(scope)
  if (!read)
    throw new SessionStorageError({
      reason: 'invalid',
      details:
        'scope must be { chainId: positive integer, account: address, appId: non-empty string }.',
    })
  return read
}

/** Validates a session passed to `put` and returns a normalized copy (unknown fields dropped). */
export function assertStoredSession(value: unknown): StoredSession {
  const id = isRecord(value) && typeof value.id === 'string' ? value.id : undefined
  if (isRecord(value) && value.version !== storedSessionVersion)
    throw invalid(id, `version must be ${storedSessionVersion}.`)
  const metadata = readMetadataOrThrow(value, 'invalid', id)
  const privateKey = (value as Record<string, unknown>).privateKey
  if (typeof privateKey !== 'string' || !bytes32Pattern.test(privateKey))
    throw invalid(id, 'privateKey must be 32 bytes of hex.')
  return { ...metadata, privateKey: privateKey as `0x${string}` }
}

/**
 * Reads the metadata of an untrusted stored value. Throws `SessionStorageError` with `version` for a
 * foreign format version and `corrupted` for anything else malformed; never a `TypeError`.
 */
export function readStoredMetadata(value: unknown, id: string): StoredSessionMetadata {
  if (isRecord(value) && 'version' in value && value.version !== storedSessionVersion)
    throw new SessionStorageError({
      reason: 'version',
      sessionId: id,
      details: `Found version ${safeString(value.version)}, expected ${storedSessionVersion}.`,
    })
  const metadata = readMetadataOrThrow(value, 'corrupted', id)
  if (metadata.id !== id)
    throw new SessionStorageError({
      reason: 'tampered',
      sessionId: id,
      details: 'The record carries another id.',
    })
  return metadata
}

/** The error for a `put` that would replace a session of another scope under the same id. */
export function idTakenError(id: string) {
  return invalid(id, 'The id is taken by another account, chain or app.')
}

/** The errors the lazily loaded `update` (`update.ts`) throws. */
export const updateTools = {
  error: (reason: SessionStorageErrorReason, sessionId: string, details: string) =>
    new SessionStorageError({ reason, sessionId, details }),
  notFound: (sessionId: string) => new SessionNotFoundError({ sessionId }),
}

function readMetadataOrThrow(
  value: unknown,
  reason: SessionStorageErrorReason,
  id: string | undefined,
): StoredSessionMetadata {
  const result = readMetadata(value)
  if (typeof result === 'string')
    throw new SessionStorageError({
      reason,
      sessionId: id,
      details: `Field "${result}" is missing or malformed.`,
    })
  return result
}

const isString = (value: unknown) => typeof value === 'string'

/** The stored fields in the order they are checked, each with its check and whether it may be left out. */
const metadataFields: [field: string, valid: (value: unknown) => unknown, optional?: true][] = [
  ['version', (value) => value === storedSessionVersion],
  ['id', (value) => isNonEmptyString(value) && value.length <= maxIdLength],
  ['chainId', isChainId],
  ['account', isAddressLike],
  ['appId', isNonEmptyString],
  ['owner', isAddressLike],
  ['app', readApp],
  ['sessionAccount', isAddressLike],
  ['policy', (value) => value !== undefined && canonicalJson(value) !== undefined],
  ['delegations', (value) => Array.isArray(value) && canonicalJson(value) !== undefined],
  ['createdAt', isTime],
  ['expiresAt', isTime, true],
  ['revokedAt', isTime, true],
  ['label', isString, true],
]

/** The normalized metadata (a copy, unknown fields dropped), or the name of the first bad field. */
function readMetadata(value: unknown): StoredSessionMetadata | string {
  if (!isRecord(value)) return 'record'
  const metadata: Record<string, unknown> = {}
  for (const [field, valid, optional] of metadataFields) {
    const item = value[field]
    if (optional && item === undefined) continue
    if (!valid(item)) return field
    metadata[field] = field === 'app' ? readApp(item) : structuredClone(item)
  }
  return metadata as StoredSessionMetadata
}

function readApp(value: unknown): StoredSessionApp | undefined {
  if (!isRecord(value)) return undefined
  if (typeof value.name !== 'string' || typeof value.url !== 'string') return undefined
  if (value.icon !== undefined && typeof value.icon !== 'string') return undefined
  return value.icon === undefined
    ? { name: value.name, url: value.url }
    : { name: value.name, url: value.url, icon: value.icon }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

function invalid(id: string | undefined, details: string) {
  return new SessionStorageError({ reason: 'invalid', sessionId: id, details })
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value)
  } catch {
    return typeof value
  }
}
