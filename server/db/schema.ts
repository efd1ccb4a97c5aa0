// The one Database interface, by Kysely's rules: Generated<> for defaults, `T | null` for nullable columns.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Concern, EligibilityRule, OpportunityCategory, OpportunitySlot } from '../vocabulary'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

/** `cluster`: a trust, LA or MHST officer who sees the cluster overview's figures for the school, never its pupils */
export type Role = 'lead' | 'pastoral' | 'link' | 'cluster'

export interface SchoolsTable {
  id: Generated<number>
  urn: string
  name: string
  created_at: Generated<Date>
  /** months after a pupil's leaving date when the pupil is erased; null: never (migration 0020) */
  retention_months: ColumnType<number | null, number | null | undefined, number | null>
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  password_hash: string | null
  active: Generated<boolean>
  must_change_password: Generated<boolean>
  created_at: Generated<Date>
  last_login_at: Timestamp | null
  /** while the account has no password: the school whose invitation created it, the only one that may send it a password link */
  pending_school_id: number | null
}

export interface MembershipsTable {
  id: Generated<number>
  user_id: number
  school_id: number
  role: Role
  is_dsl: Generated<boolean>
  active: Generated<boolean>
  created_at: Generated<Date>
}

export interface InvitationsTable {
  id: Generated<number>
  token_hash: string
  school_id: number
  user_id: number
  created_by: number | null
  created_at: Generated<Date>
  expires_at: Timestamp
  accepted_at: Timestamp | null
  /** 'account' sets a pending account's password; 'join' adds the school to an account its owner signs in to */
  kind: Generated<'account' | 'join'>
  /** the access it grants (null only on invitations made before invitations carried it) */
  role: Role | null
  is_dsl: Generated<boolean>
  /** a newer link or the account's password being set made this one worthless */
  revoked_at: Timestamp | null
}

export interface SessionsTable {
  sid: string
  data: Json
  expires_at: Timestamp
}

export interface LoginAttemptsTable {
  id: Generated<string>
  email: string
  ip: string
  at: Generated<Date>
  outcome: Generated<'pending' | 'failed' | 'ok'>
}

/** A user's second factor (migrations/0019): the TOTP secret sealed by the app, and the last step accepted. */
export interface SecondFactorsTable {
  user_id: number
  secret_sealed: string
  last_time_step: number | null
  enrolled_at: Generated<Date>
}

export interface RecoveryCodesTable {
  id: Generated<string>
  user_id: number
  code_hash: string
  created_at: Generated<Date>
  used_at: Timestamp | null
}

export interface AuditLogTable {
  id: Generated<string>
  at: Generated<Date>
  user_id: number | null
  school_id: number | null
  action: string
  subject_type: string | null
  subject_id: string | null
  ip: string | null
  detail: ColumnType<Record<string, unknown>, string | undefined, never>
}

/** A jsonb column: read as T, written as a JSON string. */
type JsonColumn<T> = ColumnType<T, string, string>
type DateColumn = ColumnType<string, string, string>

export type ImportKindColumn = 'ctf' | 'pupils' | 'attainment' | 'attendance' | 'sdq' | 'letters' | 'opportunities'

export interface PupilsTable {
  id: Generated<number>
  school_id: number
  upn: string
  temporary_upn: Generated<boolean>
  surname: string
  forename: string
  preferred_forename: string | null
  /** YYYY-MM-DD, never shifted by a time zone */
  dob: DateColumn
  sex: 'F' | 'M' | 'U' | null
  form: string | null
  primary_school: string | null
  sen: 'N' | 'K' | 'E' | null
  sen_need: string | null
  fsm: boolean | null
  eal: boolean | null
  looked_after: boolean | null
  social_care: 'none' | 'CIN' | 'CP' | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** YYYY-MM-DD the pupil left the school, set by the lead (migration 0020) */
  left_on: ColumnType<string | null, string | null | undefined, string | null>
}

export interface AttainmentTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  ks2_reading: string | null
  ks2_reading_scaled: number | null
  ks2_maths: string | null
  ks2_maths_scaled: number | null
  ks2_gps: string | null
  ks2_gps_scaled: number | null
  ks2_writing: string | null
  updated_at: Generated<Date>
}

export interface AttendanceTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  possible: number
  absent: number
  period: string | null
  updated_at: Generated<Date>
}

/** Every attendance figure an import wrote (attendance holds the latest). */
export interface AttendanceHistoryTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  possible: number
  absent: number
  period: string | null
  recorded_at: Generated<Date>
  /** the import that wrote it (null: backfilled from before the history was kept, with no standing import) */
  import_id: number | null
}

