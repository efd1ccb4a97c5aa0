// Build: a clean dist/ compiled by tsc, then the stylesheet. A stamp file tells the CLI the build is current.
import { rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import * as sass from 'sass'

rmSync('dist', { recursive: true, force: true })
try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' })
} catch {
  console.error('Build failed: TypeScript reported the errors above.')
  process.exit(1)
}
mkdirSync('dist/public', { recursive: true })
const css = sass.compile('public/scss/lantern.scss', {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true
})
writeFileSync('dist/public/lantern.css', css.css)
writeFileSync('dist/.built', new Date().toISOString())
