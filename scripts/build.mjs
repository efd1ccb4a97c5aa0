// Build: a clean dist/ compiled by tsc, then the stylesheet (only when its sources changed, as it
// takes a few seconds). A stamp file tells `npm start` and the CLI that the build is current.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

rmSync('dist', { recursive: true, force: true })
try {
  execFileSync(process.execPath, ['node_modules/typescript-7/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' })
} catch {
  console.error('Build failed: TypeScript reported the errors above.')
  process.exit(1)
}

const cssOut = 'public/build/lantern.css'
const cssSources = [...readdirSync('public/scss').map((f) => join('public/scss', f)), 'node_modules/govuk-frontend/package.json']
const cssStale = !existsSync(cssOut) || cssSources.some((f) => statSync(f).mtimeMs > statSync(cssOut).mtimeMs)
if (cssStale) {
  const sass = await import('sass')
  const css = sass.compile('public/scss/lantern.scss', { style: 'compressed', importers: [new sass.NodePackageImporter()], quietDeps: true })
  mkdirSync('public/build', { recursive: true })
  writeFileSync(cssOut, css.css)
}
writeFileSync('dist/.built', new Date().toISOString())
