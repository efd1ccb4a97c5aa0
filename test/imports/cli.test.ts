// `cli import` as the contract drives it: a real process, the JSON summary on stdout, exit 0/1/2.
import t from 'tap'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { counts, fixturesDir } from './helpers'

const KEYS = ['created', 'errors', 'kind', 'rows', 'updated']

t.test('import: success, dry run, refusal, unknown school, missing file, bad kind', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await runCli(url, ['school', 'add', '--urn', '654321', '--name', 'Import High'])).code, 0)
  const file = (name: string) => join(fixturesDir, name)

  const dry = await runCli(url, ['import', file('ctf-sample.xml'), '--school', '654321', '--dry-run'])
  t.equal(dry.code, 0, dry.stderr)
  const dryOut = JSON.parse(dry.stdout)
  t.same(Object.keys(dryOut).sort(), KEYS, 'only the contract keys')
  t.same(dryOut, { kind: 'ctf', rows: 3, created: 3, updated: 0, errors: [] })
  t.equal((await counts(db)).pupils, 0, 'a dry run writes no pupils')

  const real = await runCli(url, ['import', file('ctf-sample.xml'), '--school', '654321'])
  t.equal(real.code, 0, real.stderr)
  t.same(JSON.parse(real.stdout), { kind: 'ctf', rows: 3, created: 3, updated: 0, errors: [] })
  t.equal((await counts(db)).pupils, 3)

  const letters = await runCli(url, ['import', file('letters.csv'), '--school', '654321', '--kind', 'letters'])
  t.equal(letters.code, 0, letters.stderr)
  t.match(JSON.parse(letters.stdout), { kind: 'letters', rows: 3, created: 3 })

  const again = await runCli(url, ['import', file('ctf-sample.xml'), '--school', '654321'])
  t.match(JSON.parse(again.stdout), { created: 0, updated: 3 }, 're-import reports updates')

  // A file with errors: output still printed, exit 1, nothing written.
  const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-import-'))
  const bad = join(dir, 'attendance.csv')
  writeFileSync(bad, 'upn,sessions_possible,sessions_absent\nQ380209324001,372,12\nE380209324002,372,400\nA123456789001,372,1\n')
  const before = await counts(db)
  const refused = await runCli(url, ['import', bad, '--school', '654321'])
  t.equal(refused.code, 1)
  const out = JSON.parse(refused.stdout)
  t.same(Object.keys(out).sort(), KEYS)
  t.match(out, { kind: 'attendance', created: 0, updated: 0 })
  t.same(out.errors.map((e: { row: number; field: string }) => [e.row, e.field]), [[3, 'sessions_absent'], [4, 'upn']])
  t.match(out.errors[1].message, "Row 4, UPN 'A123456789001': the check letter should be Y")
  t.match(refused.stderr, 'nothing was imported')
  const after = await counts(db)
  t.equal(after.attendance, before.attendance, 'nothing written')

  const wrongKind = await runCli(url, ['import', file('pupils.csv'), '--school', '654321', '--kind', 'ctf'])
  t.equal(wrongKind.code, 1, 'a CSV imported as a CTF is refused')
  t.match(JSON.parse(wrongKind.stdout).errors[0].message, 'not a Common Transfer File')

  const noSchool = await runCli(url, ['import', file('pupils.csv'), '--school', '999999'])
  t.equal(noSchool.code, 1)
  t.match(noSchool.stderr, 'No school has URN 999999')

  const noFile = await runCli(url, ['import', join(dir, 'missing.csv'), '--school', '654321'])
  t.equal(noFile.code, 1)
  t.match(noFile.stderr, 'does not exist')

  t.equal((await runCli(url, ['import', file('pupils.csv'), '--school', '654321', '--kind', 'spreadsheet'])).code, 2, 'bad --kind')
  t.equal((await runCli(url, ['import', '--school', '654321'])).code, 2, 'no file')
  t.equal((await runCli(url, ['import', file('pupils.csv')])).code, 2, 'no --school')
  t.equal((await counts(db)).imports, 4, 'three committed imports and the dry run; refusals add none')
})
