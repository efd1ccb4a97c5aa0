// The consent pages through the real app: the lead and DSLs record consent and withdrawal on a form that
// explains its mistakes and writes nothing until it is right; pastoral staff see the consent on the
// profile but cannot change it; link workers and other schools get nothing.
import t from 'tap'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'

async function setUp(t: Parameters<typeof buildTestApp>[0]) {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const other = await createSchool(app, 'Other School')
  const pupil = await app.db.insertInto('pupils').values({ school_id: school.id, upn: 'B801200005001', surname: 'Okafor', forename: 'Amara', preferred_forename: 'Mara', dob: '2015-01-01', form: '7A' }).returning('id').executeTakeFirstOrThrow()
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test', name: 'Lena Lead' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@school.test', name: 'Pat Pastoral' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'dsl@school.test', name: 'Dee Dsl' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@nhs.test', name: 'Priya Nair' })
  await createUser(app, [{ schoolId: other.id, role: 'lead' }], { email: 'lead@other.test' })
  const base = `/s/${school.urn}/pupils/${pupil.id}`
  return { app, school, pupilId: pupil.id, base }
}

const consentGiven = { kind: 'given', given_by: 'parent_carer', given_by_name: 'Grace <b>Okafor</b>', purpose: 'Named discussion with the CAMHS link team at supervision', given_on_day: '2', given_on_month: '10', given_on_year: '2025' }
const events = async (app: Awaited<ReturnType<typeof setUp>>['app']) => app.db.selectFrom('consent_events').selectAll().orderBy('id').execute()

t.test('the lead records consent, then its withdrawal: the profile shows who, when and for what, and the history', async (t) => {
  const { app, base, pupilId } = await setUp(t)
  const lead = await signedIn(app, 'lead@school.test')

  const profile = await lead.get(base)
  t.equal(profile.statusCode, 200)
  t.match(profile.body, '<h2 class="govuk-heading-m" id="consent">Consent to share with the CAMHS link team</h2>')
  t.match(profile.body, 'Consent to share is not recorded. The CAMHS link team sees this pupil by pseudonym')
  t.match(profile.body, `href="${base}/consent">Record consent given</a>`)

  const form = await lead.get(`${base}/consent`)
  t.equal(form.statusCode, 200)
  t.match(form.body, 'Mara Okafor')
  t.match(form.body, '>Named discussion with the CAMHS link team at supervision</textarea>', 'the usual purpose, ready to edit')
  t.match(form.body, 'name="_csrf"')
  t.match(form.body, '<input type="hidden" name="kind" value="given">', 'nothing to withdraw yet')
  t.match(form.body, 'Gillick competence')
  t.equal((await auditRows(app, 'pupil_consent_viewed')).at(-1)?.subject_id, String(pupilId), 'the form is a view of the pupil, audited')

  const given = await lead.post(`${base}/consent`, consentGiven)
  t.equal(given.statusCode, 303)
  t.equal(given.headers.location, `${base}#consent`)
  const after = await lead.get(base)
  t.match(after.body, 'Consent to share with the CAMHS link team is recorded.')
  t.match(after.body, '<strong class="govuk-tag govuk-tag--green">Given</strong>')
  t.match(after.body, 'Grace &lt;b&gt;Okafor&lt;/b&gt; (parent or carer), on 2 Oct 2025', 'user text escaped')
  t.notMatch(after.body, '<b>Okafor</b>')
  t.match(after.body, /Recorded by<\/dt><dd class="govuk-summary-list__value">Lena Lead, /)
  t.match(after.body, 'Record that consent is withdrawn')
  t.match(after.body, `href="/s/${(await app.db.selectFrom('schools').select('urn').where('id', '=', (await events(app))[0]!.school_id).executeTakeFirstOrThrow()).urn.trim()}/supervision/shares"`)

  const withdrawForm = await lead.get(`${base}/consent`)
  t.match(withdrawForm.body, /id="kind" name="kind" type="radio" value="withdrawn" checked/, 'withdrawal offered first')
  const withdrawn = await lead.post(`${base}/consent`, { ...consentGiven, kind: 'withdrawn', given_by: 'pupil', given_by_name: 'Amara Okafor', given_on_day: '3' })
  t.equal(withdrawn.statusCode, 303)
  const last = await lead.get(base)
  t.match(last.body, 'The withdrawal of consent is recorded.')
  t.match(last.body, '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong> the link team sees this pupil by pseudonym only')
  t.match(last.body, 'Consent history (2 records)')
  t.same((await events(app)).map((e) => [e.kind, e.given_by, e.given_on]), [['given', 'parent_carer', '2025-10-02'], ['withdrawn', 'pupil', '2025-10-03']])
  t.same((await app.db.selectFrom('audit_log').select('action').where('action', 'like', 'consent_%').orderBy('id').execute()).map((r) => r.action), ['consent_given', 'consent_withdrawn'])

  // withdrawing again, when nothing stands, is refused with a message at the form
  await lead.get(`${base}/consent`)
  const again = await lead.post(`${base}/consent`, { ...consentGiven, kind: 'withdrawn' })
  t.equal(again.statusCode, 409)
  t.match(again.body, '<a href="#kind">There is no consent on record to withdraw for this pupil.</a>')
  const backdated = await lead.post(`${base}/consent`, { ...consentGiven, given_on_day: '1' })
  t.equal(backdated.statusCode, 422)
  t.match(backdated.body, '<a href="#given_on_day">The date must be on or after 03/10/2025, when the consent now on record was withdrawn</a>')
  t.equal((await events(app)).length, 2)
  t.match(last.body, 'Amara Okafor (the pupil, competent to decide), on 3 Oct 2025')
})

