/** Formats a non-negative number of seconds as a short human duration, e.g. `2 d 3 h`, `24 h`, `1 h 5 min`, `14 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s >= 172_800) {
    const days = Math.floor(s / 86_400)
    const hours = Math.floor((s % 86_400) / 3600)
    return hours ? `${days} d ${hours} h` : `${days} d`
  }
  if (s >= 3600) {
    const hours = Math.floor(s / 3600)
    const minutes = Math.floor((s % 3600) / 60)
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`
  }
  if (s >= 60) return `${Math.floor(s / 60)} min`
  return `${s} s`
}

/** Spoken form of a time left, rounded up to whole minutes so a live region changes at most once a minute. */
export function formatTimeLeftSpoken(seconds: number): string {
  if (seconds <= 0) return 'expired'
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`
  return rest ? `${h} ${rest} ${rest === 1 ? 'minute' : 'minutes'} left` : `${h} left`
}

/** Formats a token amount given in base units, with at most `maxFractionDigits` decimals, e.g. `0.25`. */
export function formatAmount(value: bigint, decimals: number, maxFractionDigits = 4): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const base = 10n ** BigInt(decimals)
  const whole = abs / base
  let fraction = decimals > 0 ? (abs % base).toString().padStart(decimals, '0') : ''
  fraction = fraction.slice(0, maxFractionDigits).replace(/0+$/, '')
  const wholeText = whole.toLocaleString('en-US')
  return `${negative ? '-' : ''}${wholeText}${fraction ? `.${fraction}` : ''}`
}

/** Share of `used` in `used + left`, clamped to 0..1; 0 when there is no total. */
export function fraction(part: bigint | number, total: bigint | number): number {
  const t = Number(total)
  if (!(t > 0)) return 0
  return Math.min(1, Math.max(0, Number(part) / t))
}
