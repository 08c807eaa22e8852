import { connect, createConfig, disconnect, http, mock } from '@wagmi/core'
import { parseAbi } from 'viem'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { createSessionConfig } from '../createSessionConfig.js'
import { createMemoryStorage } from '../storage/memory.js'
import { checkSessionCallsQueryKey, checkSessionCallsQueryOptions } from './checkSessionCalls.js'
import { createSessionMutationOptions } from './createSession.js'
import { getSessionStatusQueryOptions } from './getSessionStatus.js'
import { getSessionsQueryKey, getSessionsQueryOptions } from './getSessions.js'
import { revokeSessionMutationOptions } from './revokeSession.js'
import { sendSessionCallsMutationOptions } from './sendSessionCalls.js'

const user = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const wagmi = createConfig({
  chains: [sepolia],
  connectors: [mock({ accounts: [user] })],
  transports: { [sepolia.id]: http('http://127.0.0.1:1') },
})
const config = createSessionConfig({
  wagmi,
  app: { name: 'Game', url: 'https://game.example' },
  chains: {
    [sepolia.id]: { bundlerUrl: 'http://127.0.0.1:1', paymasterUrl: 'http://127.0.0.1:1' },
  },
  storage: createMemoryStorage(),
})
const abi = parseAbi(['function buy(uint256 id) payable'])
const target = '0x1111111111111111111111111111111111111111'

describe('query keys', () => {
  test('behavior: keys carry chain, wallet (lowercase) and app, so another account or chain is another key', async () => {
    expect(getSessionsQueryOptions(config).queryKey).toEqual([
      'sessions',
      { chainId: undefined, owner: undefined, appId: 'https://game.example' },
    ])
    await connect(wagmi, { connector: wagmi.connectors[0]! })
    try {
      const key = getSessionsQueryOptions(config).queryKey
      expect(key).toEqual([
        'sessions',
        { chainId: sepolia.id, owner: user.toLowerCase(), appId: 'https://game.example' },
      ])
      expect(getSessionsQueryKey({ chainId: 1, owner: user, appId: 'x' })).not.toEqual(key)
      expect(getSessionStatusQueryOptions(config, { id: 'a' }).queryKey).toEqual([
        'sessionStatus',
        { id: 'a', chainId: sepolia.id, owner: user.toLowerCase(), appId: 'https://game.example' },
      ])
    } finally {
      await disconnect(wagmi)
    }
  })

  test('behavior: check keys hold calls as JSON-safe raw calls (no bigint, no ABI)', () => {
    const key = checkSessionCallsQueryKey({
      calls: [{ address: target, abi, functionName: 'buy', args: [7n], value: 10n ** 18n }],
    })
    expect(() => JSON.stringify(key)).not.toThrow()
    expect(key[1].calls).toEqual([
      {
        to: target,
        data: expect.stringMatching(/^0xd96a094a0{63}7$/),
        value: '1000000000000000000',
      },
    ])
    expect(checkSessionCallsQueryKey({ calls: [{ to: 'bad' as never }] })[1].calls).toEqual([
      'invalid',
    ])
  })

  test('behavior: status and check queries are disabled until their input is given', () => {
    expect(getSessionStatusQueryOptions(config).enabled).toBe(false)
    expect(getSessionStatusQueryOptions(config, { id: 'x' }).enabled).toBe(true)
    expect(checkSessionCallsQueryOptions(config).enabled).toBe(false)
    expect(checkSessionCallsQueryOptions(config, { calls: [{ to: target }] }).enabled).toBe(true)
  })

  test('behavior: a disabled status query still fails typed if run', async () => {
    await expect(
      (getSessionStatusQueryOptions(config).queryFn as () => Promise<unknown>)(),
    ).rejects.toMatchObject({
      name: 'SessionParameterError',
    })
  })
})

describe('mutation options', () => {
  test('behavior: keys are the action names and user options pass through', () => {
    const onSuccess = () => {}
    expect(createSessionMutationOptions(config, { mutation: { onSuccess } })).toMatchObject({
      mutationKey: ['createSession'],
      onSuccess,
    })
    expect(sendSessionCallsMutationOptions(config).mutationKey).toEqual(['sendSessionCalls'])
    expect(revokeSessionMutationOptions(config).mutationKey).toEqual(['revokeSession'])
  })

  test('error: malformed options throw SessionParameterError naming the parameter', () => {
    const parameterOf = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return [(error as Error).name, (error as { parameter?: string }).parameter]
      }
      return 'accepted'
    }
    expect(parameterOf(() => getSessionsQueryKey({ owner: 42 as never }))).toEqual([
      'SessionParameterError',
      'owner',
    ])
    expect(parameterOf(() => checkSessionCallsQueryKey(null as never))).toEqual([
      'SessionParameterError',
      'options',
    ])
    expect(parameterOf(() => getSessionsQueryOptions(42 as never))).toEqual([
      'SessionParameterError',
      'config',
    ])
    expect(parameterOf(() => getSessionStatusQueryOptions(config, null as never))).toEqual([
      'SessionParameterError',
      'options',
    ])
    for (const build of [
      createSessionMutationOptions,
      revokeSessionMutationOptions,
      sendSessionCallsMutationOptions,
    ])
      expect(parameterOf(() => build(config, null as never))).toEqual([
        'SessionParameterError',
        'options',
      ])
  })

  test('error: the mutation functions reject typed errors', async () => {
    await expect(
      createSessionMutationOptions(config).mutationFn?.({ policy: null as never }, {} as never),
    ).rejects.toMatchObject({
      name: 'SessionParameterError',
    })
  })
})
