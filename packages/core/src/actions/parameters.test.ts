import { connect, createConfig, disconnect, http, mock } from '@wagmi/core'
import { defineChain, parseAbi } from 'viem'
import { sepolia } from 'viem/chains'
import { afterEach, describe, expect, test } from 'vitest'
import { createSessionConfig } from '../createSessionConfig.js'
import { definePolicy } from '../policy/definePolicy.js'
import { createMemoryStorage } from '../storage/memory.js'
import { checkSessionCalls } from './checkSessionCalls.js'
import { createSession } from './createSession.js'
import { getSessionStatus } from './getSessionStatus.js'
import { getSessions } from './getSessions.js'
import { revokeSession } from './revokeSession.js'
import { sendSessionCalls } from './sendSessionCalls.js'

// No network: every case here must fail with a typed error before any request.
const other = defineChain({ ...sepolia, id: 999_999, name: 'Unconfigured' })
const user = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const wagmi = createConfig({
  chains: [sepolia, other],
  connectors: [mock({ accounts: [user] })],
  transports: { [sepolia.id]: http('http://127.0.0.1:1'), [other.id]: http('http://127.0.0.1:1') },
})
const config = createSessionConfig({
  wagmi,
  app: { name: 'Game', url: 'https://game.example' },
  chains: {
    [sepolia.id]: { bundlerUrl: 'http://127.0.0.1:1', paymasterUrl: 'http://127.0.0.1:1' },
  },
  storage: createMemoryStorage(),
})
const target = '0x1111111111111111111111111111111111111111'
const policy = definePolicy({
  calls: [{ target, abi: parseAbi(['function ping()']), functions: ['ping'] }],
  validity: { expiresIn: 60 },
})
const call = { to: target, data: '0x12345678' } as const
const connectTo = (chainId: typeof sepolia.id | typeof other.id) =>
  connect(wagmi, { connector: wagmi.connectors[0]!, chainId })

afterEach(async () => {
  if (wagmi.state.current) await disconnect(wagmi)
})

const named = (name: string) => expect.objectContaining({ name })

describe('bad parameters are typed errors (never TypeError)', () => {
  test.each([
    ['createSession without parameters', () => createSession(config, undefined as never)],
    ['createSession with a null policy', () => createSession(config, { policy: null as never })],
    [
      'createSession with a numeric label',
      () => createSession(config, { policy, label: 5 as never }),
    ],
    ['sendSessionCalls without calls', () => sendSessionCalls(config, {} as never)],
    ['sendSessionCalls with empty calls', () => sendSessionCalls(config, { calls: [] })],
    [
      'sendSessionCalls with an unknown lane',
      () => sendSessionCalls(config, { calls: [call], lane: 'fast' as never }),
    ],
    ['revokeSession with nothing', () => revokeSession(config, {} as never)],
    ['revokeSession with an empty id', () => revokeSession(config, { id: '' })],
    ['getSessionStatus without id', () => getSessionStatus(config, {} as never)],
    [
      'checkSessionCalls with calls not an array',
      () => checkSessionCalls(config, { calls: 'x' as never }),
    ],
  ])('error: %s → SessionParameterError', async (_, run) => {
    await expect(run()).rejects.toEqual(named('SessionParameterError'))
  })

  test('error: a malformed call is a PolicyCallDecodeError', async () => {
    await expect(sendSessionCalls(config, { calls: [{ to: 'nope' as never }] })).rejects.toEqual(
      named('PolicyCallDecodeError'),
    )
  })

  test('error: a config that is not a session config is a SessionParameterError', async () => {
    await expect(getSessions({} as never)).rejects.toEqual(named('SessionParameterError'))
    await expect(getSessions(null as never)).rejects.toEqual(named('SessionParameterError'))
  })
})

describe('connection and chain', () => {
  test('error: every action without a connected wallet is AccountNotConnectedError', async () => {
    await expect(createSession(config, { policy })).rejects.toEqual(
      named('AccountNotConnectedError'),
    )
    await expect(sendSessionCalls(config, { calls: [call] })).rejects.toEqual(
      named('AccountNotConnectedError'),
    )
    await expect(getSessions(config)).rejects.toEqual(named('AccountNotConnectedError'))
    await expect(revokeSession(config, { all: true })).rejects.toEqual(
      named('AccountNotConnectedError'),
    )
    await expect(checkSessionCalls(config, { calls: [call] })).rejects.toEqual(
      named('AccountNotConnectedError'),
    )
  })

  test('error: a chain without session settings is ChainNotConfiguredError', async () => {
    await connectTo(other.id)
    await expect(createSession(config, { policy })).rejects.toEqual(
      named('ChainNotConfiguredError'),
    )
    await expect(getSessions(config)).rejects.toEqual(named('ChainNotConfiguredError'))
  })

  test('error: an unknown session id is SessionNotFoundError, and an empty scope lists nothing', async () => {
    await connectTo(sepolia.id)
    await expect(sendSessionCalls(config, { id: 'missing', calls: [call] })).rejects.toEqual(
      named('SessionNotFoundError'),
    )
    await expect(getSessionStatus(config, { id: 'missing' })).rejects.toEqual(
      named('SessionNotFoundError'),
    )
    await expect(sendSessionCalls(config, { calls: [call] })).rejects.toEqual(
      named('SessionNotFoundError'),
    )
    expect(await getSessions(config)).toEqual({ sessions: [], errors: [] })
    expect(await revokeSession(config, { all: true })).toEqual({ ids: [], hash: undefined })
  })
})
