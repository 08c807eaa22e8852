import type { Hex } from 'viem'
import type { RawDump, RawValue } from './harness/api.js'

/** Where a raw key was found. */
export type KeyHit = { key: Hex; where: string; encoding: string }

/** How many stored values were looked at, and every hit. */
export type ScanResult = { values: number; hits: KeyHit[] }

/**
 * Scans every stored value for any of `keys` in any form: hex (with or without `0x`, any case),
 * raw bytes (byte arrays, latin1 strings), base64 / base64url at any alignment, decimal.
 */
export function scanForKeys(dump: RawDump, keys: readonly Hex[]): ScanResult {
  const needles = keys.map((key) => {
    const bytes = Buffer.from(key.slice(2), 'hex')
    return { key, hex: key.slice(2).toLowerCase(), bytes, decimal: BigInt(key).toString(10) }
  })
  const hits: KeyHit[] = []
  let values = 0

  const scanString = (value: string, where: string) => {
    values++
    const lower = value.toLowerCase()
    const latin1 = Buffer.from(value, 'latin1')
    const utf8 = Buffer.from(value, 'utf8')
    const decoded = base64Decodings(value)
    for (const n of needles) {
      if (lower.includes(n.hex)) hits.push({ key: n.key, where, encoding: 'hex' })
      else if (value.includes(n.decimal)) hits.push({ key: n.key, where, encoding: 'decimal' })
      else if (latin1.includes(n.bytes) || utf8.includes(n.bytes))
        hits.push({ key: n.key, where, encoding: 'raw bytes in a string' })
      else if (decoded.some((bytes) => bytes.includes(n.bytes)))
        hits.push({ key: n.key, where, encoding: 'base64' })
    }
  }
  const scanBytes = (hex: string, where: string) => {
    values++
    const bytes = Buffer.from(hex, 'hex')
    for (const n of needles)
      if (bytes.includes(n.bytes)) hits.push({ key: n.key, where, encoding: 'bytes' })
    // Bytes may hold text (e.g. a UTF-8 JSON blob): scan it as a string too.
    scanString(bytes.toString('latin1'), `${where} (as text)`)
    values--
  }
  const walk = (value: RawValue, where: string): void => {
    if (value.kind === 'string') scanString(value.value, where)
    else if (value.kind === 'bytes') scanBytes(value.hex, where)
    else if (value.kind === 'array')
      for (const [i, item] of value.items.entries()) walk(item, `${where}[${i}]`)
    else if (value.kind === 'object')
      for (const [k, v] of value.entries) {
        scanString(k, `${where}.<key ${k}>`)
        walk(v, `${where}.${k}`)
      }
  }
  for (const record of dump.indexedDb) {
    const where = `indexedDB ${record.database}/${record.store}`
    walk(record.key, `${where} key`)
    walk(record.value, `${where} value`)
  }
  for (const item of dump.webStorage) {
    scanString(item.key, `${item.area} key ${item.key}`)
    scanString(item.value, `${item.area} ${item.key}`)
  }
  return { values, hits }
}

/** Every base64 / base64url run of 40+ characters in `value`, decoded at each of the 4 alignments. */
function base64Decodings(value: string): Buffer[] {
  const runs = value.match(/[A-Za-z0-9+/_-]{40,}={0,2}/g) ?? []
  const out: Buffer[] = []
  for (const run of runs) {
    const normalized = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
    for (let shift = 0; shift < 4; shift++) out.push(Buffer.from(normalized.slice(shift), 'base64'))
  }
  return out
}
