import { describe, expect, test } from 'vitest'
import { BaseError } from './base.js'
import {
  SessionNotFoundError,
  SessionStorageError,
  type SessionStorageErrorReason,
} from './storage.js'

describe('SessionStorageError', () => {
  const reasons: [SessionStorageErrorReason, string][] = [
    ['corrupted', 'Remove it and create a new session.'],
    ['tampered', 'failed its integrity check'],
    ['version', 'upgrade Sessionkit'],
    ['unavailable', 'createMemoryStorage()'],
    ['write-failed', 'nothing was written'],
    ['invalid', 'nothing was written'],
  ]
  test.each(reasons)('behavior: reason %s says what to do next', (reason, next) => {
    const cause = new DOMException('boom', 'QuotaExceededError')
    const error = new SessionStorageError({ reason, sessionId: 's1', cause })
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe('SessionStorageError')
    expect(error.reason).toBe(reason)
    expect(error.sessionId).toBe('s1')
    expect(error.shortMessage).toContain(next)
    expect(error.message).toContain(`Reason: ${reason}`)
    expect(error.message).toContain('Session: s1')
    expect(error.details).toBe('boom')
    expect(error.walk()).toBe(cause)
  })

  test('behavior: unavailable says where each kind of app gets storage', () => {
    expect(new SessionStorageError({ reason: 'unavailable' }).shortMessage).toBe(
      'No IndexedDB or WebCrypto here. In a browser, serve over https or localhost; elsewhere (server, tests) use createMemoryStorage().',
    )
  })

  test('behavior: without a session id it names none', () => {
    const error = new SessionStorageError({ reason: 'corrupted' })
    expect(error.sessionId).toBeUndefined()
    expect(error.shortMessage.startsWith('A stored session')).toBe(true)
    expect(error.message).not.toContain('Session:')
  })
})

describe('SessionNotFoundError', () => {
  test('behavior: carries the id and says what to do next', () => {
    const error = new SessionNotFoundError({ sessionId: 'abc' })
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe('SessionNotFoundError')
    expect(error.sessionId).toBe('abc')
    expect(error.shortMessage).toBe(
      'Session "abc" was not found. List sessions again, or create one.',
    )
  })
})
