// PostgreSQL cannot hold a NUL character in text. Every place a person's text comes in — a typed letter,
// a review note, what the DSL did, the reason for a level, a new colleague's name and email, the
// sign-in form, a web address — refuses one with a message, never a 500, and stores nothing.
import t from 'tap'
import { runImport } from '../../server/imports/service'
import { auditRows, buildTestApp, createSchool, createUser, signedIn, Browser } from '../helper'
import { fixture } from '../imports/helpers'

const NUL = '\u0000'
const STORE_MESSAGE = 'contains a character Lantern cannot store (a NUL character'

t.test('forms refuse text with a NUL character, saying which field', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Nul Academy')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { email: 'lead@nul.test' })
  const imported = await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'pupils.csv', content: fixture('pupils.csv'), today: '2026-11-23' })
  t.same(imported.errors, [])
  const pupil = (await app.db.selectFrom('pupils').select('id').orderBy('id').executeTakeFirstOrThrow()).id
  const b = await signedIn(app, 'lead@nul.test')
  const s = `/s/${school.urn}`

  await b.get(`${s}/pupils/${pupil}/letters/new`)
  const letter = await b.post(`${s}/pupils/${pupil}/letters`, { text: `I like art${NUL} and drama`, written_on: '2026-07-04' })
  t.equal(letter.statusCode, 422, 'typed letter')
  t.match(letter.body, `The letter ${STORE_MESSAGE}`)
  t.equal((await app.db.selectFrom('letters').select('id').execute()).length, 0, 'no letter stored')

  // a letter to review and an alert to record, both made the ordinary way
  await b.get(`${s}/pupils/${pupil}/letters/new`)
  t.equal((await b.post(`${s}/pupils/${pupil}/letters`, { text: 'My step dad hits me when mum is at work.', written_on: '2026-07-04' })).statusCode, 303)
  const letterId = (await app.db.selectFrom('letters').select('id').executeTakeFirstOrThrow()).id
  const alertId = (await app.db.selectFrom('safeguarding_alerts').select('id').executeTakeFirstOrThrow()).id

  await b.get(`${s}/letters/${letterId}`)
  const review = await b.post(`${s}/letters/${letterId}/review`, { concern: 'high', note: `seen${NUL}` })
  t.equal(review.statusCode, 422, 'review note')
  t.match(review.body, `The note ${STORE_MESSAGE}`)
  t.equal((await auditRows(app, 'letter_reviewed')).length, 0)

  await b.get(`${s}/alerts/${alertId}`)
  const outcome = await b.post(`${s}/alerts/${alertId}`, { outcome: 'referral_made', reason: `Referred to MASH${NUL} today` })
  t.equal(outcome.statusCode, 422, 'alert outcome')
  t.match(outcome.body, `The record ${STORE_MESSAGE}`)
  t.equal((await app.db.selectFrom('safeguarding_alerts').select('status').executeTakeFirstOrThrow()).status, 'open')

  await b.get(`${s}/pupils/${pupil}`)
  const level = await b.post(`${s}/pupils/${pupil}/level`, { level: 'getting_help', reason: `Talked${NUL} with form tutor` })
  t.equal(level.statusCode, 422, 'level reason')
  t.match(level.body, `The reason ${STORE_MESSAGE}`)

  await b.get(`${s}/staff`)
  const invite = await b.post(`${s}/staff`, { name: `Pat${NUL} Pastoral`, email: 'pat@nul.test', role: 'pastoral' })
  t.equal(invite.statusCode, 422, 'staff name')
  t.match(invite.body, `The name ${STORE_MESSAGE}`)
  await b.get(`${s}/staff`)
  const inviteEmail = await b.post(`${s}/staff`, { name: 'Pat Pastoral', email: `pat${NUL}@nul.test`, role: 'pastoral' })
  t.equal(inviteEmail.statusCode, 422, 'staff email')
  t.equal((await auditRows(app, 'staff_invited')).length, 0)

  for (const path of [`${s}/pupils?q=${encodeURIComponent(`Oka${NUL}`)}`, `${s}/pupils?form=7A%00`, `/invitation/abc%00def`, `${s}/imports/pending/%00`]) {
    const res = await b.get(path)
    t.equal(res.statusCode, 400, `${path}: refused`)
    t.match(res.body, 'This web address contains a character Lantern cannot read')
  }

  const stranger = new Browser(app)
  await stranger.get('/login')
  const login = await stranger.post('/login', { email: `lead${NUL}@nul.test`, password: 'whatever it is' })
  t.equal(login.statusCode, 422, 'sign-in form')
  t.match(login.body, `The email address ${STORE_MESSAGE}`)
})
