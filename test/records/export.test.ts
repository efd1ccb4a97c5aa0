// Subject access: a lead who is a DSL exports everything Lantern holds on one pupil, as JSON or PDF,
// from the profile page or the command line; every export is audited, nobody else may, and no table
// holding a pupil's rows can be added without the export covering it.
import t from 'tap'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { CHILD_TABLES, PUPIL_TABLES, subjectAccessDocument, tablesWithPupilId, type SubjectAccessExport } from '../../server/records/subject-access'
import { auditRows, createUser, signedIn } from '../helper'
import { runCli } from '../cli/run'
import { addKeptRecords, demoSchool, handleAlerts, richestPupil } from './fixture'

t.test('the printed export reads as words: field names, dates and times as a parent would read them', async (t) => {
  const doc = subjectAccessDocument({
    format: 'lantern-subject-access/1',
    exported_at: '2026-11-23T14:05:00.000Z',
    school: { urn: '100001', name: 'Oak School' },
    pupil: { id: 7, forename: 'Pat', surname: 'Example', dob: '2015-03-04', sen_need: 'SpLD', looked_after: false, left_on: null, created_at: new Date('2026-09-01T08:00:00Z') },
    records: { letters: [{ handled_at: new Date('2026-10-02T09:30:00Z'), text: 'Dear me' }] },
    shares: [],
    audit: []
  } as SubjectAccessExport)
  t.match(doc.subtitle, 'exported 23 Nov 2026, 14:05')
  t.same(doc.sections[0]!.entries![0], [
    ['Lantern id', '7'], ['Forename', 'Pat'], ['Surname', 'Example'], ['Date of birth', '4 Mar 2015'], ['SEN need', 'SpLD'],
    ['Looked after', 'no'], ['Left on', '—'], ['Created at', '1 Sept 2026, 09:00']
  ])
  t.same(doc.sections[1]!.entries![0], [['Handled at', '2 Oct 2026, 10:30'], ['Text', 'Dear me']], 'times in London (summer time)')
})

