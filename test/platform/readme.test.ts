// The README documents every reason code and every environment variable the code reads.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REASONS } from '../../server/screening/reasons'
import { projectRoot } from '../../server/paths'

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
const configSource = readFileSync(join(projectRoot, 'server', 'config.ts'), 'utf8')

t.test('every reason code is in the README', async (t) => {
  for (const reason of REASONS) t.match(readme, `\`${reason.code}\``, reason.code)
})

t.test('every environment variable is in the README', async (t) => {
  const vars = [...configSource.matchAll(/^\s+([A-Z][A-Z_]+):/gm)].map((m) => m[1]!)
  t.ok(vars.length >= 10)
  for (const name of vars) t.match(readme, `\`${name}\``, name)
})
