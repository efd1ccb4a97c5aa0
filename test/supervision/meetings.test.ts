// Supervision through the real pages: a lead plans a meeting, edits the proposed agenda, starts it
// (the agenda and what was known are fixed), records discussions and actions, closes it (records then
// take corrections only), and the next agenda follows on. Link workers see pseudonyms unless consent
// is recorded, only the agenda's pupils, and every view is logged as a share.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { rescreenSchool } from '../../server/screening/service'
import { runImport } from '../../server/imports/service'
import { recordConsent, DEFAULT_CONSENT_PURPOSE } from '../../server/supervision/consent'
import { buildTestApp, createSchool, createUser, signedIn, auditRows } from '../helper'
import { loadPupils, upn, pupilId } from '../screening/cohort'

const COHORT = [
  { n: 1, surname: 'Quillfeather', forename: 'Ottilie', form: '7Q', attendance: { possible: 1000, absent: 550 }, letter: { text: 'one', analysis: { concern: 'none' as const } } },
  { n: 2, surname: 'Brackenridge', forename: 'Caspian', form: '7B', socialCare: 'CP' as const, sen: 'E' as const, sdq: { self: [8, 5, 9, 6, 3, 4] as [number, number, number, number, number, number] }, letter: { text: 'two', analysis: { concern: 'some' as const } } },
  {
    n: 3,
    surname: 'Marchbanks',
    forename: 'Wilhelmina',
    form: '7M',
    ks2: { reading: '104', maths: '104', writing: 'EXS' },
    attendance: { possible: 380, absent: 4 },
    letter: { text: 'Nobody will talk to me at the big school and I like drawing dragons.', analysis: { concern: 'high' as const, worries: [{ theme: 'friendships', text: 'Nobody will talk to me', start: 0, end: 22 }], interests: [{ interest: 'art', text: 'drawing dragons', start: 53, end: 68 }] } }
  },
  { n: 4, surname: 'Thistlewood', forename: 'Barnaby', form: '7T', ks2: { reading: '110', maths: '110', writing: 'GDS' }, attendance: { possible: 380, absent: 0 }, letter: { text: 'four', analysis: { concern: 'none' as const } } },
  {
    n: 5,
    surname: 'Fennimore',
    forename: 'Saoirse',
    form: '7F',
    ks2: { reading: '110', maths: '110', writing: 'GDS' },
    attendance: { possible: 380, absent: 0 },
    letter: { text: 'I am scared to go home.', analysis: { concern: 'some' as const, worries: [], interests: [], safeguarding: [{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }] } }
  }
]

async function setUp(t: { teardown(fn: () => unknown): void }) {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Supervision High')
  const other = await createSchool(app, 'Elsewhere Academy')
  const lead = await createUser(app, [{ schoolId: school.id, role: 'lead', isDsl: true }], { name: 'Lena Lead' })
  const pastoral = await createUser(app, [{ schoolId: school.id, role: 'pastoral' }], { name: 'Pat Pastoral' })
  const link = await createUser(app, [{ schoolId: school.id, role: 'link' }], { name: 'Lin Link' })
  const otherLead = await createUser(app, [{ schoolId: other.id, role: 'lead' }], { name: 'Olu Other' })
  await loadPupils(app.db, school.id, lead.id, COHORT)
  await rescreenSchool(app.db, school.id)
  const ids = new Map<number, number>()
  for (const p of COHORT) ids.set(p.n, await pupilId(app.db, school.id, p.n))
  return { app, school, other, lead, pastoral, link, otherLead, ids }
}

const identifiers = (n: number) => {
  const p = COHORT.find((c) => c.n === n)!
  return [p.surname, p.forename, upn(n)]
}

