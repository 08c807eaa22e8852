import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Abi, Address, Hex } from 'viem'

type MockPaymasterModules = {
  getSingletonPaymaster07InitCode: (owner: Address) => Hex
  singletonPaymaster07Abi: Abi
}

let cached: Promise<MockPaymasterModules> | undefined

/**
 * Loads the SingletonPaymasterV7 init code and ABI that `@pimlico/mock-paymaster` ships.
 * Its public entry also pulls prool and sets up v0.6/v0.8 paymasters, which this devnet has no EntryPoint for,
 * so only the two data modules are read.
 */
export function loadSingletonPaymaster07(): Promise<MockPaymasterModules> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url)
    const root = join(dirname(require.resolve('@pimlico/mock-paymaster')), '..', '_esm')
    const [constants, abi] = await Promise.all([
      import(pathToFileURL(join(root, 'constants.js')).href),
      import(pathToFileURL(join(root, 'helpers', 'abi.js')).href),
    ])
    return {
      getSingletonPaymaster07InitCode: constants.getSingletonPaymaster07InitCode,
      singletonPaymaster07Abi: abi.singletonPaymaster07Abi,
    }
  })()
  return cached
}
