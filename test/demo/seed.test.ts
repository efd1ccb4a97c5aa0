// The demo: a synthetic cohort imported through the real runner, quickly, and only once.
import t from 'tap'
import { sql } from 'kysely'
import { connect } from '../../server/db/connect'
import { seedDemo } from '../../server/demo/seed'
import { followUpDate, generateCohort, intakeYear } from '../../server/demo/cohort'
import { loadOutcomes, outcomesView } from '../../server/opportunities/outcomes'
import { checkUpn } from '../../server/imports/upn'
import { createTestDatabase } from '../db'

async function perSchool(db: ReturnType<typeof connect>) {
  const { rows } = await sql<{ urn: string; pupils: number; attainment: number; attendance: number; sdq: number; parent_sdq: number; follow_up_sdq: number; attendance_history: number; letters: number; opportunities: number; imports: number }>`
    select s.urn,
      (select count(*)::int from pupils x where x.school_id = s.id) as pupils,
      (select count(*)::int from attainment x where x.school_id = s.id) as attainment,
      (select count(*)::int from attendance x where x.school_id = s.id) as attendance,
      (select count(*)::int from sdq_administrations x where x.school_id = s.id and x.informant = 'self' and extract(month from x.completed_on) = 9) as sdq,
      (select count(*)::int from sdq_administrations x where x.school_id = s.id and x.informant = 'parent' and extract(month from x.completed_on) = 9) as parent_sdq,
      (select count(*)::int from sdq_administrations x where x.school_id = s.id and extract(month from x.completed_on) <> 9) as follow_up_sdq,
      (select count(*)::int from attendance_history x where x.school_id = s.id) as attendance_history,
      (select count(*)::int from letters x where x.school_id = s.id) as letters,
      (select count(*)::int from opportunities x where x.school_id = s.id) as opportunities,
      (select count(*)::int from imports x where x.school_id = s.id) as imports
    from schools s order by s.urn`.execute(db)
  return rows
}

