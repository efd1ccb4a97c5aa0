// `cli import <file|dir>...`: several files as one set in one process — CTFs before the CSVs that refer
// to their pupils whatever the order given, all or nothing for the whole set, a JSON array of the
// contract's summaries with each file named, every problem of every file shown at once.
import t from 'tap'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { counts, fixturesDir } from './helpers'

t.test('import a folder or several files: ordered, one transaction, all or nothing, dry run', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  t.equal((await runCli(url, ['school', 'add', '--urn', '654322', '--name', 'Set High'])).code, 0)
  const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-set-'))
  const intake = join(dir, 'intake')
  mkdirSync(intake)
  // named so that the letters sort before the CTF they refer to
  copyFileSync(join(fixturesDir, 'letters.csv'), join(intake, 'a-letters.csv'))
  copyFileSync(join(fixturesDir, 'ctf-sample.xml'), join(intake, 'b-transfer.xml'))
  writeFileSync(join(intake, '.DS_Store'), 'hidden files are skipped')

  const dry = await runCli(url, ['import', intake, '--school', '654322', '--dry-run'])
  t.equal(dry.code, 0, dry.stderr)
  const preview = JSON.parse(dry.stdout)
  t.same(preview.map((s: { file: string; kind: string }) => [s.file, s.kind]), [['b-transfer.xml', 'ctf'], ['a-letters.csv', 'letters']], 'the CTF first, whatever the names')
  t.match(preview[1], { rows: 3, created: 3, errors: [] }, 'the letters find the pupils the CTF adds in the same set')
  t.equal((await counts(db)).pupils, 0, 'a dry run writes nothing')

  const real = await runCli(url, ['import', intake, '--school', '654322'])
  t.equal(real.code, 0, real.stderr)
  const summaries = JSON.parse(real.stdout)
  t.same(Object.keys(summaries[0]).sort(), ['created', 'errors', 'file', 'kind', 'rows', 'updated'], 'the contract keys, and the file')
  t.match(summaries, [{ kind: 'ctf', created: 3 }, { kind: 'letters', created: 3 }])
  t.match(await counts(db), { pupils: 3, letters: 3 })
  const screened = await db.selectFrom('screening_results').select('pupil_id').execute()
  t.equal(screened.length, 3, 'the set is screened once it is in, as one file would be')

  // a set with a bad file: nothing from any file is written, and every problem is shown
  const other = await createTestDatabase(t)
  const fresh = connect(other)
  t.teardown(() => fresh.destroy())
  t.equal((await runCli(other, ['school', 'add', '--urn', '654323', '--name', 'Set Two'])).code, 0)
  const bad = join(dir, 'bad-letters.csv')
  writeFileSync(bad, 'upn,written_on,letter\nNOT-A-UPN,2026-07-01,hello\n')
  const refused = await runCli(other, ['import', join(fixturesDir, 'ctf-sample.xml'), bad, join(fixturesDir, 'letters.csv'), '--school', '654323'])
  t.equal(refused.code, 1)
  const out = JSON.parse(refused.stdout)
  t.equal(out.length, 3, 'every file is checked')
  t.same(out.map((s: { errors: unknown[] }) => s.errors.length > 0), [false, true, false])
  t.match(refused.stderr, /nothing from any of the 3 files was imported/)
  t.match(await counts(fresh), { pupils: 0, letters: 0, imports: 0 }, 'all or nothing')
  const audit = await fresh.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'import').execute()
  t.match(audit.at(-1)?.detail, { status: 'refused' }, 'the refused set is audited')

  t.equal((await runCli(other, ['import', intake, join(fixturesDir, 'letters.csv'), '--school', '654323', '--kind', 'letters'])).code, 2, '--kind is for one file')
  t.equal((await runCli(other, ['import', join(dir, 'missing'), intake, '--school', '654323'])).code, 1)
  const empty = join(dir, 'empty')
  mkdirSync(empty)
  t.equal((await runCli(other, ['import', empty, '--school', '654323'])).code, 1, 'an empty folder')
})
