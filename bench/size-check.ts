import { benchBundleSize } from './bundle-size.js'
import { printTable } from './stats.js'

/** The README test command's size budget check: fails when an entry point exceeds its budget. */
const { rows, over } = await benchBundleSize()
printTable('Bundle size budgets (min + gzip, app deps external)', rows)
if (over.length) {
  console.error(`\nsize budget exceeded:\n  ${over.join('\n  ')}`)
  process.exit(1)
}
console.log('\nsize budgets: ok')
