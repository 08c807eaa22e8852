import { BaseError } from '@sessionkit/core'
import type { DevnetInfo } from '@sessionkit/devnet'
import { type Address, type Hex, isAddress, isHex } from 'viem'

/** What the dev script hands the app at `/devnet.json`: the devnet, the game, the dev wallet's key. */
export type DemoConfig = {
  chainId: number
  rpcUrl: string
  bundlerUrl: string
  paymasterUrl: string
  environment: DevnetInfo['environment']
  /** The deployed Dungeon contract. */
  game: Address
  /** The dev wallet's account (a funded devnet key; public knowledge, local only). */
  player: { address: Address; privateKey: Hex }
}

export type DemoConfigErrorType = DemoConfigError & { name: 'DemoConfigError' }
/** `/devnet.json` is missing or malformed. */
export class DemoConfigError extends BaseError {
  override name = 'DemoConfigError'
  constructor(details: string, parameters: { cause?: unknown } = {}) {
    super('The demo config is missing or malformed. Start the demo with `bash scripts/demo.sh`.', {
      ...parameters,
      details,
    })
  }
}

/** Checks an untrusted value is a DemoConfig. */
export function parseDemoConfig(value: unknown): DemoConfig {
  const v = value as Partial<DemoConfig> | null
  if (!v || typeof v !== 'object') throw new DemoConfigError('not an object')
  if (typeof v.chainId !== 'number' || !Number.isInteger(v.chainId) || v.chainId <= 0)
    throw new DemoConfigError('chainId must be a positive integer')
  for (const key of ['rpcUrl', 'bundlerUrl', 'paymasterUrl'] as const)
    if (typeof v[key] !== 'string' || !/^https?:\/\//.test(v[key]))
      throw new DemoConfigError(`${key} must be an http(s) URL`)
  if (!v.environment || typeof v.environment !== 'object')
    throw new DemoConfigError('environment is missing')
  if (typeof v.game !== 'string' || !isAddress(v.game))
    throw new DemoConfigError('game must be an address')
  if (
    !v.player ||
    !isAddress(v.player.address ?? '') ||
    !isHex(v.player.privateKey) ||
    v.player.privateKey.length !== 66
  )
    throw new DemoConfigError('player must hold an address and a 32-byte private key')
  return v as DemoConfig
}

/** Fetches and checks `/devnet.json` from the dev server. */
export async function loadDemoConfig(url = '/devnet.json'): Promise<DemoConfig> {
  let json: unknown
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    json = await response.json()
  } catch (cause) {
    throw new DemoConfigError(`could not load ${url}`, { cause })
  }
  return parseDemoConfig(json)
}
