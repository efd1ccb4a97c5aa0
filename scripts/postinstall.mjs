// After every install: build tap's plugin list from .taprc (Lantern's tests run compiled from dist/,
// without tap's TypeScript plugin), then build Lantern itself so that `npm start` starts at once.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
if (existsSync('node_modules/tap') && existsSync('.taprc')) {
  execFileSync(process.execPath, ['node_modules/tap/dist/esm/run.mjs', 'build'], { stdio: 'inherit' })
}
if (existsSync('node_modules/typescript-7') && existsSync('tsconfig.json')) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
