// The catalogue pages through the real app: a lead adds, fixes, edits, archives and restores; pastoral
// staff read; link workers are refused; another school's opportunity does not exist; all audited.
import t from 'tap'
import { auditRows, buildTestApp, createSchool, createUser, signedIn, type Browser } from '../helper'

/** Posts a form as a browser does, with repeated fields for ticked boxes. */
function postForm(browser: Browser, url: string, fields: Array<[string, string]>) {
  const body = new URLSearchParams([['_csrf', browser.csrf ?? ''], ...fields]).toString()
  return browser.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
}

const codeClub: Array<[string, string]> = [
  ['name', 'Code club'], ['category', 'stem'], ['min_places', '4'], ['capacity', '12'],
  ['interests', 'computing'], ['interests', 'gaming'], ['needs', 'friendships'], ['needs', 'LETTER_WORRY'],
  ['year_groups', '7'], ['forms', '7A'], ['rule', 'none'], ['lead', 'Mr Lindqvist <b>'], ['schedule', 'Wednesday after school'],
  ['pupil_description', 'Make games & robots'], ['slot1_day', '3'], ['slot1_start', '15:15'], ['slot1_end', '16:15'], ['slot2_day', ''], ['slot2_start', ''], ['slot2_end', '']
]
const replace = (fields: Array<[string, string]>, name: string, value: string) => fields.map(([k, v]): [string, string] => [k, k === name ? value : v])

t.test('a lead adds an opportunity, fixes a mistake, edits, archives and restores it', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  await app.db.insertInto('pupils').values({ school_id: school.id, upn: 'B801200005001', surname: 'Okafor', forename: 'Amara', dob: '2015-01-01', form: '7A' }).execute()
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const lead = await signedIn(app, 'lead@school.test')
  const base = `/s/${school.urn}/opportunities`

  const empty = await lead.get(base)
  t.equal(empty.statusCode, 200)
  t.match(empty.body, 'There are no opportunities in the catalogue yet')
  t.match(empty.body, `href="${base}/new"`)
  t.match(empty.body, `href="${base}" aria-current="page">Opportunities</a>`, 'in the school’s navigation')

  const form = await lead.get(`${base}/new`)
  t.equal(form.statusCode, 200)
  t.match(form.body, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">When it runs</legend>')
  t.match(form.body, 'id="forms" name="forms" type="checkbox" value="7A"', 'the school’s forms to tick')
  t.match(form.body, `class="govuk-back-link`)

  const bad = await postForm(lead, base, replace(replace(codeClub, 'min_places', '20'), 'slot1_end', '15:00'))
  t.equal(bad.statusCode, 422)
  t.match(bad.body, 'There is a problem')
  t.match(bad.body, '<a href="#min_places">The fewest places (20) cannot be more than the most places (12)</a>')
  t.match(bad.body, '<a href="#slot1_end">The end time for session 1 must be after its start time (15:15)</a>')
  t.match(bad.body, 'value="Code club"', 'what was typed is kept')
  t.match(bad.body, 'name="interests" type="checkbox" value="art"', 'boxes are offered again')
  t.match(bad.body, /value="computing" checked/)
  t.equal((await app.db.selectFrom('opportunities').select('id').execute()).length, 0, 'nothing saved')

  const added = await postForm(lead, base, codeClub)
  t.equal(added.statusCode, 303)
  t.equal(added.headers.location, base)
  const saved = await app.db.selectFrom('opportunities').selectAll().executeTakeFirstOrThrow()
  t.match(saved, { school_id: school.id, name: 'Code club', category: 'stem', min_places: 4, capacity: 12, interests: ['computing', 'gaming'], needs: ['friendships', 'LETTER_WORRY'], year_groups: [7], forms: ['7A'], rule: null, lead: 'Mr Lindqvist <b>', schedule: 'Wednesday after school', slots: [{ weekday: 3, start: '15:15', end: '16:15' }], pupil_description: 'Make games & robots', archived_at: null })
  const list = await lead.get(base)
  t.match(list.body, 'is added to the catalogue')
  t.match(list.body, '<h2 class="govuk-heading-m" id="category-stem">STEM</h2>')
  t.match(list.body, 'Wednesday 15:15–16:15')
  t.match(list.body, 'Led by Mr Lindqvist &lt;b&gt;', 'user text is escaped')
  t.match(list.body, 'Make games &amp; robots')
  t.match(list.body, 'Year 7 · form 7A')
  t.match(list.body, 'friendships, Worried letter')

  const same = await postForm(lead, base, codeClub)
  t.equal(same.statusCode, 409)
  t.match(same.body, '<a href="#name">The school already has an opportunity called “Code club”.')

  const edit = await lead.get(`${base}/${saved.id}/edit`)
  t.equal(edit.statusCode, 200)
  t.match(edit.body, 'Edit Code club')
  t.match(edit.body, `action="${base}/${saved.id}/archive"`)
  const invalid = await postForm(lead, `${base}/${saved.id}`, replace(codeClub, 'capacity', 'lots'))
  t.equal(invalid.statusCode, 422)
  t.match(invalid.body, 'Enter the most places as a whole number, for example 12')
  // more places, a second session on Friday, and only pupils with SEN support
  const editedFields = replace(replace(replace(replace(replace(codeClub, 'capacity', '16'), 'slot2_day', '5'), 'slot2_start', '12:30'), 'slot2_end', '13:15'), 'rule', 'sen_support')
  const edited = await postForm(lead, `${base}/${saved.id}`, editedFields)
  t.equal(edited.statusCode, 303)
  t.match(await app.db.selectFrom('opportunities').selectAll().executeTakeFirstOrThrow(), { capacity: 16, rule: 'sen_support', slots: [{ weekday: 3, start: '15:15', end: '16:15' }, { weekday: 5, start: '12:30', end: '13:15' }] })
  t.match((await lead.get(base)).body, 'Code club is saved.')
  await postForm(lead, `${base}/${saved.id}`, editedFields)
  t.match((await lead.get(base)).body, 'Nothing about Code club changed.')

  await lead.get(base)
  await postForm(lead, base, replace(codeClub, 'name', 'Art studio'))
  await lead.get(base)
  t.equal((await postForm(lead, `${base}/${saved.id}`, replace(codeClub, 'name', 'Art studio'))).statusCode, 409, 'an edit may not take another’s name')

  const archived = await postForm(lead, `${base}/${saved.id}/archive`, [])
  t.equal(archived.statusCode, 303)
  const row = await app.db.selectFrom('opportunities').selectAll().where('id', '=', saved.id).executeTakeFirstOrThrow()
  t.ok(row.archived_at, 'archived, not deleted')
  t.ok(row.archived_by)
  const afterArchive = await lead.get(base)
  t.match(afterArchive.body, 'Code club is archived')
  t.match(afterArchive.body, '<h2 class="govuk-heading-m" id="archived">Archived</h2>')
  t.match(afterArchive.body, `action="${base}/${saved.id}/restore"`)
  t.ok(afterArchive.body.indexOf(`id="opportunity-${saved.id}"`) > afterArchive.body.indexOf('id="archived"'), 'listed only among the archived')
  t.notMatch((await lead.get(`${base}/${saved.id}/edit`)).body, `action="${base}/${saved.id}/archive"`, 'an archived one offers no archive button')
  await lead.get(base)
  t.equal((await postForm(lead, `${base}/${saved.id}/archive`, [])).statusCode, 303, 'archiving twice is harmless')
  await lead.get(base)
  t.equal((await postForm(lead, `${base}/${saved.id}/restore`, [])).statusCode, 303)
  t.equal((await app.db.selectFrom('opportunities').select('archived_at').where('id', '=', saved.id).executeTakeFirstOrThrow()).archived_at, null)
  t.match((await lead.get(base)).body, 'Code club is back in the catalogue.')

  const audit = await app.db.selectFrom('audit_log').select(['action', 'subject_type', 'subject_id', 'detail', 'user_id']).where('action', 'like', 'opportunity_%').orderBy('id').execute()
  t.same(audit.map((a) => a.action), ['opportunity_created', 'opportunity_updated', 'opportunity_updated', 'opportunity_created', 'opportunity_archived', 'opportunity_restored'], 'every change, and only changes')
  t.match(audit[1], { subject_type: 'opportunity', subject_id: String(saved.id), detail: { name: 'Code club', changed: ['capacity', 'rule', 'slots'] } })
  t.same(audit[2]!.detail, { name: 'Code club', changed: [] })
})

