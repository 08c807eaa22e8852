import type { Remaining, TokenInfo } from '@sessionkit/core'

/** Fixed clock for tests and stories: 2026-01-01T12:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0)
export const NOW_S = NOW_MS / 1000

export const eth: TokenInfo = { address: 'native', symbol: 'ETH', decimals: 18 }
export const usdc: TokenInfo = {
  address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  symbol: 'USDC',
  decimals: 6,
}

/** A healthy session: 40 min left of 1 h, 42 of 50 actions, 0.4 of 0.5 ETH per day. */
export const healthyRemaining: Remaining = {
  actionsLeft: 42,
  actionsUsed: 8,
  expiresAt: NOW_S + 40 * 60,
  spend: [
    {
      token: eth,
      period: 'day',
      limit: 500_000_000_000_000_000n,
      used: 100_000_000_000_000_000n,
      left: 400_000_000_000_000_000n,
    },
  ],
}
