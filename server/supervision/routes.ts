// Supervision pages under /s/:urn/supervision: the meetings and term dates (leads plan), each meeting's
// agenda, the record of each discussion, actions and their reviews, and the pack. Link workers see the
// agenda's pupils only, pseudonymised unless consent is recorded; each view they make is a share.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors'
import { PDF_FONTS } from '../platform/fonts'
import { formText } from '../platform/form-text'
import { formBody, idParam, onlyRoles, renderFormErrors, schoolOf } from '../platform/routes'
import type { SchoolAccess } from '../platform/auth'
import { loadAgenda, onAgenda } from './agenda-data'
import { loadPackData } from './pack-data'
import { PackRenderer } from './pack-renderer'
import { hiddenNamesRedactor, identitiesFor, loadSupervisionRecords } from './pupil-record'
import { recordShare, SHARE_PURPOSES } from './shares'
import * as service from './service'
import { sinceLastMeeting } from './pack-data'
import * as store from './store'
import { academicYearOf, defaultHalfTerms, proposeSchedule, type HalfTerm } from './terms'
import {
  ACTION_STATUS_CHOICES,
  LEVEL_CHOICES,
  OUTCOME_CHOICES,
  OUTCOME_WORDS,
  actionView,
  agendaItemsView,
  changeWords,
  longDate,
  meetingSummary,
  supervisionIndexView
} from './view-models'
import { AGENDA_PLACES, levelWords } from './agenda'

const redactAction = <A extends { text: string; note: string | null }>(a: A, redact: (text: string | null) => string | null): A => ({ ...a, text: redact(a.text) ?? '', note: redact(a.note) })

const today = () => new Date().toISOString().slice(0, 10)
const optionalText = (what: string, max: number) =>
  formText(what)
    .trim()
    .max(max, `Keep ${what.toLowerCase()} to ${max.toLocaleString('en-GB')} characters or fewer`)
    .transform((s) => (s === '' ? null : s))
const userId = z
  .string()
  .regex(/^(\d{1,9})?$/, 'Choose someone from the list')
  .transform((s) => (s === '' ? null : Number(s)))

const meetingForm = z.object({
  meets_on: z.iso.date({ error: 'Enter the date of the meeting, like 2026-12-08' }),
  meets_at: z
    .string()
    .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9])?$/, 'Enter the time as HH:MM, like 15:30')
    .transform((s) => (s === '' ? null : s)),
  location: optionalText('The place', 200),
  link_user_id: userId,
  cover_user_id: userId,
  attendees: z.union([z.string(), z.array(z.string())]).optional()
})

const agendaForm = z.object({
  pupil: z.string().regex(/^\d{1,9}$/, 'Choose a pupil').transform(Number),
  change: z.enum(['add', 'remove'], { error: 'Choose to add or remove' }),
  reason: formText('The reason').trim().min(1, 'Say why, so the record shows it').max(500, 'Keep the reason to 500 characters or fewer')
})

const goalScore = z
  .string()
  .regex(/^(10|[0-9])?$/, 'A goal rating is a whole number from 0 to 10')
  .transform((s) => (s === '' ? null : Number(s)))

const discussionForm = z.object({
  strengths: optionalText('What is going well', 4000).optional(),
  concerns: optionalText('The concerns', 4000).optional(),
  possible_reasons: optionalText('The possible reasons', 4000).optional(),
  advice: optionalText('The advice', 4000).optional(),
  level: z
    .enum(['', 'thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'], { error: 'Choose a THRIVE grouping' })
    .optional()
    .transform((s) => (s ? s : null)),
  outcome: z
    .enum(['', 'strategies', 'signposting', 'referral', 'dsl'], { error: 'Choose an outcome' })
    .optional()
    .transform((s) => (s ? s : null)),
  goal_1: optionalText('The first goal', 300).optional(),
  score_1: goalScore.optional(),
  goal_2: optionalText('The second goal', 300).optional(),
  score_2: goalScore.optional(),
  correction_reason: optionalText('What the correction puts right', 1000).optional()
})

