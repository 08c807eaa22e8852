import { parseAbi } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import type { CheckResult } from '../policy/types.js'
import type { CheckSessionCallsReturnType } from './checkSessionCalls.js'
import type { CreateSessionErrorType, CreateSessionParameters } from './createSession.js'
import type { RevokeSessionErrorType, RevokeSessionParameters } from './revokeSession.js'
import type {
  SendSessionCallsErrorType,
  SendSessionCallsParameters,
  SendSessionCallsReturnType,
} from './sendSessionCalls.js'

describe('action types', () => {
  test('error unions can be switched on by name', () => {
    expectTypeOf<SendSessionCallsErrorType['name']>().toExtend<string>()
    expectTypeOf<'SessionScopeError'>().toExtend<SendSessionCallsErrorType['name']>()
    expectTypeOf<'BundlerError'>().toExtend<SendSessionCallsErrorType['name']>()
    expectTypeOf<'PaymasterError'>().toExtend<SendSessionCallsErrorType['name']>()
    expectTypeOf<'SessionExpiredError'>().toExtend<SendSessionCallsErrorType['name']>()
    expectTypeOf<'UserRejectedError'>().toExtend<CreateSessionErrorType['name']>()
    expectTypeOf<'UserRejectedError'>().toExtend<RevokeSessionErrorType['name']>()
  })

  test('revoke takes an id or all, not both', () => {
    expectTypeOf<{ id: string }>().toExtend<RevokeSessionParameters>()
    expectTypeOf<{ all: true }>().toExtend<RevokeSessionParameters>()
    expectTypeOf<{ id: string; all: true }>().not.toExtend<RevokeSessionParameters>()
  })

  test('calls take an ABI call or a raw call; the result has a hash and wait()', () => {
    const abi = parseAbi(['function move(uint8 direction)'])
    expectTypeOf({
      calls: [
        {
          address: '0x1111111111111111111111111111111111111111',
          abi,
          functionName: 'move',
          args: [1],
        },
      ],
    } as const).toExtend<SendSessionCallsParameters>()
    expectTypeOf({
      calls: [{ to: '0x1111111111111111111111111111111111111111', data: '0x' }],
    } as const).toExtend<SendSessionCallsParameters>()
    expectTypeOf<SendSessionCallsReturnType['hash']>().toEqualTypeOf<`0x${string}`>()
    expectTypeOf<CheckSessionCallsReturnType>().toExtend<CheckResult>()
  })

  test('createSession takes a policy and an optional label', () => {
    expectTypeOf<CreateSessionParameters['label']>().toEqualTypeOf<string | undefined>()
  })
})