export interface SdqAdministrationsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  informant: 'self' | 'parent' | 'teacher'
  completed_on: DateColumn
  prescored: Generated<boolean>
  /** 25 responses (0/1/2 or null), item 1 first; null when pre-scored */
  items: (number | null)[] | null
  impact_answers: JsonColumn<Record<string, unknown>> | null
  /** SdqScores from server/sdq/score.ts */
  scores: JsonColumn<Record<string, number | null>>
  /** SdqBands from server/sdq/bands.ts */
  bands: JsonColumn<Record<string, string | null>>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface LettersTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  written_on: DateColumn | null
  text: string
  concern: Concern | null
  analysis: JsonColumn<Record<string, unknown>> | null
  analyser_version: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** the staff decision, which screening uses when present (migration 0004) */
  review_concern: Concern | null
  review_worries: string[] | null
  review_interests: string[] | null
  review_note: string | null
  reviewed_by: number | null
  reviewed_at: Timestamp | null
}

export interface LetterReviewsTable {
  id: Generated<number>
  school_id: number
  letter_id: number
  analyser_concern: string | null
  concern: Concern
  worries: string[]
  interests: string[]
  note: string | null
  user_id: number | null
  at: Generated<Date>
}

export type AlertOutcome = 'referral_made' | 'already_known' | 'not_a_concern'

export interface SafeguardingAlertsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  letter_id: number
  categories: string[]
  passages: JsonColumn<Array<{ category: string; text: string; start: number; end: number }>>
  letter_text: string
  raised_at: Generated<Date>
  status: Generated<'open' | 'handled'>
  outcome: AlertOutcome | null
  outcome_reason: string | null
  handled_by: number | null
  handled_at: Timestamp | null
}

/** An alert as raised, never changed (migration 0020); `safeguarding_alerts` is the view over it. */
export interface SafeguardingAlertRecordsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  letter_id: number
  categories: string[]
  passages: JsonColumn<Array<{ category: string; text: string; start: number; end: number }>>
  letter_text: string
  raised_at: Generated<Date>
}
/** What a DSL recorded about an alert, one row each time; the latest stands (migration 0020). */
export interface SafeguardingAlertOutcomesTable {
  id: Generated<number>
  school_id: number
  alert_id: number
  outcome: AlertOutcome
  reason: string
  user_id: number | null
  at: Generated<Date>
}
/** That a pupil was erased, by whom and when, with no identity of the child (migration 0020). */
export interface PupilErasuresTable {
  id: Generated<number>
  school_id: number
  erased_by: number | null
  erased_at: Generated<Date>
  reason: string
  removed: ColumnType<Record<string, number>, string, never>
  txid: Generated<number>
}
export interface SafeguardingAlertEventsTable {
  id: Generated<number>
  school_id: number
  alert_id: number
  user_id: number | null
  at: Generated<Date>
  action: string
  note: string | null
}

export interface OpportunitiesTable {
  id: Generated<number>
  school_id: number
  name: string
  category: OpportunityCategory
  /** the most places */
  capacity: number
  /** the fewest places with which it runs */
  min_places: Generated<number>
  interests: Generated<string[]>
  /** reason codes and worry themes it serves */
  needs: Generated<string[]>
  /** year groups it is for (7–13) */
  year_groups: Generated<number[]>
  /** forms it is for; none listed means every form */
  forms: Generated<string[]>
  rule: EligibilityRule | null
  /** staff lead */
  lead: string | null
  /** the school's own wording for when it runs */
  schedule: string | null
  /** when it runs, weekday and times; empty when not set */
  slots: ColumnType<OpportunitySlot[], string | undefined, string>
  /** what a pupil reads about it */
  pupil_description: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  archived_at: Timestamp | null
  archived_by: number | null
}

export type PlacementStatus = 'proposed' | 'offered' | 'active' | 'ended' | 'declined'

export interface PlacementsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  opportunity_id: number
  status: PlacementStatus
  /** the allocation's fit score and its staff-facing explanation (null when staff chose it by hand) */
  fit: number | null
  explanation: string | null
  /** why it was declined or ended, or why staff chose another */
  reason: string | null
  created_at: Generated<Date>
  changed_at: Generated<Date>
  changed_by: number | null
}

export interface PlacementEventsTable {
  id: Generated<string>
  school_id: number
  placement_id: number
  status: string
  note: string | null
  user_id: number | null
  at: Generated<Date>
}

export interface PlacementAttendanceTable {
  school_id: number
  placement_id: number
  held_on: DateColumn
  present: boolean
  recorded_by: number | null
}

export type HoldDecision = 'run' | 'cancel' | 'reopen'

/** The lead's decisions about an opportunity below its fewest places; the latest stands. */
export interface OpportunityHoldDecisionsTable {
  id: Generated<number>
  school_id: number
  opportunity_id: number
  decision: HoldDecision
  decided_by: number | null
  decided_at: Generated<Date>
}