t.test('plan, edit the agenda, start, record, act, close, correct; the next agenda follows on', async (t) => {
  const { app, school, lead, pastoral, link, ids } = await setUp(t)
  const base = `/s/${school.urn}/supervision`
  const browser = await signedIn(app, lead.email)

  const index = await browser.get(base)
  t.equal(index.statusCode, 200)
  t.match(index.body, /Proposed dates/)
  t.match(index.body, /England’s usual half terms/)

  const planned = await browser.post(`${base}/meetings`, { meets_on: '2026-11-10', meets_at: '15:30', location: 'Room 4', link_user_id: String(link.id), cover_user_id: '', attendees: String(lead.id) })
  t.equal(planned.statusCode, 303)
  const meetingUrl = planned.headers.location as string
  t.match(meetingUrl, new RegExp(`^${base}/meetings/\\d+$`))
  const meetingId = Number(meetingUrl.split('/').pop())

  const clash = await browser.post(`${base}/meetings`, { meets_on: '2026-11-10', meets_at: '', location: '', link_user_id: '', cover_user_id: '' })
  t.equal(clash.statusCode, 409, 'one meeting a day')
  t.match(clash.body, /already a meeting on that date/)
  const bad = await browser.post(`${base}/meetings`, { meets_on: '10/11/2026', meets_at: '3pm', location: '', link_user_id: '', cover_user_id: '' })
  t.equal(bad.statusCode, 422)
  t.match(bad.body, /Enter the date of the meeting/)
  t.match(bad.body, /Enter the time as HH:MM/)
  const notLink = await browser.post(`${base}/meetings`, { meets_on: '2026-11-11', meets_at: '', location: '', link_user_id: String(pastoral.id), cover_user_id: '' })
  t.equal(notLink.statusCode, 409, 'the named link worker has the link role')

  let page = await browser.get(meetingUrl)
  t.equal(page.statusCode, 200)
  const proposed = page.body.split('Add a pupil')[0]!
  for (const n of [1, 2, 3, 5]) t.match(proposed, COHORT[n - 1]!.surname, `pupil ${n} is proposed`)
  t.notMatch(page.body.split('Add a pupil')[0], 'Thistlewood', 'a thriving pupil with nothing new is not proposed')
  t.match(page.body, /Hidden: the letter raises concern the data do not show/)

  t.equal((await browser.post(`${meetingUrl}/agenda`, { pupil: String(ids.get(4)), change: 'add', reason: 'Form tutor worried about lunchtimes' })).statusCode, 303)
  t.equal((await browser.post(`${meetingUrl}/agenda`, { pupil: String(ids.get(1)), change: 'remove', reason: 'Seen by the attendance officer this week' })).statusCode, 303)
  await browser.post(`${meetingUrl}/agenda`, { pupil: String(ids.get(1)), change: 'remove', reason: '' })
  page = await browser.get(meetingUrl)
  t.match(page.body, /Say why, so the record shows it/, 'a change without a reason is refused with a message')
  t.match(page.body, /Added by the lead: Form tutor worried about lunchtimes/)
  t.match(page.body, /Taken off the agenda[\s\S]*Quillfeather[\s\S]*Seen by the attendance officer this week/)

  // link workers and pastoral staff do not plan
  const linkBrowser = await signedIn(app, link.email)
  await linkBrowser.get(meetingUrl)
  t.equal((await linkBrowser.post(`${meetingUrl}/start`)).statusCode, 403)
  const pastoralBrowser = await signedIn(app, pastoral.email)
  t.equal((await pastoralBrowser.get(meetingUrl)).statusCode, 200, 'pastoral staff read the meeting')
  t.equal((await pastoralBrowser.post(`${meetingUrl}/agenda`, { pupil: String(ids.get(4)), change: 'remove', reason: 'x' })).statusCode, 403)
  t.equal((await pastoralBrowser.get(`${base}/meetings/new`)).statusCode, 403)

  // recording before the start is refused
  const early = await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { advice: 'too soon' })
  t.equal(early.statusCode, 409)
  t.match(early.body, /Start the meeting before recording/)
  t.match((await browser.get(`${meetingUrl}/pupils/${ids.get(3)}`)).body, /The record opens when the lead starts the meeting/)

  t.equal((await browser.post(`${meetingUrl}/start`)).statusCode, 303)
  const fixed = await app.db.selectFrom('agenda_items').select(['pupil_id', 'position', 'snapshot']).where('meeting_id', '=', meetingId).orderBy('position').execute()
  t.same(new Set(fixed.map((f) => f.pupil_id)), new Set([ids.get(2), ids.get(3), ids.get(4), ids.get(5)]), 'the agenda as edited, without the removed pupil')
  t.equal((await browser.post(`${meetingUrl}/agenda`, { pupil: String(ids.get(1)), change: 'add', reason: 'late' })).statusCode, 303)
  page = await browser.get(meetingUrl)
  t.match(page.body, /The agenda was fixed when the meeting started/)

  // later data do not rewrite what the meeting knew
  const before = fixed.find((f) => f.pupil_id === ids.get(3))!.snapshot as { attendance: number }
  await sql`update attendance set absent = 200 where pupil_id = ${ids.get(3)!}`.execute(app.db)
  const after = (await app.db.selectFrom('agenda_items').select('snapshot').where('meeting_id', '=', meetingId).where('pupil_id', '=', ids.get(3)!).executeTakeFirstOrThrow()).snapshot as { attendance: number }
  t.equal(after.attendance, before.attendance)
  page = await browser.get(`${meetingUrl}/pupils/${ids.get(3)}`)
  t.match(page.body, `${before.attendance.toFixed(1)}%`, 'the discussion page shows what was known when the meeting started')

  // the record, in the order consultations follow
  const saved = await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, {
    strengths: 'Draws brilliantly; kind to others',
    concerns: 'Alone at lunch',
    possible_reasons: 'Friends went to another school',
    advice: 'Art club buddy',
    level: 'getting_help',
    outcome: 'strategies',
    goal_1: 'Eat lunch with a friend',
    score_1: '3',
    goal_2: '',
    score_2: ''
  })
  t.equal(saved.statusCode, 303)
  const badGoal = await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { goal_1: 'Eat lunch with a friend', score_1: '11' })
  t.equal(badGoal.statusCode, 422)
  t.match(badGoal.body, /whole number from 0 to 10/)
  const noScore = await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { goal_1: 'Eat lunch with a friend', score_1: '' })
  t.equal(noScore.statusCode, 422, 'a goal needs its rating')

  // the link worker adds advice; the rest of the record stays as staff wrote it
  await linkBrowser.get(`${meetingUrl}/pupils/${ids.get(3)}`)
  t.equal((await linkBrowser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { advice: 'Try a structured lunchtime club', strengths: 'overwritten?' })).statusCode, 303)
  const entries = await app.db.selectFrom('discussion_entries').selectAll().where('meeting_id', '=', meetingId).where('pupil_id', '=', ids.get(3)!).orderBy('id').execute()
  t.equal(entries.length, 2)
  t.match(entries[1], { advice: 'Try a structured lunchtime club', strengths: 'Draws brilliantly; kind to others', level: 'getting_help', outcome: 'strategies' })

  // actions
  t.equal((await browser.post(`${meetingUrl}/actions`, { pupil: String(ids.get(3)), description: 'Introduce to the art club lead', owner_user_id: String(link.id), owner_name: '', due_on: '2026-11-20' })).statusCode, 303)
  t.equal((await browser.post(`${meetingUrl}/actions`, { pupil: String(ids.get(2)), description: 'Call home', owner_user_id: '', owner_name: 'Head of Year 7', due_on: '2026-11-12' })).statusCode, 303)
  await browser.post(`${meetingUrl}/actions`, { pupil: String(ids.get(2)), description: 'No owner', owner_user_id: '', owner_name: '', due_on: '' })
  page = await browser.get(`${meetingUrl}/pupils/${ids.get(2)}`)
  t.match(page.body, /Say who owns the action/)
  const actions = await app.db.selectFrom('supervision_actions').select(['id', 'owner_name', 'owner_user_id']).orderBy('id').execute()
  t.same(actions.map((a) => a.owner_name), ['Lin Link', 'Head of Year 7'])
  // a link worker reviews only their own actions
  t.equal((await linkBrowser.post(`${base}/actions/${actions[1]!.id}/review`, { status: 'done', note: '' })).statusCode, 403)
  t.equal((await linkBrowser.post(`${base}/actions/${actions[0]!.id}/review`, { status: 'in_progress', note: 'Spoke to the art lead', meeting: String(meetingId) })).statusCode, 303)
  await browser.post(`${base}/actions/${actions[1]!.id}/review`, { status: 'dropped', note: '' })
  t.equal((await app.db.selectFrom('action_updates').select('id').where('action_id', '=', actions[1]!.id).execute()).length, 0, 'dropping needs a reason')

  page = await browser.get(meetingUrl)
  t.match(page.body, /Recap so far[\s\S]*Marchbanks[\s\S]*Try a structured lunchtime club[\s\S]*Introduce to the art club lead — Lin Link, by/, 'the recap: pupil, advice, action, owner, due')

  // close; corrections only after that, each saying what it corrects
  t.equal((await browser.post(`${meetingUrl}/close`)).statusCode, 303)
  t.equal((await browser.post(`${meetingUrl}/actions`, { pupil: '', description: 'After close', owner_user_id: String(lead.id), owner_name: '', due_on: '' })).statusCode, 303)
  t.equal((await app.db.selectFrom('supervision_actions').select('id').execute()).length, 2, 'no new actions on a closed meeting')
  const uncorrected = await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { advice: 'Changed my mind', level: 'getting_help', outcome: 'strategies' })
  t.equal(uncorrected.statusCode, 409)
  t.match(uncorrected.body, /say what the correction puts right/)
  t.equal((await browser.post(`${meetingUrl}/pupils/${ids.get(3)}`, { strengths: 'Draws brilliantly; kind to others', advice: 'Art club buddy, twice a week', level: 'getting_help', outcome: 'strategies', correction_reason: 'Advice was twice a week, not once' })).statusCode, 303)
  const correction = await app.db.selectFrom('discussion_entries').selectAll().where('pupil_id', '=', ids.get(3)!).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.equal(correction.corrects_id, entries[1]!.id, 'the correction points at the entry it corrects')
  t.equal(correction.correction_reason, 'Advice was twice a week, not once')
  await t.rejects(sql`update discussion_entries set advice = 'rewritten' where id = ${correction.id}`.execute(app.db), /append-only/)
  await t.rejects(sql`update action_updates set note = 'rewritten'`.execute(app.db), /append-only/)

  // attendance imported since the meeting for a pupil who was not on its agenda: compared through the history
  const later = await runImport(app.db, { schoolId: school.id, userId: lead.id, fileName: 'attendance.csv', content: Buffer.from(`upn,sessions_possible,sessions_absent\n${upn(1)},1000,700\n`), kind: 'attendance', today: '2026-12-01' })
  await rescreenSchool(app.db, school.id)
  t.same(later.errors, [])

  // the next meeting: open actions reviewed first, carried-over and worse pupils on the agenda
  const next = await browser.post(`${base}/meetings`, { meets_on: '2026-12-08', meets_at: '15:30', location: '', link_user_id: String(link.id), cover_user_id: '', attendees: String(link.id) })
  const nextUrl = next.headers.location as string
  page = await browser.get(nextUrl)
  const review = page.body.split('1. Actions from earlier meetings')[1]!.split('2. Pupils to discuss')[0]!
  t.match(review, 'Introduce to the art club lead', 'open actions are reviewed before new business')
  t.match(review, 'Call home')
  t.match(page.body, /Overdue/)
  t.match(page.body, /Marchbanks[\s\S]*?Worse since the last meeting: attendance down/, 'attendance fell since the meeting’s snapshot')
  t.match(page.body, /Carried over: not discussed at the last meeting/)
  t.match(page.body, /Quillfeather[\s\S]*?Worse since the last meeting: attendance down 15 points/, 'a pupil not on the last agenda is compared with their attendance as it stood then')

  // each write was audited
  t.ok((await auditRows(app, 'meeting_started')).length === 1)
  t.ok((await auditRows(app, 'discussion_corrected')).length === 1)
  t.ok((await auditRows(app, 'meeting_viewed')).length >= 3)
})

