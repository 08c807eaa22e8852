import type { DevnetInfo } from '@sessionkit/devnet'
import { type Chain, defineChain } from 'viem'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    devnet: DevnetInfo
    devnetControlUrl: string
  }
}

/** The shared devnet of this test run, as provided by `@sessionkit/test/globalSetup`. */
export function getDevnet(): DevnetInfo & { chain: Chain } {
  const info = inject('devnet')
  if (!info)
    throw new Error('No devnet: add `@sessionkit/test/globalSetup` to this vitest project.')
  return {
    ...info,
    chain: defineChain({
      id: info.chainId,
      name: 'Sessionkit Devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [info.rpcUrl] } },
      testnet: true,
    }),
  }
}
