import { isAddress } from 'viem'
import type { SessionScope } from './types.js'

/** Whether a session's scope is exactly the requested one (account compared case-insensitively). */
export function isSameScope(a: SessionScope, b: SessionScope): boolean {
  return (
    a.chainId === b.chainId &&
    a.appId === b.appId &&
    a.account.toLowerCase() === b.account.toLowerCase()
  )
}

/** The scope of an untrusted value when its scope fields are well formed, else `undefined`. */
export function readScope(value: unknown): SessionScope | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { chainId, account, appId } = value as Record<string, unknown>
  if (!isChainId(chainId) || !isAddressLike(account) || !isNonEmptyString(appId)) return undefined
  return { chainId, account, appId }
}

export function isChainId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

export function isAddressLike(value: unknown): value is `0x${string}` {
  return typeof value === 'string' && isAddress(value, { strict: false })
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

/** The scope fields of a session. */
export function scopeOf({ chainId, account, appId }: SessionScope): SessionScope {
  return { chainId, account, appId }
}