export interface ImportsTable {
  id: Generated<number>
  school_id: number
  user_id: number | null
  file_name: string
  kind: ImportKindColumn
  rows: number
  created: number
  updated: number
  dry_run: Generated<boolean>
  status: 'committed' | 'dry_run' | 'rolled_back'
  created_at: Generated<Date>
  rolled_back_at: Timestamp | null
  rolled_back_by: number | null
}

export interface ImportChangesTable {
  id: Generated<string>
  import_id: number
  school_id: number
  table_name: 'pupils' | 'attainment' | 'attendance' | 'sdq_administrations' | 'letters' | 'opportunities'
  row_id: number
  /** the row before the import changed it; always set since migration 0006 (created rows are in import_created) */
  before: JsonColumn<Record<string, unknown>> | null
}

/** The ids of the rows an import created in one table (migration 0006); rows it changed are in import_changes. */
export interface ImportCreatedTable {
  import_id: number
  school_id: number
  table_name: ImportChangesTable['table_name']
  ids: number[]
}

/** An uploaded file waiting for its lead to confirm the import (migration 0005). */
export interface PendingImportsTable {
  id: Generated<string>
  school_id: number
  user_id: number
  file_name: string
  kind: ImportKindColumn | null
  content: Buffer
  size: number
  result: JsonColumn<Record<string, unknown>> | null
  created_at: Generated<Date>
  expires_at: Timestamp
  /** files uploaded together share a set id; null for a single upload */
  set_id: string | null
  /** the file's place in its set's import order; null for a single upload */
  position: number | null
}

export type LevelColumn = 'thriving' | 'getting_advice' | 'getting_help' | 'getting_more_help' | 'getting_risk_support'

export interface ScreeningSettingsTable {
  school_id: number
  /** only the settings the school changed (screeningSettingsOverridesSchema) */
  overrides: ColumnType<Record<string, unknown>, string | undefined, string>
  updated_by: number | null
  updated_at: Timestamp | null
  screened_at: Timestamp | null
  screened_imports: number | null
  /** the school_data_versions.version the stored results were computed from */
  screened_version: number | null
}

export interface SchoolDataVersionsTable {
  school_id: number
  version: ColumnType<number, number | undefined, number>
  /** moved by triggers on every write to what a school's summary pages show (migration 0017) */
  view_version: ColumnType<number, number | undefined, number>
}

export interface StoredReason {
  code: string
  evidence: string
  weight: number
}

export interface ScreeningResultsTable {
  school_id: number
  pupil_id: number
  level: LevelColumn
  score: number
  hidden: boolean
  safeguarding: boolean
  reasons: JsonColumn<StoredReason[]>
  missing: ColumnType<string[], string | undefined, string>
  computed_at: Generated<Date>
}

export interface LevelSuggestionsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  level: LevelColumn
  score: number
  suggested_at: Generated<Date>
}

export interface LevelDecisionsTable {
  id: Generated<number>
  school_id: number
  pupil_id: number
  level: LevelColumn
  suggested_level: LevelColumn | null
  reason: string
  decided_by: number | null
  decided_at: Generated<Date>
}

export interface TermDatesTable {
  id: Generated<number>
  school_id: number
  name: string
  starts_on: DateColumn
  ends_on: DateColumn
}

export type MeetingStatus = 'planned' | 'started' | 'closed'

export interface SupervisionMeetingsTable {
  id: Generated<number>
  school_id: number
  meets_on: DateColumn
  /** HH:MM */
  meets_at: string | null
  location: string | null
  link_user_id: number | null
  cover_user_id: number | null
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>
  created_by: number | null
  created_at: Generated<Date>
  started_at: Date | null
  started_by: number | null
  closed_at: Date | null
  closed_by: number | null
}

export interface MeetingAttendeesTable {
  id: Generated<number>
  school_id: number
  meeting_id: number
  user_id: number | null
  name: string
  role: string
}

export interface AgendaChangesTable {
  id: Generated<string>
  school_id: number
  meeting_id: number
  pupil_id: number
  change: 'add' | 'remove'
  reason: string
  user_id: number | null
  at: Generated<Date>
}

export interface StoredAgendaReason {
  code: string
  text: string
}

export interface AgendaItemsTable {
  id: Generated<number>
  school_id: number
  meeting_id: number
  pupil_id: number
  position: number
  reasons: JsonColumn<StoredAgendaReason[]>
  dsl: ColumnType<boolean, boolean | undefined, boolean>
  snapshot: JsonColumn<Record<string, unknown>>
}

export type DiscussionOutcomeColumn = 'strategies' | 'signposting' | 'referral' | 'dsl'

