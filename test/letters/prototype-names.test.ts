// A letter may hold any word, including the names every JavaScript object inherits ("constructor",
// "__proto__", "toString"…). The analyser must read it like any other letter — on its own, through the
// command line, in a letters import and typed on a pupil's page — never throw, never answer with a function.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyseLetter, CONCERNS, tokenise } from '../../server/letters/analyser'
import { runImport } from '../../server/imports/service'
import { afterImport, letterAnalyserForImport } from '../../server/letters/analyse-on-import'
import { buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { fixture } from '../imports/helpers'

const NAMES = Object.getOwnPropertyNames(Object.prototype)
// Each name in sentences a child might write, in its own spelling, in lower case and as a misspelling-sized variant.
const LETTER = [
  'Dear future me,',
  ...NAMES.map((n) => `I want to be a ${n}. My ${n.toLowerCase()} is scared of ${n} and I like ${n}s.`),
  'I want to be a constructor when I grow up. I love football and I am a bit nervous about getting lost. From Sam'
].join(' ')

function assertNormal(t: Test, text: string, a: unknown) {
  const result = a as ReturnType<typeof analyseLetter>
  t.ok((CONCERNS as readonly string[]).includes(result.concern), 'a concern level from the list')
  for (const key of ['worries', 'interests', 'safeguarding'] as const) {
    t.ok(Array.isArray(result[key]), `${key} is a list`)
    for (const f of result[key]) t.equal(text.slice(f.start, f.end), f.text, `${key}: each span is the child's words`)
  }
}

t.test('the analyser reads a letter made of Object.prototype names', async (t) => {
  t.ok(NAMES.includes('constructor') && NAMES.includes('__proto__') && NAMES.includes('hasOwnProperty'))
  for (const n of NAMES) {
    for (const text of [n, `I want to be a ${n}`, n.toLowerCase(), `${n} ${n}'s ${n.toUpperCase()}`]) {
      const a = analyseLetter(text)
      assertNormal(t, text, a)
      for (const token of tokenise(text)) t.equal(typeof token.word, 'string', `'${text}': every word stays a word`)
    }
  }
  const a = analyseLetter(LETTER)
  assertNormal(t, LETTER, a)
  t.ok(a.interests.some((i) => i.interest === 'football'), 'the rest of the letter is still read')
  t.ok(a.worries.some((w) => w.theme === 'getting_lost'))
  t.same(a.safeguarding, [])
})

const cliPath = join(__dirname, '..', '..', 'server', 'cli.js')
function analyse(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, 'analyse', ...args], { env: { ...process.env, LANTERN_DATA_DIR: '/nonexistent' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(input)
  })
}

t.test('cli analyse: "I want to be a constructor" and the whole letter give their JSON', async (t) => {
  const one = await analyse([], 'I want to be a constructor')
  t.equal(one.code, 0, one.stderr)
  assertNormal(t, 'I want to be a constructor', JSON.parse(one.stdout))
  const all = await analyse([], LETTER)
  t.equal(all.code, 0, all.stderr)
  assertNormal(t, LETTER, JSON.parse(all.stdout))

  const dir = mkdtempSync(join(tmpdir(), 'lantern-proto-'))
  const file = join(dir, 'letters.csv')
  // a header named after an inherited property, too: it is just an extra column
  writeFileSync(file, `id,letter,constructor,__proto__\nA1,"${LETTER}",x,y\nB2,"hasOwnProperty toString valueOf",x,y\n`)
  const csv = await analyse(['--csv', file])
  t.equal(csv.code, 0, csv.stderr)
  const lines = csv.stdout.trim().split('\n').map((l) => JSON.parse(l))
  t.same(lines.map((l) => l.id), ['A1', 'B2'])
  assertNormal(t, LETTER, lines[0])
})

async function setUp(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Prototype Academy')
  await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'dsl@school.test' })
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const imported = await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'pupils.csv', content: fixture('pupils.csv'), today: '2026-11-23' })
  if (imported.errors.length) throw new Error(JSON.stringify(imported.errors))
  const pupils = await app.db.selectFrom('pupils').select(['id', 'upn']).where('school_id', '=', school.id).orderBy('id').execute()
  return { app, school, lead, pupils }
}

t.test('a letters import with "constructor" in it imports and is read', async (t) => {
  const { app, school, lead, pupils } = await setUp(t)
  const csv = `upn,letter,written_on\n${pupils[0]!.upn},I want to be a constructor,2026-07-03\n${pupils[1]!.upn},"${LETTER}",2026-07-03\n`
  const result = await runImport(app.db, {
    schoolId: school.id, userId: lead.id, fileName: 'letters.csv', content: Buffer.from(csv), kind: 'letters',
    analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, today: '2026-11-23'
  })
  t.same(result.errors, [])
  t.match(result, { kind: 'letters', rows: 2, created: 2 })
  const letters = await app.db.selectFrom('letters').select(['text', 'concern', 'analyser_version']).orderBy('id').execute()
  t.equal(letters.length, 2)
  for (const l of letters) {
    t.ok(l.analyser_version, 'read by the analyser')
    t.ok((CONCERNS as readonly string[]).includes(l.concern as string))
  }
})

t.test('a letter with "constructor" typed on the pupil’s page is saved and read', async (t) => {
  const { app, school, pupils } = await setUp(t)
  const b = await signedIn(app, 'lead@school.test')
  const pupil = pupils[2]!
  await b.get(`/s/${school.urn}/pupils/${pupil.id}/letters/new`)
  const saved = await b.post(`/s/${school.urn}/pupils/${pupil.id}/letters`, { text: LETTER, written_on: '2026-07-04' })
  t.equal(saved.statusCode, 303, 'saved, not a 500')
  const letter = await app.db.selectFrom('letters').select(['id', 'concern', 'analyser_version']).where('pupil_id', '=', pupil.id).executeTakeFirstOrThrow()
  t.ok(letter.analyser_version, 'read by the analyser at once')
  const page = await b.get(`/s/${school.urn}/letters/${letter.id}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'I want to be a constructor')

  await b.get(`/s/${school.urn}/pupils/${pupil.id}/letters/new`)
  const disclosure = await b.post(`/s/${school.urn}/pupils/${pupil.id}/letters`, { text: 'I want to be a constructor. My step dad hits me when mum is at work.', written_on: '2026-07-05' })
  t.equal(disclosure.statusCode, 303)
  const alert = await app.db.selectFrom('safeguarding_alerts').selectAll().executeTakeFirstOrThrow()
  t.ok(alert.categories.includes('physical_abuse'), 'a disclosure beside "constructor" still alerts the DSL')
})