t.test('a link worker sees only the agenda’s pupils, by pseudonym unless consent is recorded, and each view is a share', async (t) => {
  const { app, school, lead, link, ids } = await setUp(t)
  const base = `/s/${school.urn}/supervision`
  // an open alert for the DSL on pupil 5's letter, as the letters pipeline raises it
  const letter = await app.db.selectFrom('letters').select(['id', 'text']).where('pupil_id', '=', ids.get(5)!).executeTakeFirstOrThrow()
  await app.db
    .insertInto('safeguarding_alerts')
    .values({ school_id: school.id, pupil_id: ids.get(5)!, letter_id: letter.id, categories: ['physical_abuse'], passages: JSON.stringify([{ category: 'physical_abuse', text: 'scared to go home', start: 5, end: 22 }]), letter_text: letter.text })
    .execute()
  const browser = await signedIn(app, lead.email)
  await browser.get(base)
  const planned = await browser.post(`${base}/meetings`, { meets_on: '2026-11-10', meets_at: '15:30', location: '', link_user_id: String(link.id), cover_user_id: '', attendees: String(link.id) })
  const meetingUrl = planned.headers.location as string
  await browser.get(meetingUrl)
  await browser.post(`${meetingUrl}/start`)
  await recordConsent(app.db, { schoolId: school.id, pupilId: ids.get(2)!, userId: lead.id, kind: 'given', givenBy: 'parent_carer', givenByName: 'Parent', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-11-01' })

  // staff write names into free text; the link worker must still not read an unconsented pupil's name
  await browser.get(`${meetingUrl}/pupils/${ids.get(2)}`)
  await browser.post(`${meetingUrl}/pupils/${ids.get(2)}`, { strengths: 'Kind to Wilhelmina', advice: 'Pair Caspian with Wilhelmina Marchbanks at lunch', level: 'getting_more_help', outcome: 'strategies' })
  await browser.post(`${meetingUrl}/actions`, { pupil: String(ids.get(2)), description: "Tell Ottilie's tutor about the lunch plan", owner_user_id: String(link.id), owner_name: '', due_on: '2026-11-20' })

  const linkBrowser = await signedIn(app, link.email)
  const home = await linkBrowser.get('/')
  t.equal(home.headers.location, '/supervision', 'a link worker’s home is their supervision')
  t.equal((await linkBrowser.get(`/s/${school.urn}`)).headers.location, `${base}`, 'the school’s home sends a link worker to its supervision')
  t.equal((await linkBrowser.get(`/s/${school.urn}/pupils`)).statusCode, 403)
  t.equal((await linkBrowser.get(`/s/${school.urn}/pupils/${ids.get(3)}`)).statusCode, 403)

  // crawl every page a link worker can reach from their home; no unconsented pupil is identifiable
  const seen = new Set<string>()
  const queue = ['/supervision', base]
  const bodies: string[] = []
  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const res = await linkBrowser.get(url)
    if (res.statusCode !== 200) continue
    bodies.push(res.body)
    if (url.endsWith('.pdf') || url.includes('.pdf?')) continue
    for (const m of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=')
      if (href.startsWith('/assets') || href.startsWith('/public') || href === '/account' || seen.has(href)) continue
      queue.push(href)
    }
  }
  t.ok(seen.has(meetingUrl), 'the crawl reached the meeting')
  t.ok([...seen].some((u) => u.includes('/pupils/')), 'and the pupils’ discussion pages')
  const all = bodies.join('\n')
  for (const n of [1, 3, 4, 5]) for (const id of identifiers(n)) t.notMatch(all, id, `pupil ${n}'s ${id} never reaches the link worker`)
  t.notMatch(all, /scared to go home/, 'a disclosure’s words never reach the link worker')
  t.notMatch(all, /Nobody will talk to me/, 'an unconsented letter is shown as themes, not words')
  t.match(all, /worried about friendships/, 'its themes are shown')
  t.match(all, /P-[2-9A-HJ-NP-Z]{4}/, 'pseudonyms instead')
  t.match(all, 'Brackenridge', 'a pupil with consent recorded is named')
  t.match(all, /Pair Caspian with \[name\] \[name\] at lunch/, 'staff’s free text reaches the link worker with unconsented pupils’ names replaced')
  t.match(all, /Tell \[name\]’?'?s tutor|Tell \[name\]&#x27;s tutor/, 'in actions too')

  const shares = await app.db.selectFrom('shares').selectAll().execute()
  t.ok(shares.length >= 2, 'every view is logged as a share')
  t.ok(shares.every((s) => s.user_id === link.id && /golden rules/.test(s.purpose)))
  t.ok(shares.some((s) => s.identified_pupil_ids.includes(ids.get(2)!)))

  // the pack a link worker prints is always the link team's copy
  const pack = await linkBrowser.get(`${meetingUrl}/pack.pdf?copy=school`)
  t.equal(pack.statusCode, 200)
  t.equal(pack.headers['content-type'], 'application/pdf')
  const dir = mkdtempSync(join(tmpdir(), 'lantern-pack-'))
  writeFileSync(join(dir, 'link.pdf'), pack.rawPayload)
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'link.pdf'), '-'], { encoding: 'utf8' })
  t.match(text, /OFFICIAL-SENSITIVE/)
  t.match(text, /Link team copy/)
  for (const n of [1, 3, 4, 5]) for (const id of identifiers(n)) t.notMatch(text, id, `the link copy never names pupil ${n}`)
  t.notMatch(text, 'Brackenridge', 'the link copy is pseudonymised unless asked for identified')
  t.equal((await app.db.selectFrom('safeguarding_alerts').select('id').where('status', '=', 'open').execute()).length, 1, 'an open alert for the DSL')
  t.match(text, /Safeguarding follow-up: the DSL will update/, 'its pupil is a DSL item on the link copy, with nothing more')
  const identified = await linkBrowser.get(`${meetingUrl}/pack.pdf?copy=link&identified=1`)
  writeFileSync(join(dir, 'named.pdf'), identified.rawPayload)
  const named = execFileSync('pdftotext', ['-layout', join(dir, 'named.pdf'), '-'], { encoding: 'utf8' })
  t.match(named, 'Brackenridge', 'identified: the pupil with consent is named')
  for (const id of identifiers(3)) t.notMatch(named, id, 'and only that pupil')
  const school_ = await browser.get(`${meetingUrl}/pack.pdf`)
  writeFileSync(join(dir, 'school.pdf'), school_.rawPayload)
  t.match(execFileSync('pdftotext', ['-layout', join(dir, 'school.pdf'), '-'], { encoding: 'utf8' }), 'Marchbanks', 'the school’s copy is identified')
  t.ok((await app.db.selectFrom('shares').select('what').where('what', 'like', 'Supervision pack%').execute()).length >= 2, 'each pack handed over is a share')
  t.equal((await browser.get(`${meetingUrl}/pack.pdf?copy=nonsense`)).statusCode, 404)
})

