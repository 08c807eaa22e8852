import type { CheckReason, PolicyDescription, PolicyLine, RiskFlag } from '@sessionkit/core'

/** Expand mode input: why the current session refused, and (optionally) what it already allows. */
export type ConsentExpand = {
  /** The out-of-scope reason from `checkCall` / a refused `useSessionCall`. */
  reason: CheckReason
  /** The current session's description; lines already in it are not shown again. */
  current?: PolicyDescription | undefined
}

const kindsForReason: Record<CheckReason['code'], readonly PolicyLine['kind'][] | 'all'> = {
  expired: ['validity'],
  'not-yet-valid': ['validity'],
  revoked: 'all',
  'target-not-allowed': ['call'],
  'function-not-allowed': ['call'],
  'argument-rule': ['call'],
  'value-over-cap': ['call', 'native-spend'],
  'spend-over-cap': ['native-spend', 'token-spend'],
  'calls-exhausted': ['actions'],
}

const lineKey = (line: PolicyLine) => `${line.kind}\u0000${line.title}\u0000${line.detail ?? ''}`
const riskKey = (risk: RiskFlag) => `${risk.code}\u0000${risk.message}`

/**
 * What the consent dialog shows. Without `expand`, the whole description. In expand mode, only the
 * lines that would be added: those not in `current`, or, without `current`, those of the kinds the
 * reason is about; and only the risks of those lines (plus new session-wide risks).
 */
export function describeAddition(
  description: PolicyDescription,
  expand: ConsentExpand | undefined,
): { lines: PolicyLine[]; risks: RiskFlag[] } {
  if (!expand) return { lines: description.lines, risks: description.risks }
  let lines: PolicyLine[]
  if (expand.current) {
    const have = new Set(expand.current.lines.map(lineKey))
    lines = description.lines.filter((line) => !have.has(lineKey(line)))
  } else {
    const kinds = kindsForReason[expand.reason.code]
    lines =
      kinds === 'all' ? description.lines : description.lines.filter((l) => kinds.includes(l.kind))
  }
  const ids = new Set(lines.map((l) => l.id))
  const haveRisks = new Set((expand.current?.risks ?? []).map(riskKey))
  const risks = description.risks.filter((risk) =>
    risk.lineId !== undefined ? ids.has(risk.lineId) : !haveRisks.has(riskKey(risk)),
  )
  return { lines, risks }
}
