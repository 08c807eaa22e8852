import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const src = dirname(fileURLToPath(import.meta.url))
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => /\.tsx?$/.test(file) && !/\.test(-d)?\.tsx?$|test-utils/.test(file))
  .map((file) => join(src, file))

/** Every module the core loads on first use (`import('./x.js')`), with the file that loads it. */
const lazy = sources.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/import\(\s*'(\.[^']+)\.js'\s*\)/g)].map((m) => ({
    from: relative(src, file),
    module: join(dirname(file), `${m[1]}.ts`),
  })),
)

/** Module paths a file imports at run time (type-only imports left out). */
function runtimeImports(file: string): string[] {
  const statements = readFileSync(file, 'utf8')
    .split(/^(?=import )/m)
    .filter((s) => s.startsWith('import ') && !s.startsWith('import type '))
  return statements.map((s) => /from '([^']*)'/.exec(s)?.[1] ?? '?')
}

describe('lazily loaded modules', () => {
  test('behavior: the rare paths load on first use (revoke typed data, storage update, deployment table, on-chain receipt, unsafe select)', () => {
    expect(lazy.map((l) => relative(src, l.module)).sort()).toEqual([
      'accounts/userOperationTypedData.ts',
      'actions/internal/unsafeSelect.ts',
      'config/deployedEnvironment.ts',
      'engines/receiptOnChain.ts',
      'storage/update.ts',
      'storage/update.ts',
    ])
  })

  test('behavior: each imports nothing of the core at run time, so its chunk shares no module with the main bundle (esbuild would split the main bundle and grow it)', () => {
    for (const { module } of lazy)
      expect({
        module: relative(src, module),
        relative: runtimeImports(module).filter((from) => from.startsWith('.')),
      }).toEqual({ module: relative(src, module), relative: [] })
  })
})