export interface DiscussionEntriesTable {
  id: Generated<string>
  school_id: number
  meeting_id: number
  pupil_id: number
  strengths: string | null
  concerns: string | null
  possible_reasons: string | null
  advice: string | null
  level: LevelColumn | null
  outcome: DiscussionOutcomeColumn | null
  goals: ColumnType<Array<{ goal: string; score: number }>, string | undefined, string>
  corrects_id: string | null
  correction_reason: string | null
  recorded_by: number | null
  recorded_at: Generated<Date>
}

export type ActionStatusColumn = 'open' | 'in_progress' | 'done' | 'dropped'

export interface SupervisionActionsTable {
  id: Generated<number>
  school_id: number
  meeting_id: number
  pupil_id: number | null
  description: string
  owner_user_id: number | null
  owner_name: string
  due_on: DateColumn | null
  created_by: number | null
  created_at: Generated<Date>
}

export interface ActionUpdatesTable {
  id: Generated<string>
  school_id: number
  action_id: number
  meeting_id: number | null
  status: ActionStatusColumn
  note: string | null
  user_id: number | null
  at: Generated<Date>
}

export interface ConsentEventsTable {
  id: Generated<string>
  school_id: number
  pupil_id: number
  kind: 'given' | 'withdrawn'
  given_by: 'parent_carer' | 'pupil'
  given_by_name: string
  purpose: string
  given_on: DateColumn
  recorded_by: number | null
  recorded_at: Generated<Date>
}

export interface PupilPseudonymsTable {
  school_id: number
  pupil_id: number
  code: string
}

export interface SharesTable {
  id: Generated<string>
  school_id: number
  user_id: number | null
  shared_with: string
  what: string
  purpose: string
  meeting_id: number | null
  pupil_ids: ColumnType<number[], number[] | undefined, number[]>
  identified_pupil_ids: ColumnType<number[], number[] | undefined, number[]>
  at: Generated<Date>
}

export interface Database {
  schools: SchoolsTable
  users: UsersTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  second_factors: SecondFactorsTable
  recovery_codes: RecoveryCodesTable
  audit_log: AuditLogTable
  pupils: PupilsTable
  attainment: AttainmentTable
  attendance: AttendanceTable
  attendance_history: AttendanceHistoryTable
  sdq_administrations: SdqAdministrationsTable
  letters: LettersTable
  letter_reviews: LetterReviewsTable
  safeguarding_alerts: SafeguardingAlertsTable
  safeguarding_alert_events: SafeguardingAlertEventsTable
  safeguarding_alert_records: SafeguardingAlertRecordsTable
  safeguarding_alert_outcomes: SafeguardingAlertOutcomesTable
  pupil_erasures: PupilErasuresTable
  opportunities: OpportunitiesTable
  placements: PlacementsTable
  placement_events: PlacementEventsTable
  placement_attendance: PlacementAttendanceTable
  opportunity_hold_decisions: OpportunityHoldDecisionsTable
  imports: ImportsTable
  import_changes: ImportChangesTable
  import_created: ImportCreatedTable
  screening_settings: ScreeningSettingsTable
  school_data_versions: SchoolDataVersionsTable
  screening_results: ScreeningResultsTable
  level_suggestions: LevelSuggestionsTable
  level_decisions: LevelDecisionsTable
  pending_imports: PendingImportsTable
  term_dates: TermDatesTable
  supervision_meetings: SupervisionMeetingsTable
  meeting_attendees: MeetingAttendeesTable
  agenda_changes: AgendaChangesTable
  agenda_items: AgendaItemsTable
  discussion_entries: DiscussionEntriesTable
  supervision_actions: SupervisionActionsTable
  action_updates: ActionUpdatesTable
  consent_events: ConsentEventsTable
  pupil_pseudonyms: PupilPseudonymsTable
  shares: SharesTable
}

export type School = Selectable<SchoolsTable>
export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type Membership = Selectable<MembershipsTable>
export type AuditEntry = Selectable<AuditLogTable>
export type Pupil = Selectable<PupilsTable>
export type Attainment = Selectable<AttainmentTable>
export type Attendance = Selectable<AttendanceTable>
export type AttendanceHistoryRow = Selectable<AttendanceHistoryTable>
export type SdqAdministration = Selectable<SdqAdministrationsTable>
export type Letter = Selectable<LettersTable>
export type Opportunity = Selectable<OpportunitiesTable>
export type ImportRecord = Selectable<ImportsTable>
export type ScreeningResultRow = Selectable<ScreeningResultsTable>
export type LevelDecision = Selectable<LevelDecisionsTable>
export type LevelSuggestion = Selectable<LevelSuggestionsTable>
export type PendingImport = Selectable<PendingImportsTable>
