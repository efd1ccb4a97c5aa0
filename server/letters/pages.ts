// The letter and safeguarding-alert pages: loaders that return fully loaded plain data, and pure views
// over them (tested with plain objects), so routes only wire the two together.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { pupilName } from '../pupils/names'
import type { Concern } from '../vocabulary'
import { CONCERNS, INTERESTS, WORRY_THEMES, type LetterAnalysis } from './analyser'
import { label } from './labels'
import { OUTCOMES } from './service'
import * as store from './store'
import { familySummary, markLetter, wholeReading } from './view-models'

export const CONCERN_LABELS: Record<Concern, string> = { none: 'No concern', some: 'Some concern (ordinary nerves)', high: 'High concern' }

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>

export function letterListView(letters: Rows<typeof store.lettersAwaitingReview>) {
  return {
    title: 'Letters awaiting review',
    letters: letters.map(({ families, has_safeguarding, ...l }) => ({
      ...l, name: pupilName(l), concernLabel: l.concern ? CONCERN_LABELS[l.concern] : '', safeguarding: has_safeguarding, families: familySummary(families)
    }))
  }
}

export async function loadLetterPage(db: Kysely<Database>, schoolId: number, letterId: number) {
  const letter = await store.findLetter(db, schoolId, letterId)
  if (!letter) return null
  return { letter, history: await store.reviewHistory(db, schoolId, letterId) }
}

export function letterPageView({ letter, history }: NonNullable<Rows<typeof loadLetterPage>>, urn: string) {
  const analysis = letter.analysis as LetterAnalysis | null
  const reviewedWorries = letter.review_worries ?? [...new Set(analysis?.worries.map((w) => w.theme) ?? [])]
  const reviewedInterests = letter.review_interests ?? [...new Set(analysis?.interests.map((i) => i.interest) ?? [])]
  const decided = letter.review_concern ?? letter.concern
  const name = pupilName(letter)
  return {
    title: `Letter from ${name}`,
    backHref: `/s/${urn}/pupils/${letter.pupil_id}`,
    backText: `Back to ${name}`,
    // only what the page shows of the letter's row
    letter: { id: letter.id, pupil_id: letter.pupil_id, upn: letter.upn, form: letter.form, written_on: letter.written_on, review_note: letter.review_note, analyser_version: letter.analyser_version },
    name,
    segments: markLetter(letter.text, analysis),
    analyserConcern: letter.concern ? CONCERN_LABELS[letter.concern] : 'Not analysed yet',
    staffConcern: letter.review_concern ? CONCERN_LABELS[letter.review_concern] : null,
    safeguarding: analysis?.safeguarding.map((s) => ({ ...s, label: label(s.category) })) ?? [],
    readAsWhole: readAsWhole(analysis?.safeguarding),
    families: familySummary(analysis?.families),
    whole: wholeReading((analysis as { resemblance?: unknown } | null)?.resemblance),
    concerns: CONCERNS.map((value) => ({ value, label: CONCERN_LABELS[value], checked: value === decided })),
    worries: WORRY_THEMES.map((value) => ({ value, label: label(value), checked: reviewedWorries.includes(value) })),
    interests: INTERESTS.map((value) => ({ value, label: label(value), checked: reviewedInterests.includes(value) })),
    history: history.map((h) => ({ ...h, concernLabel: CONCERN_LABELS[h.concern] }))
  }
}

export function newLetterView(pupil: { id: number; forename: string; surname: string; preferred_forename: string | null }, urn: string, values: Record<string, string> = {}) {
  return { title: `Add a letter for ${pupilName(pupil)}`, pupil, name: pupilName(pupil), values, backHref: `/s/${urn}/pupils/${pupil.id}` }
}

export function alertListView(alerts: Rows<typeof store.listAlerts>) {
  const rows = alerts.map(({ passages, ...a }) => ({
    ...a, name: pupilName(a), categoryLabels: a.categories.map(label).join(', '), outcomeLabel: a.outcome ? OUTCOMES[a.outcome] : null,
    readAsWhole: readAsWhole(passages as LetterAnalysis['safeguarding']) !== null
  }))
  return { title: 'Safeguarding alerts', open: rows.filter((a) => a.status === 'open'), handled: rows.filter((a) => a.status === 'handled') }
}

export async function loadAlertPage(db: Kysely<Database>, schoolId: number, alertId: number) {
  const alert = await store.findAlert(db, schoolId, alertId)
  if (!alert) return null
  return { alert, events: await store.alertEvents(db, schoolId, alertId) }
}

/**
 * The categories Lantern suggested from the letter's words as a whole (no phrase it knows): the DSL is
 * told so, since the marked sentence is where the reading weighed most, not a phrase that says it.
 */
export function readAsWhole(passages: LetterAnalysis['safeguarding'] | null | undefined): string | null {
  const learned = [...new Set((passages ?? []).filter((p) => p.learned).map((p) => label(p.category)))]
  return learned.length ? learned.join(', ') : null
}

export function alertPageView({ alert, events }: NonNullable<Rows<typeof loadAlertPage>>, urn: string, selectedOutcome?: string) {
  const passages = alert.passages as LetterAnalysis['safeguarding']
  const selected = selectedOutcome ?? alert.outcome
  const name = pupilName(alert)
  return {
    title: `Safeguarding alert: ${name}`,
    backHref: `/s/${urn}/alerts`,
    backText: 'All safeguarding alerts',
    // only what the page shows of the alert's row (never the whole letter row)
    alert: {
      id: alert.id, pupil_id: alert.pupil_id, upn: alert.upn, form: alert.form, raised_at: alert.raised_at, outcome: alert.outcome,
      outcome_reason: alert.outcome_reason, handled_at: alert.handled_at, handled_by_name: alert.handled_by_name
    },
    name,
    categoryLabels: alert.categories.map(label).join(', '),
    readAsWhole: readAsWhole(passages),
    segments: markLetter(alert.letter_text, { safeguarding: passages, worries: [], interests: [] }),
    outcomes: Object.entries(OUTCOMES).map(([value, text]) => ({ value, label: text, checked: value === selected })),
    outcomeLabel: alert.outcome ? OUTCOMES[alert.outcome] : null,
    events
  }
}
