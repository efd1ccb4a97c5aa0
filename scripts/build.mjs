// Build: a clean dist/ compiled by tsc, then the stylesheet. A stamp file tells the CLI the build is current.
import { rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

rmSync('dist', { recursive: true, force: true })
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' })
mkdirSync('dist', { recursive: true })
writeFileSync('dist/.built', new Date().toISOString())