const actionForm = z.object({
  pupil: z
    .string()
    .regex(/^(\d{1,9})?$/)
    .transform((s) => (s === '' ? null : Number(s))),
  description: formText('The action').trim().min(1, 'Say what will be done').max(1000, 'Keep the action to 1,000 characters or fewer'),
  owner_user_id: userId,
  owner_name: optionalText('The owner', 120).optional(),
  due_on: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Enter the due date like 2026-12-15')
    .transform((s) => (s === '' ? null : s))
})

const reviewForm = z.object({
  status: z.enum(['open', 'in_progress', 'done', 'dropped'], { error: 'Choose done, in progress, dropped or open' }),
  note: optionalText('The note', 1000).optional(),
  meeting: z
    .string()
    .regex(/^(\d{1,9})?$/)
    .optional()
    .transform((s) => (s ? Number(s) : null))
})

const termsForm = z.object({
  name: z.array(formText('The name').trim().min(1, 'Name each half term').max(60)).length(6),
  starts_on: z.array(z.iso.date({ error: 'Enter each start date like 2026-09-02' })).length(6),
  ends_on: z.array(z.iso.date({ error: 'Enter each end date like 2026-10-23' })).length(6)
})

const packQuery = z.object({
  copy: z.enum(['school', 'link']).default('school'),
  identified: z.enum(['0', '1']).default('0')
})