t.test('who may reach supervision: signed out, another school, each role', async (t) => {
  const { app, school, other, lead, otherLead, ids } = await setUp(t)
  const base = `/s/${school.urn}/supervision`
  const browser = await signedIn(app, lead.email)
  await browser.get(base)
  const meetingUrl = (await browser.post(`${base}/meetings`, { meets_on: '2026-11-10', meets_at: '', location: '', link_user_id: '', cover_user_id: '' })).headers.location as string
  const pages = [base, `${base}/terms`, `${base}/meetings/new`, meetingUrl, `${meetingUrl}/edit`, `${meetingUrl}/pack.pdf`, `${meetingUrl}/pupils/${ids.get(3)}`]
  const anonymous = await app.inject({ method: 'GET', url: base, headers: { accept: 'text/html' } })
  t.equal(anonymous.statusCode, 303)
  t.match(anonymous.headers.location, /^\/login/)
  const outsider = await signedIn(app, otherLead.email)
  for (const url of pages) t.equal((await outsider.get(url)).statusCode, 404, `${url} does not exist for another school's lead`)
  t.equal((await outsider.get(`/s/${other.urn}/supervision/meetings/${meetingUrl.split('/').pop()}`)).statusCode, 404, 'a meeting id from another school is not found in one’s own')
  t.equal((await browser.get(`${base}/meetings/99999`)).statusCode, 404)
  t.equal((await browser.get(`${base}/meetings/abc`)).statusCode, 404)
})

