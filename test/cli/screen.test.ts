// `screen` as acceptance tests drive it: a real process, JSON or CSV on stdout, audited.
import t from 'tap'
import { connect } from '../../server/db/connect'
import { createTestDatabase } from '../db'
import { loadPupils, upn } from '../screening/cohort'
import { runCli } from './run'

t.test('screen --school prints one row per pupil as JSON or CSV; unknown school exits 1', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  const school = await db.insertInto('schools').values({ urn: '135790', name: 'Cedar School' }).returning('id').executeTakeFirstOrThrow()
  await loadPupils(db, school.id, null, [
    { n: 1, surname: 'Adams', forename: 'Ada', form: '7C', ks2: { reading: '99', maths: '100', gps: 'B', writing: 'WTS' }, attendance: { possible: 380, absent: 38 }, sdq: { parent: [1, 1, 2, 1, 9, 0] } },
    { n: 2, surname: '@SUM(1+1)', forename: 'Bo', letter: { text: 'I am scared to go home', analysis: { concern: 'high', safeguarding: [{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }] } } }
  ])

  const json = await runCli(url, ['screen', '--school', '135790'])
  t.equal(json.code, 0, json.stderr)
  const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>
  t.equal(rows.length, 2)
  const ada = rows.find((r) => r.upn === upn(1))!
  t.same(Object.keys(ada).slice(0, 11), ['upn', 'surname', 'forename', 'form', 'level', 'score', 'hidden', 'safeguarding', 'reasons', 'opportunity', 'suggested_level'])
  t.match(ada, {
    surname: 'Adams',
    form: '7C',
    level: 'getting_help',
    hidden: false,
    safeguarding: false,
    reasons: ['ATTENDANCE_PERSISTENT_ABSENCE', 'KS2_READING_BELOW_EXPECTED', 'KS2_WRITING_BELOW_EXPECTED', 'LETTER_MISSING'],
    opportunity: null,
    ks2: { reading: 99, maths: 100, gps: 'B', writing: 'WTS' },
    attendance_pct: 90,
    sdq: { parent: { emotional: 1, conduct: 1, hyperactivity: 2, peer: 1, prosocial: 9, total: 5, externalising: 3, internalising: 2, impact: 0, bands: { total: 'close_to_average' } } },
    letter_concern: null,
    sen: null,
    looked_after: null,
    social_care: null
  })
  t.match(rows.find((r) => r.upn === upn(2)), { level: 'getting_risk_support', safeguarding: true, letter_concern: 'high', reasons: ['LETTER_WORRY', 'LETTER_SAFEGUARDING'] })

  const csv = await runCli(url, ['screen', '--school', '135790', '--format', 'csv'])
  t.equal(csv.code, 0, csv.stderr)
  const lines = csv.stdout.trim().split(/\r?\n/)
  t.equal(lines[0], 'upn,surname,forename,form,level,score,hidden,safeguarding,reasons,opportunity,suggested_level')
  t.ok(lines.includes(`${upn(1)},Adams,Ada,7C,getting_help,4,false,false,ATTENDANCE_PERSISTENT_ABSENCE;KS2_READING_BELOW_EXPECTED;KS2_WRITING_BELOW_EXPECTED;LETTER_MISSING,,getting_help`), lines.join('\n'))
  t.ok(lines.some((l) => l.startsWith(`${upn(2)},'@SUM(1+1),Bo,`)), 'formulas neutralised')

  const audit = await db.selectFrom('audit_log').select(['detail']).where('action', '=', 'screen_exported').execute()
  t.equal(audit.length, 2)
  t.match(audit[0]!.detail, { via: 'cli', format: 'json', pupils: 2 })

  const unknown = await runCli(url, ['screen', '--school', '999999'])
  t.equal(unknown.code, 1)
  t.match(unknown.stderr, 'No school has URN 999999')
  t.equal((await runCli(url, ['screen'])).code, 2, 'no school is a usage error')
  t.equal((await runCli(url, ['screen', '--school', '135790', '--format', 'xml'])).code, 2)
})
