import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { benchActions } from './actions.js'
import { benchBundleSize } from './bundle-size.js'
import { benchDevnetStart } from './devnet-start.js'
import { printTable, type Row } from './stats.js'

/** `pnpm bench [name…]`: runs the benchmarks, prints a table, writes bench/results/<date>.json. */
const benches: Record<string, () => Promise<{ rows: Row[]; result: Record<string, unknown> }>> = {
  'bundle-size': () => benchBundleSize(),
  'devnet-start': () => benchDevnetStart(),
  actions: () => benchActions(),
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const names = wanted.length ? wanted : Object.keys(benches)
const rows: Row[] = []
const results: Record<string, unknown> = {}
for (const name of names) {
  const bench = benches[name]
  if (!bench) throw new Error(`unknown bench ${name}; known: ${Object.keys(benches).join(', ')}`)
  console.log(`› ${name}`)
  const out = await bench()
  rows.push(...out.rows)
  Object.assign(results, out.result)
}
printTable('Sessionkit benchmarks', rows)
const date = new Date().toISOString()
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
const file = new URL(`./results/${date.slice(0, 10)}.json`, import.meta.url)
writeFileSync(
  file,
  `${JSON.stringify({ date, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, results }, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
)
console.log(`\nwritten to ${file.pathname}`)
process.exit(0)