t.test('every table holding a pupil’s rows is in the export', async (t) => {
  const { app } = await demoSchool(t)
  const withPupilId = await tablesWithPupilId(app.db)
  t.ok(withPupilId.length >= 10, `found ${withPupilId.length} tables with a pupil_id column`)
  for (const table of withPupilId) t.ok((PUPIL_TABLES as readonly string[]).includes(table), `${table} is exported`)
  for (const table of PUPIL_TABLES) t.ok(withPupilId.includes(table), `${table} still exists with a pupil_id`)
  // tables reached through a foreign key from a pupil's rows, rather than by pupil_id, are exported too
  const { rows } = await sql<{ child: string; parent: string }>`
    select distinct c.relname as child, p.relname as parent
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(app.db)
  const covered = new Set<string>(['pupils', ...PUPIL_TABLES])
  for (const { child, parent } of rows) {
    if (!covered.has(parent) || covered.has(child)) continue
    t.ok(child in CHILD_TABLES, `${child} (rows of ${parent}) is exported`)
  }
})

t.test('a lead who is a DSL exports everything held on a pupil, as JSON and as PDF, audited', async (t) => {
  const { app, school, other, lead, login, signIn } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const browser = await signIn(login.email)
  await addKeptRecords(app, browser, school, pupilId, lead.id)
  await handleAlerts(app, browser, school, pupilId)
  const pupil = await app.db.selectFrom('pupils').selectAll().where('id', '=', pupilId).executeTakeFirstOrThrow()

  const profile = await browser.get(`/s/${school.urn}/pupils/${pupilId}`)
  t.match(profile.body, `/s/${school.urn}/pupils/${pupilId}/export?format=pdf`, 'the profile offers the export')

  const res = await browser.get(`/s/${school.urn}/pupils/${pupilId}/export?format=json`)
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-disposition'], /attachment; filename="lantern-subject-access-/)
  t.equal(res.headers['cache-control'], 'no-store')
  const data = JSON.parse(res.body) as SubjectAccessExport
  t.equal(data.pupil.upn, pupil.upn)
  t.same(Object.keys(data.records).sort(), [...PUPIL_TABLES, ...Object.keys(CHILD_TABLES)].sort(), 'every table has its section, empty or not')
  for (const table of ['attainment', 'attendance', 'attendance_history', 'sdq_administrations', 'letters', 'screening_results', 'level_decisions', 'safeguarding_alert_records', 'safeguarding_alert_outcomes', 'safeguarding_alert_events', 'placements', 'discussion_entries', 'supervision_actions']) {
    t.ok(data.records[table]!.length > 0, `${table} rows are in the export`)
  }
  for (const [table, list] of Object.entries(data.records)) {
    for (const row of list) if ('pupil_id' in row) t.equal(row.pupil_id, pupilId, `${table}: only this pupil’s rows`)
  }
  t.ok(data.shares.length > 0 && data.shares.every((s) => !('pupil_ids' in s)), 'shares are listed without the other pupils in them')
  t.ok(data.audit.some((a) => a.action === 'pupil_viewed'), 'who viewed the pupil is in the export')
  const others = await app.db.selectFrom('pupils').select('upn').where('id', '<>', pupilId).execute()
  t.notOk(others.some((o) => res.body.includes(o.upn)), 'no other pupil’s UPN is in the export')

  const pdf = await browser.get(`/s/${school.urn}/pupils/${pupilId}/export?format=pdf`)
  t.equal(pdf.statusCode, 200)
  t.equal(pdf.headers['content-type'], 'application/pdf')
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
  t.ok(pdf.rawPayload.length > 5000, `a PDF of ${pdf.rawPayload.length} bytes`)

  const audited = await auditRows(app, 'pupil_exported')
  t.same(audited.map((a) => [a.subject_id, (a.detail as { format: string }).format, a.user_id]), [[String(pupilId), 'json', lead.id], [String(pupilId), 'pdf', lead.id]])

  // nobody else: a lead who is not a DSL, pastoral staff (even a DSL), a link worker, another school
  const plainLead = await createUser(app, [{ schoolId: school.id, role: 'lead' }])
  const pastoralDsl = await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }])
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }])
  const otherLead = await createUser(app, [{ schoolId: other.id, role: 'lead', isDsl: true }])
  const url = `/s/${school.urn}/pupils/${pupilId}/export?format=json`
  const plain = await (await signedIn(app, plainLead.email)).get(url)
  t.equal(plain.statusCode, 403)
  t.match(plain.body, 'only DSLs may read')
  t.equal((await (await signedIn(app, pastoralDsl.email)).get(url)).statusCode, 403)
  t.equal((await (await signedIn(app, link.email)).get(url)).statusCode, 403)
  t.equal((await (await signedIn(app, otherLead.email)).get(url)).statusCode, 404)
  t.equal((await (await signedIn(app, otherLead.email)).get(`/s/${other.urn}/pupils/${pupilId}/export`)).statusCode, 404, 'another school’s lead cannot reach the pupil through their own school')
  t.equal((await browser.get(`/s/${school.urn}/pupils/99999999/export`)).statusCode, 404)
  t.equal((await auditRows(app, 'pupil_exported')).length, 2, 'refusals export nothing and audit no export')
})

t.test('pupil export on the command line, JSON or PDF', async (t) => {
  const { app, school } = await demoSchool(t)
  const pupilId = await richestPupil(app, school.id)
  const pupil = await app.db.selectFrom('pupils').selectAll().where('id', '=', pupilId).executeTakeFirstOrThrow()
  const url = (app.pg.pool as unknown as { options: { connectionString: string } }).options.connectionString
  const dir = mkdtempSync(join(tmpdir(), 'lantern-export-'))

  const json = await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', pupil.upn.toLowerCase(), '--out', join(dir, 'p.json')])
  t.equal(json.code, 0, json.stderr)
  t.match(JSON.parse(json.stdout), { format: 'json', upn: pupil.upn })
  t.equal((JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as SubjectAccessExport).pupil.id, pupilId)

  const pdf = await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', pupil.upn, '--out', join(dir, 'p.pdf')])
  t.equal(pdf.code, 0, pdf.stderr)
  t.match(JSON.parse(pdf.stdout), { format: 'pdf' })
  t.equal(readFileSync(join(dir, 'p.pdf')).subarray(0, 5).toString(), '%PDF-')
  t.equal((await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', pupil.upn, '--out', join(dir, 'x'), '--format', 'pdf'])).code, 0)

  const audited = await auditRows(app, 'pupil_exported')
  t.same(audited.map((a) => (a.detail as { via: string }).via), ['cli', 'cli', 'cli'])

  t.equal((await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', 'A000000000000', '--out', join(dir, 'y.json')])).code, 1, 'no such pupil: refused')
  t.equal((await runCli(url, ['pupil', 'export', '--school', '000000', '--upn', pupil.upn, '--out', join(dir, 'y.json')])).code, 1, 'no such school: refused')
  t.equal((await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', pupil.upn])).code, 2, 'no --out: usage')
  t.equal((await runCli(url, ['pupil', 'export', '--school', school.urn, '--out', join(dir, 'y.json')])).code, 2, 'no --upn: usage')
  t.equal((await runCli(url, ['pupil', 'export', '--school', 'abc', '--upn', pupil.upn, '--out', join(dir, 'y.json')])).code, 2, 'bad URN: usage')
  t.equal((await runCli(url, ['pupil', 'export', '--school', school.urn, '--upn', pupil.upn, '--out', join(dir, 'y'), '--format', 'xml'])).code, 2, 'bad format: usage')
})
