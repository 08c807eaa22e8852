import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileContracts, renderArtifacts } from './compile.js'

// Regenerates artifacts.ts from contracts/*.sol.
const target = join(dirname(fileURLToPath(import.meta.url)), 'artifacts.ts')
writeFileSync(target, renderArtifacts(compileContracts()))
console.log(`wrote ${target}`)