t.test('demo seed imports a synthetic cohort per school, and only once', async (t) => {
  const db = connect(await createTestDatabase(t))
  t.teardown(() => db.destroy())
  // How long it takes is a figure for the bench, not an assertion here: it depends on the machine's load.
  const started = performance.now()
  await seedDemo(db)
  t.comment(`seeded in ${Math.round(performance.now() - started)} ms`)

  const [a, b] = await perSchool(db)
  // six files at transition; once the first half term is over, two more: attendance to date and a follow-up SDQ
  const later = followUpDate(new Date().toISOString().slice(0, 10)) !== null
  const imports = later ? 8 : 6
  t.match(a, { urn: '999001', pupils: 180, attainment: 180, attendance: 180, imports, attendance_history: later ? 360 : 180 })
  t.match(b, { urn: '999002', pupils: 60, attainment: 60, attendance: 60, imports, attendance_history: later ? 120 : 60 })
  t.ok(a!.sdq > 140 && a!.sdq < 180, `most pupils have a self-report SDQ at transition (${a!.sdq})`)
  t.ok(a!.parent_sdq > 50 && a!.parent_sdq < 110, `about half their parents answered too (${a!.parent_sdq})`)
  if (later) {
    t.ok(a!.follow_up_sdq > 150 && a!.follow_up_sdq < a!.sdq + a!.parent_sdq, `most answered again later in Year 7 (${a!.follow_up_sdq})`)
    const school = await db.selectFrom('schools').select('id').where('urn', '=', '999001').executeTakeFirstOrThrow()
    const view = outcomesView(await loadOutcomes(db, school.id), '999001')
    const cohort = view.groups.find((g) => g.label === 'Whole cohort')!
    t.equal(cohort.attendance.measured, 180, 'the outcomes page shows every pupil’s attendance change')
    t.ok(cohort.measured > 130, `and SDQ change for most (${cohort.measured})`)
    t.match(cohort.addedValue.text, /^[+-]?\d+\.\d$/, `SDQ added value for the cohort (${cohort.addedValue.text} over ${cohort.addedValue.pairs} parent pairs)`)
    const falls = view.watch.filter((w) => w.why.includes('attendance down')).length
    t.ok(falls >= 2 && falls <= 30, `a few pupils whose attendance fell on the watch list (${falls})`)
  } else {
    t.equal(a!.follow_up_sdq, 0, 'too early in the year for a follow-up')
  }
  t.ok(a!.letters > 140 && a!.letters < 180, `most pupils wrote a letter (${a!.letters})`)
  t.ok(a!.opportunities >= 8, 'an opportunities catalogue')

  const persistent = await sql<{ n: number }>`select count(*)::int as n from attendance_history a join schools s on s.id = a.school_id where s.urn = '999001' and a.possible = 380 and a.absent * 10 >= a.possible`.execute(db)
  t.ok(persistent.rows[0]!.n >= 3 && persistent.rows[0]!.n <= 25, `a few persistent absentees in Year 6 (${persistent.rows[0]!.n})`)
  const high = await sql<{ n: number }>`select count(*)::int as n from sdq_administrations where informant = 'self' and extract(month from completed_on) = 9 and bands->>'total' in ('high', 'very_high')`.execute(db)
  t.ok(high.rows[0]!.n >= 5, `some high SDQ totals (${high.rows[0]!.n})`)
  const disclosures = await sql<{ n: number }>`select count(*)::int as n from letters l join schools s on s.id = l.school_id where s.urn = '999001' and (l.text like '%hits me%' or l.text like '%hurt myself%')`.execute(db)
  t.equal(disclosures.rows[0]!.n, 2, 'two letters disclose harm, for the DSL')

  const upns = await db.selectFrom('pupils').select('upn').execute()
  t.ok(upns.every((p) => checkUpn(p.upn).valid && p.upn.slice(1, 4) === '999'), 'valid UPNs with the synthetic LA code 999')
  const lead = await db.selectFrom('imports').innerJoin('users', 'users.id', 'imports.user_id').select('users.email').distinct().execute()
  t.same(lead.map((l) => l.email), ['lead@demo.lantern.test'], 'imported as the demo lead')

  const placements = await sql<{ status: string; n: number }>`select status, count(*)::int as n from placements group by status order by status`.execute(db)
  const byStatus: Record<string, number> = { proposed: 0, offered: 0, active: 0, ...Object.fromEntries(placements.rows.map((r) => [r.status, r.n])) }
  t.ok(byStatus.proposed! > 100, `the allocation proposed opportunities (${byStatus.proposed})`)
  t.ok(byStatus.offered! > 10 && byStatus.active! > 10, `some offered (${byStatus.offered}) and some taking part (${byStatus.active})`)
  const register = await sql<{ n: number }>`select count(*)::int as n from placement_attendance`.execute(db)
  t.equal(register.rows[0]!.n, byStatus.active! * 4, 'four weeks of register for each pupil taking part')

  // a demo lead who set up an authenticator app: running the demo again resets it with the password
  const demoLead = await db.selectFrom('users').select('id').where('email', '=', 'lead@demo.lantern.test').executeTakeFirstOrThrow()
  await db.insertInto('second_factors').values({ user_id: demoLead.id, secret_sealed: 'v1.sealed.by.the.app', last_time_step: null }).execute()
  await seedDemo(db)
  t.same(await perSchool(db), [a, b], 'running the demo again changes nothing')
  t.equal((await db.selectFrom('second_factors').select('user_id').execute()).length, 0, 'but the demo accounts set up their second factor again')
})

t.test('the cohort generator is deterministic and its dates fit the intake', async (t) => {
  const spec = { seed: 1, pupils: 30, forms: ['7A'], primaries: [['Demo Primary', '9101']] as Array<[string, string]>, safeguardingLetters: 1 }
  const one = generateCohort(spec, '2026-11-23')
  t.same(generateCohort(spec, '2026-11-23'), one)
  t.equal(intakeYear('2026-11-23'), 2026)
  t.equal(intakeYear('2027-03-01'), 2026)
  t.match(one.pupils.toString(), /,2014-(09|1[0-2])-\d\d,|,2015-0[1-8]-\d\d,/)
  t.equal(one.pupils.toString().trim().split('\n').length, 31)
  t.equal(one.followUpOn, '2026-11-16', 'a week before today, in the autumn term')
  t.equal(one.attendanceLater!.toString().trim().split('\n').length, 31, 'a later attendance figure for every pupil')
  t.match(one.attendanceLater!.toString(), /,2026\/27 to date|Year 7 2026\/27 to date/)
  t.same(generateCohort(spec, '2026-10-01').sdqFollowUp, null, 'no follow-up before the first half term is over')
  t.equal(followUpDate('2027-06-20'), '2027-03-16', 'the middle of the spring term once it has passed')
  t.equal(followUpDate('2026-10-30'), null)
  t.equal(followUpDate('2026-11-01'), '2026-10-25')
  // the transition files do not change with the date the demo starts
  const spring = generateCohort(spec, '2027-03-30')
  t.same([spring.pupils, spring.attendance, spring.sdq, spring.letters].map(String), [one.pupils, one.attendance, one.sdq, one.letters].map(String))
})
