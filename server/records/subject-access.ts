// Subject access: everything Lantern holds on one pupil, gathered table by table. Each table that
// holds a pupil's rows is named here once; a test compares this list with every table in the database
// that has a pupil_id column, so a new table cannot be left out of the export unnoticed.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { fieldLabel, valueText, type RecordDocument } from './pdf'
import { readableDate } from '../platform/helpers'

/** Tables whose rows carry the pupil's id, in the order the export shows them. */
export const PUPIL_TABLES = [
  'attainment',
  'attendance',
  'attendance_history',
  'sdq_administrations',
  'letters',
  'screening_results',
  'level_suggestions',
  'level_decisions',
  'safeguarding_alert_records',
  'placements',
  'agenda_changes',
  'agenda_items',
  'discussion_entries',
  'supervision_actions',
  'consent_events',
  'pupil_pseudonyms'
] as const

/** Tables whose rows belong to one of the pupil's rows above: table → [its column, the parent table]. */
export const CHILD_TABLES = {
  letter_reviews: ['letter_id', 'letters'],
  safeguarding_alert_outcomes: ['alert_id', 'safeguarding_alert_records'],
  safeguarding_alert_events: ['alert_id', 'safeguarding_alert_records'],
  placement_events: ['placement_id', 'placements'],
  placement_attendance: ['placement_id', 'placements'],
  action_updates: ['action_id', 'supervision_actions']
} as const satisfies Record<string, readonly [string, (typeof PUPIL_TABLES)[number]]>

type Row = Record<string, unknown>

export interface SubjectAccessExport {
  format: 'lantern-subject-access/1'
  exported_at: string
  school: { urn: string; name: string }
  pupil: Row
  /** every row about the pupil, by table */
  records: Record<string, Row[]>
  /** what was shared with the CAMHS link team that included this pupil */
  shares: Row[]
  /** who viewed, printed, exported or changed the pupil's records, and when */
  audit: Row[]
}

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return (await query.execute(db)).rows
}

/** The export, or null when the school has no such pupil. */
export async function loadSubjectAccess(db: Kysely<Database>, schoolId: number, pupilId: number, now = new Date()): Promise<SubjectAccessExport | null> {
  const school = await db.selectFrom('schools').select(['urn', 'name']).where('id', '=', schoolId).executeTakeFirst()
  const pupil = await db.selectFrom('pupils').selectAll().where('school_id', '=', schoolId).where('id', '=', pupilId).executeTakeFirst()
  if (!school || !pupil) return null
  const records: Record<string, Row[]> = {}
  for (const table of PUPIL_TABLES) {
    records[table] = await rows(db, sql<Row>`select * from ${sql.table(table)} where school_id = ${schoolId} and pupil_id = ${pupilId} order by 1`)
  }
  for (const [table, [column, parent]] of Object.entries(CHILD_TABLES)) {
    records[table] = await rows(
      db,
      sql<Row>`select c.* from ${sql.table(table)} c
        where c.${sql.ref(column)} in (select p.id from ${sql.table(parent)} p where p.school_id = ${schoolId} and p.pupil_id = ${pupilId})
        order by 1`
    )
  }
  // a share lists other pupils too: the export says only whether this pupil was named in it
  const shares = await rows(
    db,
    sql<Row>`select s.at, s.shared_with, s.what, s.purpose, s.meeting_id, ${pupilId} = any(s.identified_pupil_ids) as named, u.name as shared_by
      from shares s left join users u on u.id = s.user_id
      where s.school_id = ${schoolId} and ${pupilId} = any(s.pupil_ids)
      order by s.at, s.id`
  )
  const audit = await rows(
    db,
    sql<Row>`select a.at, a.action, u.name as by, a.detail
      from audit_log a left join users u on u.id = a.user_id
      where a.school_id = ${schoolId} and a.subject_type = 'pupil' and a.subject_id = ${String(pupilId)}
      order by a.id`
  )
  return { format: 'lantern-subject-access/1', exported_at: now.toISOString(), school, pupil: pupil as unknown as Row, records, shares, audit }
}

/** Every base table with a pupil_id column, as the database has them now. */
export async function tablesWithPupilId(db: Kysely<Database>): Promise<string[]> {
  const { rows: found } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'pupil_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db)
  return found.map((r) => r.table_name)
}

const TITLES: Record<string, string> = {
  attainment: 'KS2 attainment',
  attendance: 'Attendance',
  attendance_history: 'Attendance history',
  sdq_administrations: 'Strengths and Difficulties Questionnaires',
  letters: 'Letters to self and their analysis',
  letter_reviews: 'Staff reviews of letters',
  screening_results: 'Screening result',
  level_suggestions: 'Suggested levels',
  level_decisions: 'Levels decided by staff',
  safeguarding_alert_records: 'Safeguarding alerts, as raised',
  safeguarding_alert_outcomes: 'What the DSL recorded about each alert',
  safeguarding_alert_events: 'Safeguarding alert history',
  placements: 'Opportunities',
  placement_events: 'Opportunity history',
  placement_attendance: 'Opportunity attendance',
  agenda_changes: 'Supervision agenda changes',
  agenda_items: 'Supervision agendas',
  discussion_entries: 'Supervision discussions',
  supervision_actions: 'Supervision actions',
  action_updates: 'Supervision action reviews',
  consent_events: 'Consent to share with the CAMHS link team',
  pupil_pseudonyms: 'Pseudonym used with the CAMHS link team'
}

export function sectionTitle(table: string): string {
  return TITLES[table] ?? table
}

const entry = (row: Row): Array<[string, string]> => Object.entries(row).map(([k, v]) => [fieldLabel(k), valueText(v)])

/** The export as a printable document: the pupil, then every table, then shares and the audit trail. */
export function subjectAccessDocument(data: SubjectAccessExport): RecordDocument {
  const p = data.pupil
  return {
    title: `Subject access: ${String(p.forename)} ${String(p.surname)}`,
    subtitle: `Everything Lantern holds on this pupil at ${data.school.name} (URN ${data.school.urn}), exported ${readableDate(data.exported_at, 'time')}.`,
    notice: 'This is a copy of the records in Lantern. Lantern is not the school’s safeguarding record: check the school’s safeguarding system (for example CPOMS or MyConcern) as well.',
    sections: [
      { heading: 'Pupil', entries: [entry(p)] },
      ...Object.entries(data.records).map(([table, list]) => ({ heading: sectionTitle(table), entries: list.map(entry) })),
      { heading: 'Shared with the CAMHS link team', entries: data.shares.map(entry) },
      { heading: 'Who viewed or changed these records', entries: data.audit.map(entry) }
    ]
  }
}
