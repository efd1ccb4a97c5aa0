// `npm start` and the command line run compiled code: build only when dist/ is missing or older than the sources.
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}
const stamp = 'dist/.built'
const stale = !existsSync(stamp) || ['server', 'migrations', 'test', 'public/scss'].some((d) => newest(d) > statSync(stamp).mtimeMs)
if (stale) {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] })
  } catch {
    process.exit(2)
  }
}
