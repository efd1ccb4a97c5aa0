// Inside a request, queries run as the app role under row-level security (server/db/scope.ts). The
// owner's connection, `systemDb`, sees every school: only the places listed here may use it, each for
// a reason, so that a new use is a decision someone makes and a reviewer sees.
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { projectRoot } from '../../server/paths'

const ALLOWED = new Map([
  ['server/db/plugin.ts', 'defines it'],
  ['server/db/scope.ts', 'explains it'],
  ['server/platform/auth.ts', 'reads a user’s access, which is what decides the request’s schools'],
  ['server/platform/sessions.ts', 'reads and writes sessions with their access, before any school is known'],
  ['server/platform/audit.ts', 'commits audit rows of many requests (and schools) in one insert']
])

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

t.test('only the listed modules use the owner’s connection', async (t) => {
  const users = sources(join(projectRoot, 'server'))
    .filter((file) => /\bsystemDb\b/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(projectRoot, file))
    .sort()
  t.same(users, [...ALLOWED.keys()].sort(), 'systemDb is used exactly where it is allowed')
})
