// Lantern is AGPL-3.0-or-later: every package it runs with (the production tree of package-lock.json,
// optional platform packages included) must be under a licence that may be combined with it.
// Prints each offender and exits 1. Dev tools are not distributed with Lantern and are not checked.
//   node scripts/check-licences.mjs        (npm test runs it)
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Permissive licences compatible with AGPL-3.0-or-later. Add one only after checking that it is.
const ALLOWED = new Set([
  'MIT', 'MIT-0', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0',
  'Unlicense', 'Python-2.0', 'Zlib', 'PostgreSQL',
  // fonts, embedded in PDFs as they are
  'OFL-1.1', 'Bitstream-Vera',
])

// Packages whose package.json does not say it in SPDX, read by hand; by version, so an upgrade is read again.
const REVIEWED = {
  'png-js@2.0.0': 'MIT', // no licence field; its LICENSE file is the MIT licence
  // "SEE LICENSE IN README.md AND LICENSE": the Bitstream Vera licence (and the Arev fonts' licence, the
  // same text under Tavmjong Bah's name); DejaVu's own changes are in the public domain.
  'dejavu-fonts-ttf@2.37.3': 'Bitstream-Vera',
}

/** Whether an SPDX expression is allowed: `A OR B` when either side is, `A AND B` when both are. */
function allowed(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/)
  let i = 0
  const term = () => {
    const token = tokens[i++]
    if (token === '(') {
      const inner = or()
      i++ // ')'
      return inner
    }
    if (tokens[i] === 'WITH') i += 2 // an exception only widens what the licence allows
    return ALLOWED.has(token?.replace(/\+$/, ''))
  }
  const and = () => {
    let ok = term()
    while (tokens[i] === 'AND') {
      i++
      ok = term() && ok
    }
    return ok
  }
  const or = () => {
    let ok = and()
    while (tokens[i] === 'OR') {
      i++
      ok = and() || ok
    }
    return ok
  }
  const ok = or()
  return ok && i === tokens.length
}

function declared(path, entry) {
  const manifest = join(path, 'package.json')
  const pkg = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : entry
  const license = pkg.license ?? entry.license
  if (typeof license === 'string') return license
  if (license?.type) return license.type
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ')
  return undefined
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const offenders = []
let checked = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  if (path === '' || entry.dev || entry.devOptional || entry.link) continue
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
  const id = `${name}@${entry.version}`
  const license = REVIEWED[id] ?? declared(path, entry)
  checked++
  if (!license || !allowed(license)) offenders.push(`${id} (${path}): ${license ?? 'no licence declared'}`)
}

if (offenders.length) {
  console.error(`Licence check: ${offenders.length} of ${checked} production packages have a licence not known to be compatible with AGPL-3.0-or-later:`)
  for (const o of offenders) console.error(`  ${o}`)
  console.error('Read the licence: if it is compatible add it to ALLOWED (or the package to REVIEWED) in scripts/check-licences.mjs; if not, find another package.')
  process.exit(1)
}
console.log(`Licences: all ${checked} production packages are compatible with AGPL-3.0-or-later.`)
