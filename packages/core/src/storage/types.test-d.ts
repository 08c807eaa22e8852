import { describe, expectTypeOf, test } from 'vitest'
import { createIndexedDbStorage } from './indexedDb.js'
import { createMemoryStorage } from './memory.js'
import type { ListStoredSessionsReturnType, SessionStorage, StoredSession } from './types.js'

describe('SessionStorage', () => {
  test('both built-in storages are SessionStorage', () => {
    expectTypeOf(createMemoryStorage()).toEqualTypeOf<SessionStorage>()
    expectTypeOf(createIndexedDbStorage()).toMatchTypeOf<SessionStorage>()
  })

  test('get resolves to a session or undefined; list to sessions and errors', () => {
    expectTypeOf<ReturnType<SessionStorage['get']>>().toEqualTypeOf<
      Promise<StoredSession | undefined>
    >()
    expectTypeOf<ReturnType<SessionStorage['list']>>().toEqualTypeOf<
      Promise<ListStoredSessionsReturnType>
    >()
  })

  test('only revokedAt and label can be patched', () => {
    expectTypeOf<Parameters<SessionStorage['update']>[1]>().toEqualTypeOf<{
      revokedAt?: number | undefined
      label?: string | undefined
    }>()
  })
})
