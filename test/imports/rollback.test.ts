import { sql } from 'kysely'
import t from 'tap'
import * as importCreated from '../../migrations/0006_import_created'
import { rollbackImport, runImport } from '../../server/imports/service'
import { counts, fixture, setUp, TODAY } from './helpers'

t.test('re-importing the same file creates nothing new and reports updates', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const run = (file: string) => runImport(db, { schoolId, userId, fileName: file, content: fixture(file), today: TODAY })
  for (const file of ['ctf-sample.xml', 'sdq.csv', 'letters.csv', 'opportunities.csv']) {
    const first = await run(file)
    const after = await counts(db)
    const again = await run(file)
    t.same(again.errors, [], file)
    t.equal(again.created, 0, `${file}: nothing created`)
    t.equal(again.updated, first.rows, `${file}: every row updated`)
    const now = await counts(db)
    for (const table of ['pupils', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'opportunities']) t.equal(now[table], after[table], `${file}: ${table} unchanged`)
  }
})

t.test('a dry run writes nothing but its record and audit entry', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const result = await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), dryRun: true, today: TODAY })
  t.match(result, { kind: 'ctf', rows: 3, created: 3, updated: 0, dryRun: true })
  t.equal(result.preview.length, 3)
  t.match(await counts(db), { pupils: 0, attainment: 0, attendance: 0, imports: 1, import_changes: 0 })
  const audit = await db.selectFrom('audit_log').select('action').execute()
  t.same(audit.map((a) => a.action), ['import_dry_run'])
})

t.test('several CTFs make one cohort', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  for (const file of ['ctf-sample.xml', 'ctf-second-primary.xml']) {
    t.same((await runImport(db, { schoolId, userId, fileName: file, content: fixture(file), today: TODAY })).errors, [], file)
  }
  const pupils = await db.selectFrom('pupils').select(['upn', 'primary_school', 'fsm']).orderBy('upn').execute()
  t.equal(pupils.length, 4)
  t.match(pupils[0], { upn: 'B801200005001', primary_school: 'Riverside Primary School', fsm: false })
  const tobi = await db.selectFrom('attainment').innerJoin('pupils', 'pupils.id', 'attainment.pupil_id').select(['ks2_reading', 'ks2_maths_scaled']).where('upn', '=', 'B801200005001').executeTakeFirstOrThrow()
  t.same(tobi, { ks2_reading: 'B', ks2_maths_scaled: 101 }, 'the test result, not the teacher assessment')
})

t.test('rollback undoes the most recent import of a kind', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  const run = (file: string, content = fixture(file)) => runImport(db, { schoolId, userId, fileName: file, content, today: TODAY })
  await run('ctf-sample.xml')
  t.match(await counts(db), { import_changes: 0, import_created: 3 }, 'what an import created: one list of ids per table')
  const afterCtf = await db.selectFrom('pupils').selectAll().orderBy('id').execute()
  await run('pupils.csv')
  t.equal((await db.selectFrom('pupils').select('form').where('upn', '=', 'Q380209324001').executeTakeFirstOrThrow()).form, '7KM')

  // The CTF cannot go while a later import changed the same pupils.
  const blocked = await rollbackImport(db, { schoolId, userId, kind: 'ctf' })
  t.match(blocked.errors[0]?.message, /The pupils import 'pupils.csv' changed the same records after 'ctf-sample.xml'. Roll that one back first./)

  const undone = await rollbackImport(db, { schoolId, userId, kind: 'pupils' })
  t.same(undone.errors, [])
  t.match(undone, { kind: 'pupils', fileName: 'pupils.csv', deleted: 0, restored: 3 })
  t.same(await db.selectFrom('pupils').selectAll().orderBy('id').execute(), afterCtf, 'pupils exactly as the CTF left them')

  const nothing = await rollbackImport(db, { schoolId, userId, kind: 'pupils' })
  t.match(nothing.errors[0]?.message, /There is no pupils import to roll back/)

  // Letters added to CTF pupils block the CTF's rollback until they go.
  await run('letters.csv')
  t.match((await rollbackImport(db, { schoolId, userId, kind: 'ctf' })).errors[0]?.message, /now have 3 record\(s\) from later imports/)
  t.match(await rollbackImport(db, { schoolId, userId, kind: 'letters' }), { deleted: 3, restored: 0, errors: [] })
  t.match(await rollbackImport(db, { schoolId, userId, kind: 'ctf' }), { deleted: 9, errors: [] })
  t.match(await counts(db), { pupils: 0, attainment: 0, attendance: 0, letters: 0 })

  const actions = (await db.selectFrom('audit_log').select(['action', 'detail']).execute()).map((a) => `${a.action}:${(a.detail as { status: string }).status}`)
  t.same(actions.filter((a) => a.startsWith('import_rollback')), [
    'import_rollback:refused', 'import_rollback:rolled_back', 'import_rollback:refused', 'import_rollback:refused', 'import_rollback:rolled_back', 'import_rollback:rolled_back'
  ])
  const imports = await db.selectFrom('imports').select(['kind', 'status']).orderBy('id').execute()
  t.same(imports.map((i) => i.status), ['rolled_back', 'rolled_back', 'rolled_back'])
})

t.test('a changed letter loses its old analysis; the analyser fills it on import', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  const analyseLetter = (text: string) => ({ concern: text.includes('worryed') ? 'some' as const : 'none' as const, version: 'test-1' })
  await runImport(db, { schoolId, userId, fileName: 'letters.csv', content: fixture('letters.csv'), analyseLetter, today: TODAY })
  const analysed = await db.selectFrom('letters').select(['concern', 'analyser_version']).orderBy('id').execute()
  t.same(analysed.map((l) => l.concern), ['none', 'some', 'none'])
  t.equal(analysed[0]?.analyser_version, 'test-1')
  const changed = Buffer.from('upn,written_on,letter\nQ380209324001,2026-07-03,"A different letter."\nE380209324002,2026-07-03,"dear me. i dont no what to rite. i like football and fifa. i am worryed about the big kids and getting detenshons. bye"\n')
  await runImport(db, { schoolId, userId, fileName: 'letters-2.csv', content: changed, today: TODAY })
  const after = await db.selectFrom('letters').select(['concern', 'text']).orderBy('id').execute()
  t.same(after.map((l) => l.concern), [null, 'some', 'none'], 'changed text: analysis cleared; same text: kept')
})

t.test('migration 0006 moves what earlier imports created into import_created, and back', async (t) => {
  const { db, schoolId, userId } = await setUp(t)
  await runImport(db, { schoolId, userId, fileName: 'ctf-sample.xml', content: fixture('ctf-sample.xml'), today: TODAY })
  await importCreated.down(db)
  t.equal((await sql<{ n: number }>`select count(*)::int as n from import_changes where before is null`.execute(db)).rows[0]?.n, 9, 'a row per created row before 0006')
  await importCreated.up(db)
  t.match(await counts(db), { import_changes: 0, import_created: 3 })
  t.match(await rollbackImport(db, { schoolId, userId, kind: 'ctf' }), { deleted: 9, restored: 0, errors: [] })
  t.match(await counts(db), { pupils: 0, attainment: 0, attendance: 0 })
})