t.test('term dates: the default until the lead saves the school’s own, checked in order', async (t) => {
  const { app, school, lead } = await setUp(t)
  const base = `/s/${school.urn}/supervision`
  const browser = await signedIn(app, lead.email)
  const page = await browser.get(`${base}/terms`)
  t.equal(page.statusCode, 200)
  const names = [...page.body.matchAll(/name="name" type="text" value="([^"]+)"/g)].map((m) => m[1]!)
  const starts = [...page.body.matchAll(/name="starts_on" type="date" value="([^"]+)"/g)].map((m) => m[1]!)
  const ends = [...page.body.matchAll(/name="ends_on" type="date" value="([^"]+)"/g)].map((m) => m[1]!)
  t.equal(names.length, 6)
  const form = (over: Partial<Record<'starts_on' | 'ends_on', string[]>> = {}) => {
    const p = new URLSearchParams({ _csrf: browser.csrf! })
    names.forEach((n, i) => {
      p.append('name', n)
      p.append('starts_on', (over.starts_on ?? starts)[i]!)
      p.append('ends_on', (over.ends_on ?? ends)[i]!)
    })
    return browser.request({ method: 'POST', url: `${base}/terms`, payload: p.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
  const overlapping = await form({ starts_on: [starts[0]!, starts[0]!, ...starts.slice(2)] })
  t.equal(overlapping.statusCode, 422)
  t.match(overlapping.body, /starts before/)
  t.equal((await app.db.selectFrom('term_dates').select('id').execute()).length, 0, 'nothing saved')
  await browser.get(`${base}/terms`)
  t.equal((await form()).statusCode, 303)
  t.equal((await app.db.selectFrom('term_dates').select('id').where('school_id', '=', school.id).execute()).length, 6)
  t.notMatch((await browser.get(base)).body, /England’s usual half terms\. /, 'the school’s own dates now')
})