t.test('a form with mistakes says what is wrong, keeps what was typed and writes nothing', async (t) => {
  const { app, base } = await setUp(t)
  const dsl = await signedIn(app, 'dsl@school.test')
  await dsl.get(`${base}/consent`)
  const next = new Date(Date.now() + 3 * 86_400_000)
  const bad = await dsl.post(`${base}/consent`, { ...consentGiven, given_by: 'teacher', given_by_name: '   ', given_on_day: String(next.getUTCDate()), given_on_month: String(next.getUTCMonth() + 1), given_on_year: String(next.getUTCFullYear()) })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'There is a problem')
  t.match(bad.body, '<a href="#given_by">Choose who gave or withdrew consent: a parent or carer, or the pupil</a>')
  t.match(bad.body, '<a href="#given_by_name">Enter the name of the person who gave or withdrew consent</a>')
  t.match(bad.body, '<a href="#given_on_day">The date cannot be in the future: record consent once it has been given</a>')
  t.match(bad.body, 'govuk-form-group--error')
  t.match(bad.body, `value="${next.getUTCFullYear()}"`, 'the date typed is kept')
  t.equal((await events(app)).length, 0, 'nothing written')
  t.equal((await auditRows(app, 'consent_given')).length, 0)

  const good = await dsl.post(`${base}/consent`, consentGiven)
  t.equal(good.statusCode, 303, 'a DSL among the pastoral staff records consent')
})

t.test('who may: pastoral staff read the consent on the profile but cannot change it; link workers, other schools and strangers get nothing', async (t) => {
  const { app, base, school } = await setUp(t)
  const lead = await signedIn(app, 'lead@school.test')
  await lead.get(`${base}/consent`)
  await lead.post(`${base}/consent`, consentGiven)

  const pastoral = await signedIn(app, 'pastoral@school.test')
  const profile = await pastoral.get(base)
  t.equal(profile.statusCode, 200)
  t.match(profile.body, '<strong class="govuk-tag govuk-tag--green">Given</strong>', 'pastoral staff see the status')
  t.notMatch(profile.body, `${base}/consent"`, 'but no way to change it')
  t.notMatch(profile.body, '/supervision/shares')
  const refused = await pastoral.get(`${base}/consent`)
  t.equal(refused.statusCode, 403)
  t.match(refused.body, 'You can see a pupil’s consent on their profile')
  t.equal((await pastoral.post(`${base}/consent`, { ...consentGiven, kind: 'withdrawn' })).statusCode, 403)
  t.equal((await pastoral.get(`/s/${school.urn}/supervision/shares`)).statusCode, 403)

  const link = await signedIn(app, 'link@nhs.test')
  for (const url of [base, `${base}/consent`, `/s/${school.urn}/supervision/shares`]) {
    const res = await link.get(url)
    t.equal(res.statusCode, 403, `link worker: GET ${url}`)
    t.notMatch(res.body, 'Okafor')
  }
  t.equal((await link.post(`${base}/consent`, { ...consentGiven, kind: 'withdrawn' })).statusCode, 403)

  const stranger = await signedIn(app, 'lead@other.test')
  for (const url of [`${base}/consent`, `/s/${school.urn}/supervision/shares`]) t.equal((await stranger.get(url)).statusCode, 404, `another school’s lead: ${url}`)
  t.equal((await stranger.post(`${base}/consent`, { ...consentGiven, kind: 'withdrawn' })).statusCode, 404)
  const lead2 = await signedIn(app, 'lead@school.test')
  t.equal((await lead2.get(`/s/${school.urn}/pupils/999999/consent`)).statusCode, 404, 'a pupil who does not exist')

  for (const url of [`${base}/consent`, `/s/${school.urn}/supervision/shares`]) {
    const res = await app.inject({ url, headers: { accept: 'text/html' } })
    t.equal(res.statusCode, 303, `signed out: ${url}`)
    t.equal(res.headers.location, `/login?next=${encodeURIComponent(url)}`)
  }
  const post = await app.inject({ method: 'POST', url: `${base}/consent`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...consentGiven, kind: 'withdrawn' }).toString() })
  t.ok(post.statusCode >= 400, `signed out POST refused (${post.statusCode})`)
  t.same((await events(app)).map((e) => e.kind), ['given'], 'only the lead’s consent is on record')
})
