import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

describe('update.ts', () => {
  test('behavior: imports types only, so its lazily loaded chunk shares no module with the main bundle', () => {
    const source = readFileSync(new URL('./update.ts', import.meta.url), 'utf8')
    const statements = source.split(/^(?=import )/m).filter((s) => s.startsWith('import '))
    expect(statements.length).toBeGreaterThan(0)
    expect(statements.filter((statement) => !statement.startsWith('import type '))).toEqual([])
  })
})
