import { createConfig, http } from '@wagmi/core'
import { mainnet, sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { createSessionConfig } from './createSessionConfig.js'
import { createMemoryStorage } from './storage/memory.js'

const wagmi = createConfig({
  chains: [sepolia, mainnet],
  transports: { [sepolia.id]: http(), [mainnet.id]: http() },
})
const chains = {
  [sepolia.id]: { bundlerUrl: 'http://127.0.0.1:1/bundler', paymasterUrl: 'http://127.0.0.1:1/pm' },
}

describe('createSessionConfig', () => {
  test('behavior: scopes sessions by the app origin and resolves the published environment of a chain', async () => {
    const config = createSessionConfig({
      wagmi,
      app: { name: 'Game', url: 'https://game.example/play?x=1' },
      chains,
      storage: createMemoryStorage(),
    })
    expect(config.appId).toBe('https://game.example')
    const engine = await config._internal.engine(sepolia.id)
    expect(engine.environment.DelegationManager).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect(engine.environment.caveatEnforcers.LimitedCallsEnforcer).toMatch(/^0x/)
    expect(await config._internal.engine(sepolia.id)).toBe(engine)
  })

  test('error: a storage that is not a SessionStorage is refused at once, not on first use', () => {
    for (const storage of [42, 'x', {}, { ...createMemoryStorage(), list: 1 }])
      expect(() =>
        createSessionConfig({
          wagmi,
          app: { name: 'Game', url: 'https://game.example' },
          chains,
          storage: storage as never,
        }),
      ).toThrow(expect.objectContaining({ name: 'SessionParameterError', parameter: 'storage' }))
  })

  test('behavior: without IndexedDB the default storage is in memory', async () => {
    const config = createSessionConfig({
      wagmi,
      app: { name: 'Game', url: 'https://game.example' },
      chains,
    })
    const scope = {
      chainId: 1,
      account: '0x0000000000000000000000000000000000000001' as const,
      appId: 'https://game.example',
    }
    expect(await config.storage.list(scope)).toEqual({ sessions: [], errors: [] })
  })

  test('error: a chain without bundler settings is ChainNotConfiguredError', async () => {
    const config = createSessionConfig({
      wagmi,
      app: { name: 'Game', url: 'https://game.example' },
      chains,
    })
    await expect(config._internal.engine(mainnet.id)).rejects.toMatchObject({
      name: 'ChainNotConfiguredError',
    })
  })

  test('error: a chain without a published deployment and no environment is ChainNotConfiguredError', async () => {
    const config = createSessionConfig({
      wagmi: createConfig({
        chains: [{ ...sepolia, id: 777_777 }],
        transports: { 777777: http() },
      }),
      app: { name: 'Game', url: 'https://game.example' },
      chains: { 777777: chains[sepolia.id] },
    })
    await expect(config._internal.engine(777_777)).rejects.toMatchObject({
      name: 'ChainNotConfiguredError',
    })
  })

  test.each([
    ['no parameters', undefined],
    ['no wagmi', { app: { name: 'a', url: 'https://a.b' }, chains }],
    ['app url not a URL', { wagmi, app: { name: 'a', url: 'nope' }, chains }],
    ['app name empty', { wagmi, app: { name: '', url: 'https://a.b' }, chains }],
    [
      'bundler url missing',
      {
        wagmi,
        app: { name: 'a', url: 'https://a.b' },
        chains: { 1: { paymasterUrl: 'http://x' } },
      },
    ],
    [
      'chain id not a number',
      { wagmi, app: { name: 'a', url: 'https://a.b' }, chains: { abc: chains[sepolia.id] } },
    ],
  ])('error: %s is a SessionParameterError', (_, parameters) => {
    expect(() => createSessionConfig(parameters as never)).toThrowError(
      expect.objectContaining({ name: 'SessionParameterError' }),
    )
  })
})
