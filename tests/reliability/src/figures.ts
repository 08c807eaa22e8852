import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'

/** The figures the suite reports, per section; every count is what a test computed. */
export type Figures = {
  attacks?: { tried: number; succeeded: number }
  fuzz?: { pairs: number; mismatches: number }
  faults?: { scenarios: number; actions: number; lost: number }
  storage?: { scans: number; plaintextKeys: number; valuesScanned: number }
  inputs?: { cases: number; untyped: number; partialWrites: number }
}

/** Records figures of one test file for the `reliability` summary printed after the run. */
export function recordFigures(file: string, figures: Figures): void {
  const directory = inject('reliabilityFigures')
  if (!directory) return
  writeFileSync(
    join(directory, `${file}-${process.pid}-${Date.now()}.json`),
    JSON.stringify(figures),
  )
}

/** Sums the figures of several files. */
export function mergeFigures(all: readonly Figures[]): Figures {
  const total: Record<string, Record<string, number>> = {}
  for (const figures of all)
    for (const [section, counts] of Object.entries(figures)) {
      const into = total[section] ?? {}
      total[section] = into
      for (const [key, value] of Object.entries(counts as Record<string, number>))
        into[key] = (into[key] ?? 0) + value
    }
  return total as Figures
}

/** The printed summary. */
export function formatSummary(project: string, figures: Figures): string {
  const rows: string[] = []
  if (figures.attacks)
    rows.push(
      `  attacks tried / succeeded:        ${figures.attacks.tried} / ${figures.attacks.succeeded}`,
    )
  if (figures.fuzz)
    rows.push(
      `  fuzz pairs / mismatches:          ${figures.fuzz.pairs} / ${figures.fuzz.mismatches}`,
    )
  if (figures.faults)
    rows.push(
      `  fault scenarios / actions / lost: ${figures.faults.scenarios} / ${figures.faults.actions} / ${figures.faults.lost}`,
    )
  if (figures.storage)
    rows.push(
      `  storage scans / plaintext keys:   ${figures.storage.scans} / ${figures.storage.plaintextKeys} (${figures.storage.valuesScanned} stored values scanned)`,
    )
  if (figures.inputs)
    rows.push(
      `  bad-input cases / untyped / partial writes: ${figures.inputs.cases} / ${figures.inputs.untyped} / ${figures.inputs.partialWrites}`,
    )
  if (rows.length === 0) rows.push('  (no figures recorded)')
  return [`\n── ${project} summary ──`, ...rows, ''].join('\n')
}
