// tap loads its TypeScript plugin unless told otherwise; Lantern's tests run compiled from dist/,
// so the plugin list in .taprc must be built into tap once after every install.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
if (existsSync('node_modules/tap') && existsSync('.taprc')) {
  execFileSync(process.execPath, ['node_modules/tap/dist/esm/run.mjs', 'build'], { stdio: 'inherit' })
}