t.test('pastoral staff read the catalogue; link workers and other schools are refused', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const other = await createSchool(app, 'Other School')
  const [mine] = await app.db.insertInto('opportunities').values({ school_id: school.id, name: 'Art studio', category: 'creative', capacity: 10 }).returning('id').execute()
  const [theirs] = await app.db.insertInto('opportunities').values({ school_id: other.id, name: 'Secret club', category: 'sport', capacity: 10 }).returning('id').execute()
  await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { email: 'pastoral@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  const base = `/s/${school.urn}/opportunities`

  const pastoral = await signedIn(app, 'pastoral@school.test')
  const list = await pastoral.get(base)
  t.equal(list.statusCode, 200)
  t.match(list.body, 'Art studio')
  t.match(list.body, 'Time not set')
  t.notMatch(list.body, '/edit"', 'no edit links')
  t.notMatch(list.body, 'Add an opportunity')
  for (const path of ['/new', `/${mine!.id}/edit`]) t.equal((await pastoral.get(`${base}${path}`)).statusCode, 403, `pastoral GET ${path}`)
  for (const path of ['', `/${mine!.id}`, `/${mine!.id}/archive`, `/${mine!.id}/restore`]) t.equal((await postForm(pastoral, `${base}${path}`, codeClub)).statusCode, 403, `pastoral POST ${path}`)

  const link = await signedIn(app, 'link@school.test')
  t.equal((await link.get(base)).statusCode, 403)
  t.equal((await link.get(`${base}/new`)).statusCode, 403)
  t.notMatch((await link.get(`/s/${school.urn}`)).body, `href="${base}"`, 'no Opportunities link for a link worker')

  const lead = await signedIn(app, 'lead@school.test')
  await lead.get(base)
  t.equal((await lead.get(`${base}/${theirs!.id}/edit`)).statusCode, 404, 'another school’s opportunity does not exist here')
  t.equal((await postForm(lead, `${base}/${theirs!.id}`, codeClub)).statusCode, 404)
  await lead.get(base)
  t.equal((await postForm(lead, `${base}/${theirs!.id}/archive`, [])).statusCode, 404)
  await lead.get(base)
  t.equal((await postForm(lead, `${base}/${theirs!.id}/restore`, [])).statusCode, 404)
  t.equal((await lead.get(`${base}/abc/edit`)).statusCode, 404)
  t.notMatch((await lead.get(base)).body, 'Secret club')
  t.equal((await app.db.selectFrom('opportunities').select('archived_at').where('id', '=', theirs!.id).executeTakeFirstOrThrow()).archived_at, null)
  t.same(await auditRows(app, 'opportunity_archived'), [])
})
