// CSV columns per kind (DOMAIN.md, "CSV files") and the MIS spellings accepted for each. Headers are
// matched case-, space- and punctuation-insensitively: "Date of Birth", "date_of_birth" and "DOB" meet.
import { lookupTable } from '../lookup'

export const CSV_KINDS = ['pupils', 'attainment', 'attendance', 'sdq', 'letters', 'opportunities'] as const
export type CsvKind = (typeof CSV_KINDS)[number]
export type ImportKind = CsvKind | 'ctf'
export const IMPORT_KINDS: readonly ImportKind[] = ['ctf', ...CSV_KINDS]

export const SDQ_ITEM_COLUMNS = Array.from({ length: 25 }, (_, i) => `item_${i + 1}`)
export const SDQ_IMPACT_COLUMNS = ['impact_difficulties', 'impact_distress', 'impact_home', 'impact_friendships', 'impact_classroom', 'impact_leisure'] as const
export const SDQ_PRESCORED_COLUMNS = ['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial', 'impact'] as const

/** Columns that let a data file (attainment, attendance, SDQ, letters) add a pupil Lantern does not know yet. */
export const IDENTITY_COLUMNS = ['surname', 'forename', 'dob'] as const

export const KIND_COLUMNS: Record<CsvKind, readonly string[]> = {
  pupils: ['upn', 'surname', 'forename', 'preferred_forename', 'dob', 'sex', 'form', 'primary_school', 'sen', 'sen_need', 'fsm', 'eal', 'looked_after', 'social_care'],
  attainment: ['upn', 'ks2_reading', 'ks2_maths', 'ks2_gps', 'ks2_writing', ...IDENTITY_COLUMNS],
  attendance: ['upn', 'sessions_possible', 'sessions_absent', 'sessions_present', 'attendance_pct', 'period', ...IDENTITY_COLUMNS],
  sdq: ['upn', 'informant', 'completed_on', ...SDQ_ITEM_COLUMNS, ...SDQ_IMPACT_COLUMNS, ...SDQ_PRESCORED_COLUMNS, ...IDENTITY_COLUMNS],
  letters: ['upn', 'letter', 'written_on', ...IDENTITY_COLUMNS],
  opportunities: ['name', 'category', 'capacity', 'min_places', 'interests', 'needs', 'year_groups', 'forms', 'rule', 'lead', 'schedule', 'description']
}

export const REQUIRED_COLUMNS: Record<CsvKind, readonly string[]> = {
  pupils: ['upn', 'surname', 'forename', 'dob'],
  attainment: ['upn'],
  attendance: ['upn', 'sessions_possible'],
  sdq: ['upn', 'informant', 'completed_on'],
  letters: ['upn', 'letter'],
  opportunities: ['name', 'category', 'capacity']
}

/** Extra spellings beyond the canonical name (which always matches). */
const ALIASES = lookupTable<readonly string[]>({
  upn: ['Unique Pupil Number', 'Pupil UPN'],
  surname: ['Legal Surname', 'Last Name', 'Family Name'],
  forename: ['Legal Forename', 'First Name', 'Given Name'],
  preferred_forename: ['Preferred Name', 'Preferred First Name', 'Known As'],
  dob: ['Date of Birth', 'Birth Date'],
  sex: ['Gender'],
  form: ['Reg Group', 'Registration Group', 'Tutor Group', 'Form Group', 'Reg'],
  primary_school: ['Previous School', 'Source School', 'Primary'],
  sen: ['SEN Status', 'SEN Provision'],
  sen_need: ['SEN Primary Need', 'Primary Need', 'SEN Need Type'],
  fsm: ['FSM Eligible', 'Free School Meals'],
  eal: ['English as an Additional Language'],
  looked_after: ['In Care', 'CLA', 'LAC', 'Child Looked After'],
  social_care: ['CIN/CP', 'Social Care Status'],
  ks2_reading: ['KS2 Reading Scaled Score', 'KS2 REA'],
  ks2_maths: ['KS2 Maths Scaled Score', 'KS2 MAT', 'KS2 Mathematics'],
  ks2_gps: ['KS2 GPS Scaled Score', 'KS2 SPAG', 'KS2 Grammar Punctuation Spelling'],
  ks2_writing: ['KS2 Writing TA', 'KS2 WRI'],
  sessions_possible: ['Possible Sessions'],
  sessions_absent: ['Absent Sessions', 'Sessions Missed'],
  sessions_present: ['Present Sessions', 'Sessions Attended'],
  attendance_pct: ['Attendance', 'Attendance %', 'Attendance Percent', 'Attendance Percentage'],
  completed_on: ['Date Completed', 'Completed'],
  letter: ['Letter to Self', 'Letter Text'],
  written_on: ['Date Written', 'Written'],
  // opportunities: capacity is the most places
  capacity: ['Max Places', 'Maximum Places', 'Places'],
  min_places: ['Min Places', 'Minimum Places', 'Minimum'],
  year_groups: ['Year Groups', 'Years', 'For Years'],
  forms: ['Form Groups', 'For Forms'],
  rule: ['Eligibility', 'Eligibility Rule', 'Only For'],
  lead: ['Staff Lead', 'Led By', 'Leader'],
  schedule: ['When', 'Day and Time'],
  description: ['Pupil Description', 'Description for Pupils']
})

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]/g, '')
}

const LOOKUP = new Map<string, string>()
for (const column of new Set(Object.values(KIND_COLUMNS).flat())) {
  LOOKUP.set(normaliseHeader(column), column)
  for (const alias of ALIASES[column] ?? []) LOOKUP.set(normaliseHeader(alias), column)
}
for (let i = 1; i <= 25; i++) LOOKUP.set(`sdq${i}`, `item_${i}`)

/** The canonical column a header names, if Lantern knows it. */
export function canonicalColumn(header: string): string | undefined {
  return LOOKUP.get(normaliseHeader(header))
}

/** The kind a file holds, from its (canonical) columns; most specific first. */
export function detectKind(columns: ReadonlySet<string>): CsvKind | undefined {
  const has = (c: string) => columns.has(c)
  if (has('name') && (has('category') || has('capacity'))) return 'opportunities'
  if (has('letter')) return 'letters'
  if (has('informant') || SDQ_ITEM_COLUMNS.some(has) || (has('emotional') && has('prosocial'))) return 'sdq'
  if (has('sessions_possible')) return 'attendance'
  if (['ks2_reading', 'ks2_maths', 'ks2_gps', 'ks2_writing'].some(has)) return 'attainment'
  if (has('upn') && (has('surname') || has('forename') || has('dob'))) return 'pupils'
  return undefined
}
