// The share log page: the lead and DSLs read what was shared with the link team, with whom and why,
// in pages; the pupils named link to their profiles; pastoral staff without DSL and link workers cannot.
import t from 'tap'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'
import { recordShare, SHARE_PURPOSES } from '../../server/supervision/shares'

t.test('the share log, newest first, fifty to a page', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app)
  const pupils = await app.db
    .insertInto('pupils')
    .values([
      { school_id: school.id, upn: 'B801200005001', surname: 'Okafor', forename: 'Amara', dob: '2015-01-01' },
      { school_id: school.id, upn: 'B801200005002', surname: 'Khan', forename: 'Ashley', preferred_forename: 'Ash', dob: '2015-01-01' }
    ])
    .returning('id')
    .execute()
  const [a, b] = pupils.map((p) => p.id) as [number, number]
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }], { email: 'link@nhs.test', name: 'Priya Nair' })
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@school.test' })
  await createUser(app, [{ schoolId: school.id, role: 'pastoral', isDsl: true }], { email: 'dsl@school.test' })
  for (let i = 0; i < 54; i++) {
    await recordShare(app.db, { schoolId: school.id, userId: link.id, sharedWith: 'Priya Nair (CAMHS link worker)', what: `Agenda <i>${i}</i> (viewed)`, purpose: SHARE_PURPOSES.supervision, pupilIds: [a, b], identifiedPupilIds: i === 53 ? [b] : [] })
  }
  await recordShare(app.db, { schoolId: school.id, userId: null, sharedWith: 'CAMHS link team', what: 'Attendees only', purpose: SHARE_PURPOSES.supervision, pupilIds: [], identifiedPupilIds: [] })
  await app.db.deleteFrom('pupils').where('id', '=', a).execute()
  await recordShare(app.db, { schoolId: school.id, userId: link.id, sharedWith: 'Priya Nair (CAMHS link worker)', what: 'Pack, link team copy (printed)', purpose: SHARE_PURPOSES.consented, pupilIds: [b], identifiedPupilIds: [b] })

  const lead = await signedIn(app, 'lead@school.test')
  const url = `/s/${school.urn}/supervision/shares`
  const page = await lead.get(url)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'What has been shared with the CAMHS link team')
  t.equal(page.body.match(/<tr class="govuk-table__row">/g)?.length, 51, 'a header row and fifty shares')
  t.ok(page.body.indexOf('Pack, link team copy (printed)') < page.body.indexOf('Attendees only'), 'newest first')
  t.match(page.body, 'Named discussion with the CAMHS link team, with consent to share recorded (golden rules 4, 6 and 7)')
  t.match(page.body, 'Seeking advice from the CAMHS link team at supervision (golden rules 3, 6 and 7)')
  t.match(page.body, `<a class="govuk-link" href="/s/${school.urn}/pupils/${b}">Ash Khan</a> <span class="lantern-muted">(named)</span>`)
  t.match(page.body, 'A pupil no longer on record')
  t.match(page.body, '2 pupils, 1 named')
  t.match(page.body, '1 pupil, 1 named')
  t.match(page.body, /<td class="govuk-table__cell">\s*None\s*<\/td>/, 'a share of no pupil')
  t.match(page.body, 'a former member of staff')
  t.match(page.body, 'Agenda &lt;i&gt;53&lt;/i&gt; (viewed)', 'escaped')
  // Handlebars writes = in an attribute as &#x3D;, which the browser reads back as =
  const older = /href="([^"]+\?before&#x3D;\d+)" rel="next"/.exec(page.body)?.[1]?.replace('&#x3D;', '=')
  t.ok(older, 'a link to older shares')
  t.notMatch(page.body, 'rel="prev"')
  const audit = (await auditRows(app, 'share_log_viewed')).at(-1)!
  t.same((audit.detail as { pupils: number[] }).pupils, [b], 'the view is audited with the pupils it named')

  const second = await lead.get(older!)
  t.equal(second.statusCode, 200)
  t.equal(second.body.match(/<tr class="govuk-table__row">/g)?.length, 7, 'the last six')
  t.match(second.body, 'Agenda &lt;i&gt;0&lt;/i&gt;')
  t.match(second.body, `href="${url}" rel="prev"`)
  t.notMatch(second.body, 'rel="next"')
  t.equal((await lead.get(`${url}?before=drop%20table`)).statusCode, 200, 'a cursor that is not one shows the newest')

  const dsl = await signedIn(app, 'dsl@school.test')
  t.equal((await dsl.get(url)).statusCode, 200, 'a DSL reads it')
})
