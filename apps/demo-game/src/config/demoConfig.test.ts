import { describe, expect, test } from 'vitest'
import { type DemoConfig, DemoConfigError, parseDemoConfig } from './demoConfig.js'

const valid: DemoConfig = {
  chainId: 31337,
  rpcUrl: 'http://127.0.0.1:8545',
  bundlerUrl: 'http://127.0.0.1:4337',
  paymasterUrl: 'http://127.0.0.1:3000',
  environment: {} as DemoConfig['environment'],
  game: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  player: {
    address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  },
}

describe('parseDemoConfig', () => {
  test('behavior: a valid config passes through unchanged', () => {
    expect(parseDemoConfig(JSON.parse(JSON.stringify(valid)))).toEqual(valid)
  })

  test.each([
    ['not an object', null],
    ['chainId', { ...valid, chainId: '1' }],
    ['rpcUrl', { ...valid, rpcUrl: 'ftp://x' }],
    ['environment', { ...valid, environment: undefined }],
    ['game', { ...valid, game: '0x12' }],
    ['player', { ...valid, player: { ...valid.player, privateKey: '0x12' } }],
  ])('error: a bad %s gives DemoConfigError', (field, value) => {
    const error = (() => {
      try {
        parseDemoConfig(value)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(DemoConfigError)
    expect((error as DemoConfigError).details).toContain(field)
  })
})
