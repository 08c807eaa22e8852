/**
 * Deterministic JSON of a JSON-safe value (object keys sorted), or `undefined` when the value is not
 * JSON-safe: bigint, function, symbol, `undefined` in an array, non-finite number, class instance or cycle.
 * Used to check `policy` / `delegations` and as AES-GCM additional data.
 */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return encode(value, new Set())
  } catch {
    return undefined
  }
}

function encode(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new Error('non-finite number')
      return JSON.stringify(value)
    case 'object':
      break
    default:
      throw new Error(`not JSON-safe: ${typeof value}`)
  }
  if (seen.has(value)) throw new Error('cycle')
  seen.add(value)
  let out: string
  if (Array.isArray(value)) {
    out = `[${Array.from(value, (item) => encode(item, seen)).join(',')}]`
  } else {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) throw new Error('not a plain object')
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${encode((value as Record<string, unknown>)[key], seen)}`,
      )
    out = `{${entries.join(',')}}`
  }
  seen.delete(value)
  return out
}
