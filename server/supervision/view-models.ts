// Supervision's pages as plain data for the templates. Pure: loaded rows in, view models out.
import type { ActionStatusColumn, DiscussionOutcomeColumn, MeetingStatus } from '../db/schema'
import { LEVELS, type Level } from '../screening/rules'
import { levelView } from '../screening/pupil-view-models'
import { levelWords } from './agenda'
import type { LoadedAgenda } from './agenda-data'
import type { PupilIdentity } from './link-view'
import type { PackChange } from './pack-model'
import type { HalfTerm } from './terms'
import type * as store from './store'

export const STATUS_WORDS: Record<MeetingStatus, string> = { planned: 'Planned', started: 'In progress', closed: 'Closed' }
export const STATUS_TAG: Record<MeetingStatus, string> = { planned: 'govuk-tag--blue', started: 'govuk-tag--yellow', closed: 'govuk-tag--grey' }
export const ACTION_STATUS_WORDS: Record<ActionStatusColumn, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' }
export const OUTCOME_WORDS: Record<DiscussionOutcomeColumn, string> = {
  strategies: 'Strategies in school',
  signposting: 'Signposting',
  referral: 'Referral to the MHST or CAMHS (consent required)',
  dsl: 'Passed to the DSL'
}

const longDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
export { longDate }

export function meetingSummary(m: Pick<store.MeetingRow, 'id' | 'meets_on' | 'meets_at' | 'location' | 'status' | 'link_name' | 'cover_name'>, urn: string) {
  return {
    id: m.id,
    href: `/s/${urn}/supervision/meetings/${m.id}`,
    when: longDate(m.meets_on),
    meetsOn: m.meets_on,
    time: m.meets_at,
    location: m.location,
    status: { label: STATUS_WORDS[m.status], tag: STATUS_TAG[m.status] },
    linkWorker: m.link_name,
    cover: m.cover_name
  }
}

export function supervisionIndexView(opts: {
  urn: string
  today: string
  meetings: ReadonlyArray<store.MeetingRow & { agenda_count: number | string | null }>
  terms: readonly HalfTerm[]
  termsAreDefault: boolean
  schedule: ReadonlyArray<{ term: string; date: string }>
  isLead: boolean
}) {
  const planned = new Set(opts.meetings.map((m) => m.meets_on))
  const upcoming = opts.meetings.filter((m) => m.meets_on >= opts.today || m.status !== 'closed').sort((a, b) => a.meets_on.localeCompare(b.meets_on))
  const past = opts.meetings.filter((m) => !upcoming.includes(m))
  return {
    title: 'Supervision with the CAMHS link team',
    upcoming: upcoming.map((m) => ({ ...meetingSummary(m, opts.urn), pupils: Number(m.agenda_count ?? 0) })),
    past: past.map((m) => ({ ...meetingSummary(m, opts.urn), pupils: Number(m.agenda_count ?? 0) })),
    terms: opts.terms.map((t) => ({ name: t.name, starts: longDate(t.starts_on), ends: longDate(t.ends_on) })),
    termsAreDefault: opts.termsAreDefault,
    schedule: opts.schedule
      .filter((s) => s.date >= opts.today && !planned.has(s.date))
      .slice(0, 6)
      .map((s) => ({ term: s.term, when: longDate(s.date), planHref: `/s/${opts.urn}/supervision/meetings/new?date=${s.date}` })),
    isLead: opts.isLead
  }
}

export function changeWords(c: PackChange): string {
  const words = { better: 'better', worse: 'worse', same: 'no change', new: 'new' } as const
  if (c.before === null && c.now === null) return 'not known'
  const arrow = c.before !== null && c.now !== null && c.before !== c.now ? `${c.before} → ${c.now}` : (c.now ?? c.before ?? '')
  return c.change ? `${arrow} (${words[c.change]})` : arrow
}

export function agendaItemsView(agenda: LoadedAgenda, identities: ReadonlyMap<number, PupilIdentity>, urn: string, discussed: ReadonlySet<number>, linkView: boolean) {
  return agenda.items.map((item, i) => {
    const identity = identities.get(item.pupilId)!
    return {
      position: i + 1,
      pupilId: item.pupilId,
      label: identity.label,
      identified: identity.identified,
      form: identity.form,
      yearGroup: identity.yearGroup,
      level: levelView(item.pupil.now.level as Level | null),
      reasons: item.reasons.map((r) => r.text),
      dsl: item.dsl,
      removed: item.removed,
      waiting: item.waiting,
      discussed: discussed.has(item.pupilId),
      href: `/s/${urn}/supervision/meetings/${agenda.meeting.id}/pupils/${item.pupilId}`,
      profileHref: linkView ? null : `/s/${urn}/pupils/${item.pupilId}`
    }
  })
}

export function actionView(a: store.ActionRow, labelOf: (id: number | null) => string | null, today: string, urn: string) {
  const status = a.status ?? 'open'
  const open = status === 'open' || status === 'in_progress'
  return {
    id: a.id,
    pupil: labelOf(a.pupil_id),
    text: a.description,
    owner: a.owner_name,
    ownerUserId: a.owner_user_id,
    due: a.due_on ? longDate(a.due_on) : null,
    overdue: open && a.due_on !== null && a.due_on < today,
    status: { key: status, label: ACTION_STATUS_WORDS[status] },
    open,
    note: a.note,
    agreedOn: longDate(a.meets_on),
    reviewHref: `/s/${urn}/supervision/actions/${a.id}/review`
  }
}

export const LEVEL_CHOICES = LEVELS.map((l) => ({ value: l, text: levelWords(l) }))
export const OUTCOME_CHOICES = (Object.keys(OUTCOME_WORDS) as DiscussionOutcomeColumn[]).map((o) => ({ value: o, text: OUTCOME_WORDS[o] }))
export const ACTION_STATUS_CHOICES = (Object.keys(ACTION_STATUS_WORDS) as ActionStatusColumn[]).map((s) => ({ value: s, text: ACTION_STATUS_WORDS[s] }))
