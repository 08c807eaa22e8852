import type { Policy } from '@sessionkit/core'

type FunctionEntry = string | { readonly name: string }

const functionName = (entry: FunctionEntry) => (typeof entry === 'string' ? entry : entry.name)
const lower = (value: string) => value.toLowerCase()

/**
 * Whether `granted` was granted from `requested`, possibly narrowed by the user in the consent
 * dialog: every contract, function, token and native budget it allows is one `requested` asks for.
 */
export function isGrantedFrom(granted: Policy, requested: Policy): boolean {
  for (const call of granted.calls ?? []) {
    const asked = (requested.calls ?? []).find((c) => lower(c.target) === lower(call.target))
    if (!asked) return false
    const names = new Set(asked.functions.map((f) => functionName(f as FunctionEntry)))
    if (!call.functions.every((f) => names.has(functionName(f as FunctionEntry)))) return false
  }
  for (const token of granted.tokens ?? [])
    if (!(requested.tokens ?? []).some((t) => lower(t.address) === lower(token.address)))
      return false
  if (granted.native && !requested.native) return false
  return true
}