function actor(request: FastifyRequest, school: SchoolAccess): service.Actor {
  return { schoolId: school.id, userId: request.user!.id, role: school.role, ip: request.ip }
}
function requireLead(school: SchoolAccess, what: string) {
  if (school.role !== 'lead') throw new ForbiddenError(`Only the senior mental health lead ${what}.`)
}
const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export async function supervisionRoutes(app: FastifyInstance) {
  app.addHook('preHandler', onlyRoles('lead', 'pastoral', 'link'))
  // a pack takes up to a second of CPU: rendered on a worker thread so other pages keep answering
  const renderer = new PackRenderer(PDF_FONTS)
  app.addHook('onClose', () => renderer.close())

  const termsOf = async (schoolId: number): Promise<{ terms: HalfTerm[]; isDefault: boolean }> => {
    const stored = await store.listTermDates(app.db, schoolId)
    if (stored.length) return { terms: stored, isDefault: false }
    return { terms: defaultHalfTerms(academicYearOf(today())), isDefault: true }
  }

  app.get('/supervision', async (request, reply) => {
    const school = schoolOf(request)
    const [meetings, { terms, isDefault }] = await Promise.all([store.listMeetings(app.db, school.id), termsOf(school.id)])
    return reply.page('supervision/index.hbs', supervisionIndexView({ urn: school.urn, today: today(), meetings, terms, termsAreDefault: isDefault, schedule: proposeSchedule(terms), isLead: school.role === 'lead' }))
  })

  // ---- term dates ----
  const termsPage = (urn: string, terms: readonly HalfTerm[], isDefault: boolean) => ({
    title: 'Term dates',
    backHref: `/s/${urn}/supervision`,
    backText: 'Supervision',
    isDefault,
    rows: terms.map((t, i) => ({ i, n: i + 1, name: t.name, starts_on: t.starts_on, ends_on: t.ends_on }))
  })
  app.get('/supervision/terms', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'sets the term dates')
    const { terms, isDefault } = await termsOf(school.id)
    return reply.page('supervision/terms.hbs', termsPage(school.urn, terms, isDefault))
  })
  app.post('/supervision/terms', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'sets the term dates')
    const body = formBody(request) as unknown as Record<string, string | string[]>
    const raw = { name: asArray(body.name), starts_on: asArray(body.starts_on), ends_on: asArray(body.ends_on) }
    const parsed = termsForm.safeParse(raw)
    const typed: HalfTerm[] = raw.name.map((name, i) => ({ name, starts_on: raw.starts_on[i] ?? '', ends_on: raw.ends_on[i] ?? '' }))
    if (!parsed.success) return renderFormErrors(reply, 'supervision/terms.hbs', termsPage(school.urn, typed, false), parsed.error)
    const terms = parsed.data.name.map((name, i) => ({ name, starts_on: parsed.data.starts_on[i]!, ends_on: parsed.data.ends_on[i]! }))
    const problems = terms.flatMap((t, i) => {
      if (t.ends_on < t.starts_on) return [{ field: `ends_on`, message: `${t.name} ends before it starts` }]
      if (i > 0 && t.starts_on <= terms[i - 1]!.ends_on) return [{ field: `starts_on`, message: `${t.name} starts before ${terms[i - 1]!.name} ends` }]
      return []
    })
    if (problems.length) return renderFormErrors(reply, 'supervision/terms.hbs', termsPage(school.urn, typed, false), problems)
    await service.saveTermDates(app.db, actor(request, school), terms)
    request.flash('success', 'Term dates saved. The proposed meetings follow them.')
    return reply.redirect(`/s/${school.urn}/supervision`, 303)
  })

  // ---- planning a meeting ----
  const meetingFormPage = async (schoolId: number, urn: string, values: Record<string, unknown>, meetingId: number | null) => {
    const people = await store.listSchoolPeople(app.db, schoolId)
    const chosen = new Set(asArray(values.attendees as string | string[] | undefined))
    return {
      title: meetingId ? 'Change the meeting' : 'Plan a supervision meeting',
      backHref: meetingId ? `/s/${urn}/supervision/meetings/${meetingId}` : `/s/${urn}/supervision`,
      backText: meetingId ? 'The meeting' : 'Supervision',
      action: meetingId ? `/s/${urn}/supervision/meetings/${meetingId}/edit` : `/s/${urn}/supervision/meetings`,
      values,
      linkWorkers: people.filter((p) => p.role === 'link').map((p) => ({ id: String(p.id), name: p.name, selected: String(values.link_user_id ?? '') === String(p.id) })),
      coverPeople: people.map((p) => ({ id: String(p.id), name: p.name, selected: String(values.cover_user_id ?? '') === String(p.id) })),
      people: people.map((p) => ({ id: String(p.id), name: p.name, role: roleWords(p.role, p.is_dsl), checked: chosen.has(String(p.id)) }))
    }
  }
  const roleWords = (role: string, dsl: boolean) => (role === 'link' ? 'CAMHS link worker' : role === 'lead' ? `Senior mental health lead${dsl ? ', DSL' : ''}` : `Pastoral staff${dsl ? ', DSL' : ''}`)
  const meetingInput = async (schoolId: number, data: z.infer<typeof meetingForm>): Promise<service.MeetingInput> => {
    const people = new Map((await store.listSchoolPeople(app.db, schoolId)).map((p) => [String(p.id), p]))
    const attendees = asArray(data.attendees).flatMap((id) => {
      const p = people.get(id)
      return p ? [{ userId: p.id, name: p.name, role: roleWords(p.role, p.is_dsl) }] : []
    })
    return { meetsOn: data.meets_on, meetsAt: data.meets_at, location: data.location ?? null, linkUserId: data.link_user_id, coverUserId: data.cover_user_id, attendees }
  }

  app.get('/supervision/meetings/new', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'plans meetings')
    const q = request.query as Record<string, unknown>
    const date = typeof q.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.date) ? q.date : ''
    const people = await store.listSchoolPeople(app.db, school.id)
    const link = people.find((p) => p.role === 'link')
    return reply.page('supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, { meets_on: date, meets_at: '15:30', link_user_id: link ? String(link.id) : '', attendees: people.filter((p) => p.role === 'lead' || p.role === 'link').map((p) => String(p.id)) }, null))
  })

  app.post('/supervision/meetings', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'plans meetings')
    const body = formBody(request) as unknown as Record<string, unknown>
    const parsed = meetingForm.safeParse(body)
    if (!parsed.success) return renderFormErrors(reply, 'supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, body, null), parsed.error)
    try {
      const id = await service.planMeeting(app.db, actor(request, school), await meetingInput(school.id, parsed.data))
      request.flash('success', 'Meeting planned. Its agenda is proposed from the data below; add or remove pupils before it starts.')
      return reply.redirect(`/s/${school.urn}/supervision/meetings/${id}`, 303)
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      return renderFormErrors(reply, 'supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, body, null), [{ field: 'meets_on', message: err.message }], 409)
    }
  })

  app.get('/supervision/meetings/:id/edit', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'changes meetings')
    const id = idParam(request, 'id')
    const meeting = await store.findMeeting(app.db, school.id, id)
    if (!meeting) throw new NotFoundError()
    const attendees = await store.listAttendees(app.db, school.id, id)
    const values = {
      meets_on: meeting.meets_on,
      meets_at: meeting.meets_at ?? '',
      location: meeting.location ?? '',
      link_user_id: meeting.link_user_id ? String(meeting.link_user_id) : '',
      cover_user_id: meeting.cover_user_id ? String(meeting.cover_user_id) : '',
      attendees: attendees.flatMap((a) => (a.user_id ? [String(a.user_id)] : []))
    }
    return reply.page('supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, values, id))
  })

  app.post('/supervision/meetings/:id/edit', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'changes meetings')
    const id = idParam(request, 'id')
    const body = formBody(request) as unknown as Record<string, unknown>
    const parsed = meetingForm.safeParse(body)
    if (!parsed.success) return renderFormErrors(reply, 'supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, body, id), parsed.error)
    try {
      await service.updateMeeting(app.db, actor(request, school), id, await meetingInput(school.id, parsed.data))
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      return renderFormErrors(reply, 'supervision/meeting-form.hbs', await meetingFormPage(school.id, school.urn, body, id), [{ field: 'meets_on', message: err.message }], 409)
    }
    request.flash('success', 'Meeting changed.')
    return reply.redirect(`/s/${school.urn}/supervision/meetings/${id}`, 303)
  })

  // ---- the meeting and its agenda ----
  const viewerOf = (request: FastifyRequest, school: SchoolAccess) => ({ role: school.role, userId: request.user!.id })
  const shareWith = (request: FastifyRequest) => `${request.user!.name} (CAMHS link worker)`

  app.get('/supervision/meetings/:id', async (request, reply) => {
    const school = schoolOf(request)
    const meeting = await store.findMeeting(app.db, school.id, idParam(request, 'id'))
    if (!meeting) throw new NotFoundError()
    const agenda = await loadAgenda(app.db, school.id, meeting)
    const isLink = school.role === 'link'
    const [attendees, entries, actions] = await Promise.all([
      store.listAttendees(app.db, school.id, meeting.id),
      store.listDiscussionEntries(app.db, school.id, { meetingId: meeting.id }),
      store.listActions(app.db, school.id)
    ])
    const review = actions.filter((a) => a.meets_on < meeting.meets_on && ((a.status ?? 'open') === 'open' || a.status === 'in_progress' || a.updated_in === meeting.id))
    // a link worker sees the pupils the meeting discusses, not those waiting or taken off
    const agendaIds = agenda.items.filter((i) => !isLink || onAgenda(i)).map((i) => i.pupilId)
    const reviewIds = review.flatMap((a) => (a.pupil_id === null ? [] : [a.pupil_id]))
    // a link worker sees the agenda's pupils and no one else; the lead chooses from the whole school to add
    const addable = school.role === 'lead' && meeting.status === 'planned' ? [...agenda.pupils.keys()].filter((id) => !agendaIds.includes(id)) : []
    const identities = await identitiesFor(app.db, school.id, viewerOf(request, school), [...agendaIds, ...reviewIds, ...addable], meeting.meets_on)
    const labelOf = (id: number | null) => (id === null ? null : (identities.get(id)?.label ?? null))
    // staff's free text, as a link worker reads it: names of pupils not shown by name replaced
    const redact = isLink ? await hiddenNamesRedactor(app.db, school.id, identities) : (text: string | null) => text
    const items = agendaItemsView(agenda, identities, school.urn, new Set(entries.map((e) => e.pupil_id)), isLink)
    // the recap: each pupil discussed → advice → actions → owner → due (the first page of the next pack)
    const latestEntry = new Map<number, store.DiscussionEntryRow>()
    for (const e of entries) latestEntry.set(e.pupil_id, e)
    const recap = agenda.items
      .filter((i) => latestEntry.has(i.pupilId))
      .map((i) => ({
        pupil: identities.get(i.pupilId)?.label ?? '',
        href: `/s/${school.urn}/supervision/meetings/${meeting.id}/pupils/${i.pupilId}`,
        advice: redact(latestEntry.get(i.pupilId)!.advice),
        actions: actions.filter((a) => a.meeting_id === meeting.id && a.pupil_id === i.pupilId).map((a) => redactAction(actionView(a, labelOf, meeting.meets_on, school.urn), redact))
      }))
    const shown = [...new Set([...agendaIds, ...reviewIds])]
    await request.audit({ action: 'meeting_viewed', subjectType: 'supervision_meeting', subjectId: meeting.id, detail: { pupil_ids: shown } })
    if (isLink) {
      await recordShare(app.db, {
        schoolId: school.id,
        userId: request.user!.id,
        sharedWith: shareWith(request),
        what: `Agenda for the meeting on ${longDate(meeting.meets_on)} (viewed)`,
        purpose: SHARE_PURPOSES.supervision,
        meetingId: meeting.id,
        pupilIds: shown,
        identifiedPupilIds: shown.filter((id) => identities.get(id)?.identified)
      })
    }
    return reply.page('supervision/meeting.hbs', {
      title: `Supervision meeting, ${longDate(meeting.meets_on)}`,
      backHref: `/s/${school.urn}/supervision`,
      backText: 'Supervision',
      meeting: meetingSummary(meeting, school.urn),
      planned: meeting.status === 'planned',
      started: meeting.status === 'started',
      closed: meeting.status === 'closed',
      isLead: school.role === 'lead',
      isLink,
      previous: agenda.previous ? { date: longDate(agenda.previous.meets_on), href: `/s/${school.urn}/supervision/meetings/${agenda.previous.id}` } : null,
      attendees,
      items: items.filter((i) => !i.removed && !i.waiting),
      waiting: isLink ? [] : items.filter((i) => !i.removed && i.waiting),
      places: AGENDA_PLACES,
      removed: isLink ? [] : items.filter((i) => i.removed),
      recap,
      review: review.map((a) => ({ ...redactAction(actionView(a, labelOf, meeting.meets_on, school.urn), redact), mayReview: !isLink || a.owner_user_id === request.user!.id })),
      statusChoices: ACTION_STATUS_CHOICES,
      addable: addable
        .map((id) => ({ id, label: identities.get(id)!.label, form: identities.get(id)!.form }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
      packHref: `/s/${school.urn}/supervision/meetings/${meeting.id}/pack.pdf`
    })
  })

  app.post('/supervision/meetings/:id/agenda', async (request, reply) => {
    const school = schoolOf(request)
    requireLead(school, 'changes the agenda')
    const id = idParam(request, 'id')
    const parsed = agendaForm.safeParse(formBody(request))
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`/s/${school.urn}/supervision/meetings/${id}`, 303)
    }
    try {
      await service.changeAgenda(app.db, actor(request, school), id, parsed.data.pupil, parsed.data.change, parsed.data.reason)
      request.flash('success', parsed.data.change === 'add' ? 'Added to the agenda, with your reason.' : 'Taken off the agenda, with your reason kept. You can put the pupil back.')
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
    }
    return reply.redirect(`/s/${school.urn}/supervision/meetings/${id}`, 303)
  })

  for (const [path, run, done, what] of [
    ['start', service.startMeeting, 'Meeting started: the agenda is fixed. Review the open actions first.', 'starts meetings'],
    ['close', service.closeMeeting, 'Meeting closed. Its recap opens the next pack; corrections are kept as new entries.', 'closes meetings']
  ] as const) {
    app.post(`/supervision/meetings/:id/${path}`, async (request, reply) => {
      const school = schoolOf(request)
      requireLead(school, what)
      const id = idParam(request, 'id')
      try {
        await run(app.db, actor(request, school), id)
        request.flash('success', done)
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err
        request.flash('important', err.message)
      }
      return reply.redirect(`/s/${school.urn}/supervision/meetings/${id}`, 303)
    })
  }

  // ---- one pupil's discussion ----
  const discussionPage = async (request: FastifyRequest, school: SchoolAccess, meetingId: number, pupilId: number, values: Record<string, unknown> | null) => {
    const meeting = await store.findMeeting(app.db, school.id, meetingId)
    if (!meeting) throw new NotFoundError()
    const agenda = await loadAgenda(app.db, school.id, meeting)
    const item = agenda.items.find((i) => i.pupilId === pupilId && (school.role === 'link' ? onAgenda(i) : i.removed === null))
    if (!item) throw new NotFoundError()
    const identities = await identitiesFor(app.db, school.id, viewerOf(request, school), [pupilId], meeting.meets_on)
    const record = (await loadSupervisionRecords(app.db, school.id, [pupilId], identities)).get(pupilId)!
    const thisMeeting = record.entries.filter((e) => e.meeting_id === meeting.id)
    const current = thisMeeting.at(-1) ?? null
    const earlier = record.entries.filter((e) => e.meets_on < meeting.meets_on)
    const lastEarlier = earlier.at(-1) ?? null
    const open = record.actions.filter((a) => (a.status ?? 'open') === 'open' || a.status === 'in_progress').length
    const people = await store.listSchoolPeople(app.db, school.id)
    const isLink = school.role === 'link'
    const redact = isLink ? await hiddenNamesRedactor(app.db, school.id, identities) : (text: string | null) => text
    const entryView = (e: store.DiscussionEntryRow) => ({
      date: longDate(e.meets_on),
      strengths: redact(e.strengths),
      concerns: redact(e.concerns),
      possibleReasons: redact(e.possible_reasons),
      advice: redact(e.advice),
      level: e.level ? levelWords(e.level) : null,
      outcome: e.outcome ? OUTCOME_WORDS[e.outcome] : null,
      goals: e.goals,
      recordedBy: e.recorded_by_name,
      recordedAt: e.recorded_at.toISOString().slice(0, 16).replace('T', ' '),
      correction: e.corrects_id ? e.correction_reason : null
    })
    const v = values ?? {
      strengths: current?.strengths ?? '',
      concerns: current?.concerns ?? '',
      possible_reasons: current?.possible_reasons ?? '',
      advice: redact(current?.advice ?? null) ?? '',
      level: current?.level ?? '',
      outcome: current?.outcome ?? '',
      goal_1: current?.goals[0]?.goal ?? lastEarlier?.goals[0]?.goal ?? '',
      score_1: current?.goals[0]?.score?.toString() ?? '',
      goal_2: current?.goals[1]?.goal ?? lastEarlier?.goals[1]?.goal ?? '',
      score_2: current?.goals[1]?.score?.toString() ?? ''
    }
    const goalHistory = new Map<string, Array<{ date: string; score: number }>>()
    const latestPerMeeting = new Map<number, store.DiscussionEntryRow>()
    for (const e of record.entries) latestPerMeeting.set(e.meeting_id, e)
    for (const e of latestPerMeeting.values()) for (const g of e.goals) goalHistory.set(g.goal, [...(goalHistory.get(g.goal) ?? []), { date: longDate(e.meets_on), score: g.score }])
    return {
      model: {
        title: `${record.identity.label}: supervision discussion`,
        backHref: `/s/${school.urn}/supervision/meetings/${meeting.id}`,
        backText: `The meeting on ${longDate(meeting.meets_on)}`,
        action: `/s/${school.urn}/supervision/meetings/${meeting.id}/pupils/${pupilId}`,
        actionsAction: `/s/${school.urn}/supervision/meetings/${meeting.id}/actions`,
        pupilId,
        identity: record.identity,
        profileHref: isLink ? null : `/s/${school.urn}/pupils/${pupilId}`,
        consentHref: isLink ? null : `/s/${school.urn}/pupils/${pupilId}/consent`,
        reasons: item.reasons.map((r) => r.text),
        dsl: item.dsl,
        level: item.pupil.now.level ? levelWords(item.pupil.now.level) : 'Not screened',
        screeningReasons: record.reasons,
        since: sinceLastMeeting(item.pupil.now, item.pupil.before, open, 0).map((c) => ({ label: c.label, words: changeWords(c), worse: c.change === 'worse' })),
        letter: record.letter,
        ks2: record.ks2,
        attendance: { ...record.attendance, text: record.attendance.percent === null ? null : `${record.attendance.percent.toFixed(1)}%` },
        hasRecord: current !== null,
        opportunity: record.opportunity,
        sdq: record.sdq.map((s) => ({ informant: s.informant, on: longDate(s.completed_on), total: (s.scores as Record<string, number | null>).total, band: (s.bands as Record<string, string | null>).total?.replace(/_/g, ' ') ?? null })),
        lastEarlier: lastEarlier ? entryView(lastEarlier) : null,
        history: thisMeeting.map(entryView),
        goalHistory: [...goalHistory].map(([goal, ratings]) => ({ goal, ratings })),
        actions: record.actions.map((a) => ({ ...redactAction(actionView(a, () => null, meeting.meets_on, school.urn), redact), mayReview: !isLink || a.owner_user_id === request.user!.id })),
        statusChoices: ACTION_STATUS_CHOICES,
        people: people.map((p) => ({ id: String(p.id), name: p.name })),
        mayRecord: meeting.status !== 'planned',
        mayAddActions: meeting.status === 'started',
        closed: meeting.status === 'closed',
        planned: meeting.status === 'planned',
        isLink,
        meetingId: meeting.id,
        values: v,
        levelChoices: LEVEL_CHOICES.map((c) => ({ ...c, checked: v.level === c.value })),
        outcomeChoices: OUTCOME_CHOICES.map((c) => ({ ...c, checked: v.outcome === c.value }))
      },
      identity: record.identity,
      meeting
    }
  }

  app.get('/supervision/meetings/:id/pupils/:pupilId', async (request, reply) => {
    const school = schoolOf(request)
    const pupilId = idParam(request, 'pupilId')
    const { model, identity, meeting } = await discussionPage(request, school, idParam(request, 'id'), pupilId, null)
    await request.audit({ action: 'discussion_viewed', subjectType: 'pupil', subjectId: pupilId, detail: { meeting: meeting.id } })
    if (school.role === 'link') {
      await recordShare(app.db, {
        schoolId: school.id,
        userId: request.user!.id,
        sharedWith: shareWith(request),
        what: `A pupil’s supervision record, meeting on ${longDate(meeting.meets_on)} (viewed)`,
        purpose: identity.identified ? SHARE_PURPOSES.consented : SHARE_PURPOSES.supervision,
        meetingId: meeting.id,
        pupilIds: [pupilId],
        identifiedPupilIds: identity.identified ? [pupilId] : []
      })
    }
    return reply.page('supervision/discussion.hbs', model)
  })

  app.post('/supervision/meetings/:id/pupils/:pupilId', async (request, reply) => {
    const school = schoolOf(request)
    const meetingId = idParam(request, 'id')
    const pupilId = idParam(request, 'pupilId')
    const body = formBody(request) as unknown as Record<string, unknown>
    const parsed = discussionForm.safeParse(body)
    if (!parsed.success) return renderFormErrors(reply, 'supervision/discussion.hbs', (await discussionPage(request, school, meetingId, pupilId, body)).model, parsed.error)
    const d = parsed.data
    const goals = [
      [d.goal_1, d.score_1],
      [d.goal_2, d.score_2]
    ].flatMap(([goal, score]) => (goal && score !== null && score !== undefined ? [{ goal: goal as string, score: score as number }] : []))
    const goalProblem = [
      [d.goal_1, d.score_1, 'score_1'],
      [d.goal_2, d.score_2, 'score_2']
    ].find(([goal, score]) => (goal ? score === null || score === undefined : score !== null && score !== undefined))
    if (goalProblem) {
      return renderFormErrors(reply, 'supervision/discussion.hbs', (await discussionPage(request, school, meetingId, pupilId, body)).model, [{ field: goalProblem[2] as string, message: 'Give each goal a rating from 0 to 10, and each rating a goal' }])
    }
    try {
      await service.recordDiscussion(app.db, actor(request, school), meetingId, pupilId, {
        strengths: d.strengths ?? null,
        concerns: d.concerns ?? null,
        possibleReasons: d.possible_reasons ?? null,
        advice: d.advice ?? null,
        level: d.level,
        outcome: d.outcome,
        goals,
        correctionReason: d.correction_reason ?? null
      })
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      return renderFormErrors(reply, 'supervision/discussion.hbs', (await discussionPage(request, school, meetingId, pupilId, body)).model, [{ field: 'correction_reason', message: err.message }], 409)
    }
    request.flash('success', 'Saved to the record.')
    return reply.redirect(`/s/${school.urn}/supervision/meetings/${meetingId}/pupils/${pupilId}`, 303)
  })

  app.post('/supervision/meetings/:id/actions', async (request, reply) => {
    const school = schoolOf(request)
    const meetingId = idParam(request, 'id')
    const parsed = actionForm.safeParse(formBody(request))
    const back = (pupil: number | null) => `/s/${school.urn}/supervision/meetings/${meetingId}${pupil ? `/pupils/${pupil}` : ''}`
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      const pupil = Number((formBody(request).pupil ?? '').toString()) || null
      return reply.redirect(back(pupil && Number.isSafeInteger(pupil) ? pupil : null), 303)
    }
    try {
      await service.addAction(app.db, actor(request, school), meetingId, {
        pupilId: parsed.data.pupil,
        description: parsed.data.description,
        ownerUserId: parsed.data.owner_user_id,
        ownerName: parsed.data.owner_name ?? null,
        dueOn: parsed.data.due_on
      })
      request.flash('success', 'Action agreed.')
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
    }
    return reply.redirect(back(parsed.data.pupil), 303)
  })

  app.post('/supervision/actions/:id/review', async (request, reply) => {
    const school = schoolOf(request)
    const actionId = idParam(request, 'id')
    const parsed = reviewForm.safeParse(formBody(request))
    const action = await store.findAction(app.db, school.id, actionId)
    if (!action) throw new NotFoundError()
    const back = `/s/${school.urn}/supervision/meetings/${parsed.success && parsed.data.meeting ? parsed.data.meeting : action.meeting_id}`
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(back, 303)
    }
    if (parsed.data.meeting !== null && !(await store.findMeeting(app.db, school.id, parsed.data.meeting))) throw new NotFoundError()
    try {
      await service.reviewAction(app.db, actor(request, school), actionId, parsed.data.meeting, parsed.data.status, parsed.data.note ?? null)
      request.flash('success', 'Action reviewed.')
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err
      request.flash('important', err.message)
    }
    return reply.redirect(back, 303)
  })

  // ---- the pack ----
  const sendPack = async (request: FastifyRequest, reply: import('fastify').FastifyReply, school: SchoolAccess, where: { meetingId?: number; date?: string }) => {
    const q = packQuery.safeParse(request.query)
    if (!q.success) throw new NotFoundError()
    // a link worker only ever receives the link team's copy
    const copy = school.role === 'link' ? 'link' : q.data.copy
    const identified = copy === 'link' ? q.data.identified === '1' : true
    const loaded = await loadPackData(app.db, { schoolId: school.id, ...where, copy, identified, printedBy: request.user!.name })
    if (!loaded) throw new NotFoundError()
    const { data, pupilIds, identifiedPupilIds } = loaded
    const pdf = await renderer.render(data)
    await request.audit({ action: 'pack_printed', subjectType: 'school', subjectId: school.id, detail: { copy, identified, date: data.meeting.date, pupil_ids: pupilIds } })
    if (copy === 'link') {
      await recordShare(app.db, {
        schoolId: school.id,
        userId: request.user!.id,
        sharedWith: school.role === 'link' ? shareWith(request) : 'The CAMHS link team',
        what: `Supervision pack, link team copy, meeting on ${longDate(data.meeting.date)} (printed)`,
        purpose: SHARE_PURPOSES.supervision,
        meetingId: where.meetingId ?? null,
        pupilIds,
        identifiedPupilIds
      })
    }
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="supervision-pack-${data.meeting.date}-${copy}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  }
  app.get('/supervision/meetings/:id/pack.pdf', async (request, reply) => {
    const school = schoolOf(request)
    return sendPack(request, reply, school, { meetingId: idParam(request, 'id') })
  })
}
