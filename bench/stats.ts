/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export type Row = {
  figure: string
  ours: string
  anchor?: string
  ratio?: string
  target?: string
  ok?: boolean
}

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: Row[]) {
  const header: Row = {
    figure: 'figure',
    ours: 'sessionkit',
    anchor: 'anchor',
    ratio: 'ratio',
    target: 'target',
  }
  const all = [header, ...rows]
  const width = (k: keyof Row) => Math.max(...all.map((r) => String(r[k] ?? '').length))
  const cols: (keyof Row)[] = ['figure', 'ours', 'anchor', 'ratio', 'target']
  console.log(`\n${title}`)
  for (const r of all) {
    const mark = r === header ? '  ' : r.ok === undefined ? '  ' : r.ok ? '✓ ' : '✗ '
    console.log(mark + cols.map((k) => String(r[k] ?? '').padEnd(width(k))).join('  '))
  }
}
