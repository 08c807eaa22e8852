import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

describe('update.ts', () => {
  test('behavior: imports types only, so its lazily loaded chunk shares no module with the main bundle', () => {
    const source = readFileSync(new URL('./update.ts', import.meta.url), 'utf8')
    const imports = source.match(/^import .*$/gm) ?? []
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((line) => !line.startsWith('import type '))).toEqual([])
  })
})
