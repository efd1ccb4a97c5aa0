// Consent to share with the CAMHS link team: given and withdrawn as new events (latest wins, history
// kept), each audited in the same transaction; never rewritten; refused for another school's pupil.
import t from 'tap'
import { consentHistory, currentConsent, DEFAULT_CONSENT_PURPOSE, mayRecordConsent, recordConsent } from '../../server/supervision/consent'
import { londonToday, parseConsentForm } from '../../server/supervision/consent-schemas'
import { setUp } from '../imports/helpers'

async function school(t: Parameters<typeof setUp>[0]) {
  const ctx = await setUp(t)
  const pupils = await ctx.db
    .insertInto('pupils')
    .values([
      { school_id: ctx.schoolId, upn: 'A801200000001', surname: 'Khan', forename: 'Ashley', dob: '2015-01-01' },
      { school_id: ctx.schoolId, upn: 'A801200000002', surname: 'Okafor', forename: 'Amara', dob: '2015-02-01' }
    ])
    .returning('id')
    .execute()
  const consent = { schoolId: ctx.schoolId, userId: ctx.userId, givenBy: 'parent_carer' as const, givenByName: 'Sara Khan', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-10-01', ip: '127.0.0.1' }
  return { ...ctx, a: pupils[0]!.id, b: pupils[1]!.id, consent }
}

t.test('given, then withdrawn: the latest is the consent now, and the history is kept and audited', async (t) => {
  const { db, schoolId, a, b, consent } = await school(t)
  t.equal((await currentConsent(db, schoolId)).size, 0, 'nothing recorded: not given')
  const id = await recordConsent(db, { ...consent, pupilId: a, kind: 'given' })
  t.type(id, 'string')
  let now = await currentConsent(db, schoolId, [a, b])
  t.match(now.get(a), { given: true, kind: 'given', givenBy: 'parent_carer', givenByName: 'Sara Khan', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-10-01', recordedBy: 'Test Lead' })
  t.notOk(now.has(b))

  await recordConsent(db, { ...consent, pupilId: a, kind: 'withdrawn', givenBy: 'pupil', givenByName: 'Ashley Khan', givenOn: '2026-11-02' })
  now = await currentConsent(db, schoolId, [a])
  t.match(now.get(a), { given: false, kind: 'withdrawn', givenBy: 'pupil', givenByName: 'Ashley Khan' })
  await recordConsent(db, { ...consent, pupilId: b, kind: 'given', givenByName: '  Tunde Okafor  ' })
  t.same((await consentHistory(db, schoolId, a)).map((e) => e.kind), ['withdrawn', 'given'], 'newest first, both kept')
  t.equal((await currentConsent(db, schoolId)).get(b)!.givenByName, 'Tunde Okafor', 'trimmed')
  t.equal((await currentConsent(db, schoolId, [])).size, 0)

  const audit = await db.selectFrom('audit_log').selectAll().where('action', 'like', 'consent_%').orderBy('id').execute()
  t.same(audit.map((r) => [r.action, r.subject_type, r.subject_id, r.ip]), [['consent_given', 'pupil', String(a), '127.0.0.1'], ['consent_withdrawn', 'pupil', String(a), '127.0.0.1'], ['consent_given', 'pupil', String(b), '127.0.0.1']])
  t.notMatch(JSON.stringify(audit.map((r) => r.detail)), /Khan|Okafor/, 'no names in the audit detail')
})

t.test('consent events are never rewritten', async (t) => {
  const { db, a, consent } = await school(t)
  await recordConsent(db, { ...consent, pupilId: a, kind: 'given' })
  await t.rejects(db.updateTable('consent_events').set({ kind: 'withdrawn' }).execute(), /consent_events is append-only/)
  t.equal((await db.selectFrom('consent_events').select('kind').executeTakeFirstOrThrow()).kind, 'given')
})

t.test('refused: withdrawing what was never given, another school’s pupil; nothing written', async (t) => {
  const { db, schoolId, a, consent } = await school(t)
  await t.rejects(recordConsent(db, { ...consent, pupilId: a, kind: 'withdrawn' }), /no consent on record to withdraw/)
  await t.rejects(recordConsent(db, { ...consent, schoolId: schoolId + 1, pupilId: a, kind: 'given' }), /does not exist/)
  t.equal((await db.selectFrom('consent_events').select('id').execute()).length, 0)
  t.equal((await db.selectFrom('audit_log').select('id').where('action', 'like', 'consent_%').execute()).length, 0)
  await recordConsent(db, { ...consent, pupilId: a, kind: 'given', givenOn: '2026-10-01' })
  await t.rejects(recordConsent(db, { ...consent, pupilId: a, kind: 'withdrawn', givenOn: '2026-09-30' }), /on or after 01\/10\/2026, when the consent now on record was given/, 'events stay in date order')
  t.ok(await recordConsent(db, { ...consent, pupilId: a, kind: 'withdrawn', givenOn: '2026-10-01' }), 'the same day is fine')
})

t.test('who records consent: the lead, or a DSL among the staff; never a link worker', async (t) => {
  t.ok(mayRecordConsent({ role: 'lead', isDsl: false }))
  t.ok(mayRecordConsent({ role: 'pastoral', isDsl: true }))
  t.notOk(mayRecordConsent({ role: 'pastoral', isDsl: false }))
  t.notOk(mayRecordConsent({ role: 'link', isDsl: true }))
})

t.test('the form: every field checked, the date real and not in the future', async (t) => {
  const today = '2026-11-23'
  const good = { kind: 'given', given_by: 'pupil', given_by_name: ' Ash Khan ', purpose: DEFAULT_CONSENT_PURPOSE, given_on_day: '5', given_on_month: '11', given_on_year: '2026' }
  t.same(parseConsentForm(good, today).data, { kind: 'given', givenBy: 'pupil', givenByName: 'Ash Khan', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-11-05' })
  t.equal(parseConsentForm({ ...good, given_on_day: '23' }, today).data?.givenOn, '2026-11-23', 'today is allowed')
  const message = (body: Record<string, unknown>) => parseConsentForm(body, today).errors?.map((e) => `${e.field}: ${e.message}`)
  t.same(message({ ...good, given_on_day: '24' }), ['given_on_day: The date cannot be in the future: record consent once it has been given'])
  t.same(message({ ...good, given_on_day: '31', given_on_month: '2' }), ['given_on_day: The date must be a real date, for example 27 3 2026'])
  t.same(message({ ...good, given_on_day: '', given_on_month: '', given_on_year: '' }), ['given_on_day: Enter the date it was given or withdrawn'])
  t.same(message({ ...good, given_on_year: '' }), ['given_on_day: The date must include a day, month and year'])
  t.same(message({ ...good, given_on_month: 'Nov' }), ['given_on_day: Enter the date as numbers, for example 27 3 2026'])
  t.same(message({ ...good, given_on_year: '1999' }), ['given_on_day: The date must be this century'])
  t.same(message({ given_by: 'teacher', given_by_name: '  ', purpose: '', given_on_day: '1', given_on_month: '1', given_on_year: '2026' }), [
    'kind: Choose whether consent was given or withdrawn',
    'given_by: Choose who gave or withdrew consent: a parent or carer, or the pupil',
    'given_by_name: Enter the name of the person who gave or withdrew consent',
    'purpose: Say what the consent is for, for example a named discussion at supervision'
  ], 'in the order of the form')
  t.same(message({ ...good, given_by_name: 'x'.repeat(121) }), ['given_by_name: The name can be up to 120 characters'])
  t.match(message({ ...good, given_by_name: 'A\u0000B' })?.[0], /NUL character/)
})

t.test('today is England’s day', async (t) => {
  t.equal(londonToday(new Date('2026-06-30T23:30:00Z')), '2026-07-01', 'British Summer Time')
  t.equal(londonToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31', 'Greenwich Mean Time')
  t.match(londonToday(), /^\d{4}-\d{2}-\d{2}$/)
})
