// Hand-off to the safeguarding record: one disclosure as a record the DSL files in the school's own
// safeguarding system (CPOMS, MyConcern): the child's own words, the date and context, and what was
// done, with who did it. Lantern is not the safeguarding record, and the record says so.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { label } from '../letters/labels'
import { alertEvents } from '../letters/store'
import { readableDate } from '../platform/helpers'
import type { RecordDocument } from './pdf'

export const NOT_THE_RECORD =
  'Lantern is not the school’s safeguarding record. File this disclosure in the school’s safeguarding system (for example CPOMS or MyConcern), following the school’s child protection policy, and record there anything done since.'

const OUTCOME_LABELS: Record<string, string> = {
  referral_made: 'Referral made',
  already_known: 'Already known and being acted on',
  not_a_concern: 'Not a safeguarding concern'
}

export interface Handoff {
  format: 'lantern-disclosure/1'
  notice: string
  prepared: { at: string; by: string }
  school: { urn: string; name: string }
  child: { name: string; legal_name: string; date_of_birth: string; upn: string; form: string | null }
  disclosure: {
    alert_id: number
    /** the letter to self, exactly as it stood when the alert was raised */
    own_words: string
    /** the passages Lantern matched, in the child's words */
    passages: Array<{ category: string; text: string }>
    written_on: string | null
    raised_at: string
    context: string
  }
  what_was_done: Array<{ at: string; by: string; action: string; note: string | null }>
  current_outcome: { outcome: string; reason: string; by: string; at: string } | null
}

const when = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d))

export async function loadHandoff(db: Kysely<Database>, schoolId: number, alertId: number, preparedBy: string, now = new Date()): Promise<Handoff | null> {
  // the alert and its history (letters' own query for it) read together
  const [alert, events] = await Promise.all([db
    .selectFrom('safeguarding_alerts as a')
    .innerJoin('pupils as p', (j) => j.onRef('p.id', '=', 'a.pupil_id').onRef('p.school_id', '=', 'a.school_id'))
    .innerJoin('schools as s', 's.id', 'a.school_id')
    .leftJoin('letters as l', 'l.id', 'a.letter_id')
    .leftJoin('users as u', 'u.id', 'a.handled_by')
    .select([
      'a.id', 'a.letter_text', 'a.passages', 'a.raised_at', 'a.outcome', 'a.outcome_reason', 'a.handled_at', 'u.name as handled_by_name',
      'p.forename', 'p.surname', 'p.preferred_forename', 'p.dob', 'p.upn', 'p.form', 's.urn', 's.name as school_name', 'l.written_on'
    ])
    .where('a.school_id', '=', schoolId)
    .where('a.id', '=', alertId)
    .executeTakeFirst(), alertEvents(db, schoolId, alertId)])
  if (!alert) return null
  const passages = (alert.passages ?? []).map((p) => ({ category: label(p.category), text: p.text }))
  const actionWords = (action: string) => {
    if (action === 'raised') return 'Alert raised for the school’s DSLs'
    const changed = /^changed to (.+)$/.exec(action)
    if (changed) return `Outcome changed to: ${OUTCOME_LABELS[changed[1]!] ?? changed[1]}`
    return OUTCOME_LABELS[action] ? `Outcome recorded: ${OUTCOME_LABELS[action]}` : action
  }
  return {
    format: 'lantern-disclosure/1',
    notice: NOT_THE_RECORD,
    prepared: { at: now.toISOString(), by: preparedBy },
    school: { urn: alert.urn, name: alert.school_name },
    child: { name: `${alert.preferred_forename ?? alert.forename} ${alert.surname}`, legal_name: `${alert.forename} ${alert.surname}`, date_of_birth: alert.dob, upn: alert.upn, form: alert.form },
    disclosure: {
      alert_id: alert.id,
      own_words: alert.letter_text,
      passages,
      written_on: alert.written_on ?? null,
      raised_at: when(alert.raised_at),
      context:
        'Written by the child as a “letter to self” at the move to secondary school (Year 7 transition), and read by Lantern’s letter analyser, which matched the passages below and alerted the school’s DSLs. The matching is automatic and can be wrong either way; the child’s words are the record.'
    },
    what_was_done: events.map((e) => ({ at: when(e.at), by: e.user_name ?? 'Lantern', action: actionWords(e.action), note: e.note })),
    current_outcome: alert.outcome
      ? { outcome: OUTCOME_LABELS[alert.outcome] ?? alert.outcome, reason: alert.outcome_reason ?? '', by: alert.handled_by_name ?? '', at: alert.handled_at ? when(alert.handled_at) : '' }
      : null
  }
}

/** The hand-off as a printable document. */
export function handoffDocument(h: Handoff): RecordDocument {
  return {
    title: `Disclosure for the safeguarding record: ${h.child.name}`,
    subtitle: `${h.school.name} (URN ${h.school.urn}). Prepared by ${h.prepared.by}, ${readableDate(h.prepared.at, 'time')}, from Lantern alert ${h.disclosure.alert_id}.`,
    notice: h.notice,
    sections: [
      { heading: 'The child', entries: [[['Name', h.child.name], ['Legal name', h.child.legal_name], ['Date of birth', readableDate(h.child.date_of_birth)], ['UPN', h.child.upn], ['Form', h.child.form ?? '—']]] },
      {
        heading: 'Date and context',
        paragraphs: [h.disclosure.context],
        entries: [[['Letter written', h.disclosure.written_on ? readableDate(h.disclosure.written_on) : 'Date not recorded'], ['Alert raised', readableDate(h.disclosure.raised_at, 'time')]]]
      },
      { heading: 'In the child’s own words', paragraphs: [h.disclosure.own_words] },
      { heading: 'Passages Lantern matched', entries: h.disclosure.passages.map((p) => [['Matched as', p.category], ['Words', `“${p.text}”`]]) },
      {
        heading: 'What was done',
        empty: 'Nothing recorded yet: the alert is open.',
        entries: h.what_was_done.map((e) => [['When', readableDate(e.at, 'time')], ['Who', e.by], ['What', e.action], ...(e.note ? [['Note', e.note] as [string, string]] : [])])
      },
      {
        heading: 'Outcome now',
        empty: 'No outcome recorded yet.',
        entries: h.current_outcome ? [[['Outcome', h.current_outcome.outcome], ['Reason', h.current_outcome.reason], ['Recorded by', h.current_outcome.by], ['At', readableDate(h.current_outcome.at, 'time')]]] : []
      }
    ]
  }
}
