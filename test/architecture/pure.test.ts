// The pure cores import nothing from Fastify, Kysely, pg or the file system (DESIGN.md), directly or
// through the Lantern modules they import, so they run the same for the web, the command line and the PDF.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join, normalize } from 'node:path'
import { projectRoot } from '../../server/paths'

const PURE = [
  'sdq/score.ts', 'sdq/bands.ts', 'sdq/added-value.ts', 'screening/rules.ts',
  'opportunities/match.ts', 'opportunities/fit.ts', 'opportunities/flow.ts', 'opportunities/outcome-measures.ts'
]
const FORBIDDEN = /from\s+['"](fastify|@fastify\/[^'"]+|kysely|pg|node:fs|fs|node:fs\/promises)['"]/

function impure(file: string, seen = new Set<string>()): string | null {
  if (seen.has(file)) return null
  seen.add(file)
  const text = readFileSync(join(projectRoot, 'server', file), 'utf8')
  if (FORBIDDEN.test(text)) return file
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const found = impure(`${normalize(join(file, '..', m[1]!))}.ts`, seen)
    if (found) return found
  }
  return null
}

t.test('pure cores import no framework, database or file system, not even indirectly', async (t) => {
  for (const file of PURE) t.equal(impure(file), null, `${file} is pure`)
  t.equal(impure('opportunities/outcomes.ts'), 'opportunities/outcomes.ts', 'and the check does find a loader')
})
