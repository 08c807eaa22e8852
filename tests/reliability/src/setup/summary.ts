import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { type Figures, formatSummary, mergeFigures } from '../figures.js'

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityFigures: string
  }
}

let directory: string | undefined
let name = 'reliability'

/** Vitest global setup: a directory where test files record their figures; prints the summary at the end. */
export function setup(project: TestProject) {
  directory = mkdtempSync(join(tmpdir(), 'sk-reliability-'))
  name = project.name
  project.provide('reliabilityFigures', directory)
}

export function teardown() {
  if (!directory) return
  const all: Figures[] = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(directory as string, file), 'utf8')) as Figures)
  console.info(formatSummary(name, mergeFigures(all)))
  rmSync(directory, { recursive: true, force: true })
}
