import { formatUnits, maxUint256 } from 'viem'
import type { PolicyPeriod, TokenInfo } from './types.js'

/** `1.5 USDC`, or the raw amount with `units of 0x…` when the symbol is unknown. */
export function formatAmount(amount: bigint, token: TokenInfo): string {
  if (amount === maxUint256) return `unlimited ${token.symbol ?? 'tokens'}`
  const value = formatUnits(amount, token.decimals)
  if (token.symbol) return `${value} ${token.symbol}`
  return token.address === 'native'
    ? `${value} (native)`
    : `${value} of token ${shortAddress(token.address)}`
}

/** `0x1234…abcd`. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`
}

const units: [number, string][] = [
  [604800, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
]

/** `2 days 3 hours` (largest two units). */
export function formatDuration(seconds: number): string {
  const parts: string[] = []
  let rest = Math.max(0, Math.floor(seconds))
  for (const [size, name] of units) {
    if (rest < size) continue
    const count = Math.floor(rest / size)
    rest -= count * size
    parts.push(`${count} ${name}${count === 1 ? '' : 's'}`)
    if (parts.length === 2) break
  }
  return parts.length ? parts.join(' ') : '0 seconds'
}

/** `per day`, or `every 90 minutes` for a custom period. */
export function formatPeriod(period: PolicyPeriod | undefined, seconds: number): string {
  return period ? `per ${period}` : `every ${formatDuration(seconds)}`
}

/** ISO time in UTC without milliseconds: `2026-11-21 10:00:00 UTC`. */
export function formatTime(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`
}
