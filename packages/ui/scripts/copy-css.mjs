// Copies every stylesheet under src/ to dist/ at the same path, so `@sessionkit/ui/styles.css`
// (and the per-component files it @imports) resolve in the published package.
import { cpSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
const dist = join(root, 'dist')

/** Every `.css` file under `dir`, recursively. */
function cssFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return cssFiles(path)
    return entry.name.endsWith('.css') ? [path] : []
  })
}

for (const file of cssFiles(src)) cpSync(file, join(dist, relative(src, file)))
