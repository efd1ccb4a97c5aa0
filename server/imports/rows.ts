// Row validation per CSV kind: each row's cells → a typed record, or errors a school user can
// act on ("Row 14, UPN 'A123456789001': the check letter should be Y — check the UPN in your MIS").
import { bandSdq, type SdqBands } from '../sdq/bands'
import { scoreSdq, type ImpactResponses, type ItemResponse, type SdqScores } from '../sdq/score'
import { KIND_COLUMNS, REQUIRED_COLUMNS, SDQ_IMPACT_COLUMNS, SDQ_ITEM_COLUMNS, SDQ_PRESCORED_COLUMNS, type CsvKind } from './columns'
import type { CsvFile } from './csv'
import type { ImportError } from './errors'
import { checkUpn } from './upn'
import * as v from './values'
import { lookupTable } from '../lookup'
import type { EligibilityRule, OpportunityCategory, OpportunitySlot } from '../vocabulary'
import { slotsFromSchedule } from './schedule'

export interface PupilFields {
  upn: string
  temporaryUpn: boolean
  surname: string
  forename: string
  dob: string
  /** undefined: the file does not say, so Lantern keeps what it has */
  preferredForename?: string | undefined
  sex?: v.Sex | undefined
  form?: string | undefined
  primarySchool?: string | undefined
  sen?: v.SenProvision | undefined
  senNeed?: string | undefined
  fsm?: boolean | undefined
  eal?: boolean | undefined
  lookedAfter?: boolean | undefined
  socialCare?: v.SocialCare | undefined
}

/** Identity carried by a data file, so that a pupil Lantern does not know yet can be added. */
export interface Identity { surname: string; forename: string; dob: string }

interface Keyed { row: number; upn: string; temporaryUpn: boolean; identity: Identity | null }
export interface AttainmentFields extends Keyed { reading?: v.Ks2Result | undefined; maths?: v.Ks2Result | undefined; gps?: v.Ks2Result | undefined; writing?: v.Ks2Result | undefined }
export interface AttendanceFields extends Keyed { possible: number; absent: number; period: string | null }
export interface SdqFields extends Keyed {
  informant: v.InformantWord
  completedOn: string
  prescored: boolean
  items: ItemResponse[] | null
  impact: ImpactResponses | null
  scores: SdqScores
  bands: SdqBands
}
export interface LetterFields extends Keyed { writtenOn: string | null; text: string }
export interface OpportunityFields {
  row: number
  name: string
  category: OpportunityCategory
  /** the most places */
  capacity: number
  interests: string[]
  needs: string[]
  /** undefined: the file does not say, so Lantern keeps what it has (or its default) */
  minPlaces?: number | undefined
  yearGroups?: number[] | undefined
  forms?: string[] | undefined
  rule?: EligibilityRule | undefined
  lead?: string | undefined
  schedule?: string | undefined
  /** read from the schedule's wording; empty when Lantern cannot tell */
  slots: OpportunitySlot[]
  /** the pupil-facing description */
  description?: string | undefined
}
export type PupilRecord = PupilFields & { row: number }

export interface RowRecords {
  pupils: PupilRecord[]
  attainment: AttainmentFields[]
  attendance: AttendanceFields[]
  sdq: SdqFields[]
  letters: LetterFields[]
  opportunities: OpportunityFields[]
}

// Interests and worry themes from DOMAIN.md's label sets; an opportunity's needs may also be a
// screening reason code (upper case, beginning with its indicator).
export const INTERESTS = ['football', 'rugby', 'netball', 'basketball', 'cricket', 'swimming', 'athletics', 'gymnastics', 'dance', 'martial_arts', 'art', 'music', 'drama', 'singing', 'reading', 'writing', 'science', 'computing', 'maths', 'engineering', 'animals', 'cooking', 'gaming', 'languages', 'history', 'nature']
export const WORRY_THEMES = ['getting_lost', 'bullying', 'friendships', 'workload', 'teachers_rules', 'older_pupils', 'organisation', 'travel', 'changing_pe', 'lunch', 'separation', 'general_anxiety', 'family', 'self_esteem']
const REASON_CODE = /^(ATTENDANCE_|KS2_|SDQ_|SEN_|LETTER_)[A-Z0-9_]+$|^(SOCIAL_CARE|LOOKED_AFTER)[A-Z0-9_]*$/

/**
 * How one column is read: its parser, and for a required column the message when the cell is blank.
 * Plain checks rather than a schema library: they run for every cell of 15,000-row files.
 */
interface Cell<T = unknown> { parse: (value: string) => T; missing?: string }
type Issue = { field: string; message: string }
interface RowSchema {
  /** in the order their problems are reported */
  cells: [string, Cell][]
  /** checks across columns, run only when every cell was readable */
  check?: (r: Record<string, any>, issue: (field: string, message: string) => void) => void
}

const cell = <T>(parse: (value: string) => T): Cell<T> => ({ parse })
const required = <T>(parse: (value: string) => T, missing: string): Cell<T> => ({ parse, missing })

/** The row's values read by its schema, or every problem with it. */
function readRow(schema: RowSchema, values: Record<string, string>): { data: Record<string, any>; issues: Issue[] } {
  const data: Record<string, any> = {}
  const issues: Issue[] = []
  for (const [field, spec] of schema.cells) {
    const value = values[field]
    if (value === undefined) {
      if (spec.missing !== undefined) issues.push({ field, message: spec.missing })
      continue
    }
    try {
      data[field] = spec.parse(value)
    } catch (err) {
      if (!(err instanceof v.ValueProblem)) throw err
      issues.push({ field, message: err.message })
    }
  }
  if (!issues.length && schema.check) schema.check(data, (field, message) => issues.push({ field, message }))
  return { data, issues }
}

const upnCell = required((value) => {
  const check = checkUpn(value)
  if (!check.valid) throw new v.ValueProblem(`${check.problem} — check the UPN in your MIS`)
  return { upn: value.trim().toUpperCase(), temporary: check.temporary }
}, 'has no UPN — every pupil row needs the pupil\'s UPN')
const text = cell((s) => s)
const requiredText = (what: string) => required((s) => s, `is blank — every row needs ${what}`)

function listOf(allowed: (s: string) => boolean, hint: string) {
  return cell((value) => {
    const items = v.parseList(value)
    const bad = items.filter((s) => !allowed(s))
    if (bad.length) throw new v.ValueProblem(`'${bad.join("', '")}' ${bad.length === 1 ? 'is' : 'are'} not ${hint}`)
    return items
  })
}

const shape = (cells: Record<string, Cell>, check?: RowSchema['check']): RowSchema => (check ? { cells: Object.entries(cells), check } : { cells: Object.entries(cells) })

function schemas(today: string): Record<CsvKind, RowSchema> {
  const dob = required((s) => v.parseYear7Dob(s, today), 'is blank — every pupil needs a date of birth')
  const identityShape = { surname: text, forename: text, dob: cell((s) => v.parseYear7Dob(s, today)) }
  const sdqItems = Object.fromEntries(SDQ_ITEM_COLUMNS.map((c) => [c, cell(v.parseSdqResponse)]))
  const impactAnswers = Object.fromEntries(SDQ_IMPACT_COLUMNS.slice(1).map((c) => [c, cell(v.parseImpactAnswer)]))
  const subscale = cell((s) => {
    const n = v.parseWholeNumber(s, 'a subscale score 0–10')
    if (n > 10) throw new v.ValueProblem('should be a subscale score 0–10')
    return n
  })
  return {
    pupils: shape({
      upn: upnCell, surname: requiredText('the pupil\'s surname'), forename: requiredText('the pupil\'s forename'), dob,
      preferred_forename: text, sex: cell(v.parseSex), form: text, primary_school: text, sen: cell(v.parseSen), sen_need: text,
      fsm: cell(v.parseYesNo), eal: cell(v.parseYesNo), looked_after: cell(v.parseYesNo), social_care: cell(v.parseSocialCare)
    }),
    attainment: shape({
      upn: upnCell, ...identityShape,
      ks2_reading: cell(v.parseKs2Test), ks2_maths: cell(v.parseKs2Test), ks2_gps: cell(v.parseKs2Test), ks2_writing: cell(v.parseKs2Writing)
    }),
    attendance: shape(
      {
        upn: upnCell, ...identityShape,
        sessions_possible: required((s) => v.parseWholeNumber(s, 'a number of sessions'), 'is blank — give the number of possible sessions (380 in a full year)'),
        sessions_absent: cell((s) => v.parseWholeNumber(s, 'a number of sessions')),
        sessions_present: cell((s) => v.parseWholeNumber(s, 'a number of sessions')),
        attendance_pct: cell((s) => {
          const n = v.parseNumber(s)
          if (n > 100) throw new v.ValueProblem('should be a percentage from 0 to 100')
          return n
        }),
        period: text
      },
      (r, issue) => {
        if (r.sessions_absent === undefined && r.sessions_present === undefined && r.attendance_pct === undefined) {
          issue('sessions_absent', 'is blank — give sessions absent, sessions present or an attendance percentage')
        }
        const absent = r.sessions_absent ?? (r.sessions_present !== undefined ? r.sessions_possible - r.sessions_present : undefined)
        if (absent !== undefined && absent > r.sessions_possible) {
          const field = r.sessions_absent !== undefined ? 'sessions_absent' : 'sessions_present'
          issue(field, `is more than the ${r.sessions_possible} possible sessions — check both figures in your MIS`)
        }
        if (absent !== undefined && absent < 0) issue('sessions_present', `is more than the ${r.sessions_possible} possible sessions — check both figures in your MIS`)
      }),
    sdq: shape({
      upn: upnCell, ...identityShape,
      informant: required(v.parseInformant, 'is blank — say who filled in the questionnaire: self, parent or teacher'),
      completed_on: required(v.parseDate, 'is blank — give the date the questionnaire was completed'),
      ...sdqItems,
      impact_difficulties: cell(v.parseYesNo),
      ...impactAnswers,
      emotional: subscale, conduct: subscale, hyperactivity: subscale, peer: subscale, prosocial: subscale,
      impact: cell((s) => {
        const n = v.parseWholeNumber(s, 'an impact score 0–10')
        if (n > 10) throw new v.ValueProblem('should be an impact score 0–10')
        return n
      })
    }, (r, issue) => {
      if (r.informant === 'teacher' && r.impact !== undefined && r.impact > 6) issue('impact', 'should be 0–6: the teacher form has three impact questions')
    }),
    letters: shape({
      upn: upnCell, ...identityShape,
      letter: requiredText('the letter\'s text'),
      written_on: cell(v.parseDate)
    }),
    opportunities: shape({
      name: requiredText('the opportunity\'s name'),
      category: required(v.parseCategory, 'is blank — every row needs a category (for example sport, creative, learning support)'),
      capacity: required((s) => {
        const n = v.parseWholeNumber(s, 'the most places')
        if (n < 1) throw new v.ValueProblem('should be at least 1 place')
        return n
      }, 'is blank — give the most places it has'),
      min_places: cell((s) => v.parseWholeNumber(s, 'the fewest places with which it runs')),
      year_groups: cell(v.parseYearGroups),
      forms: cell(v.parseList),
      rule: cell(v.parseEligibilityRule),
      interests: listOf((s) => INTERESTS.includes(s), `interests Lantern knows (use ${INTERESTS.slice(0, 4).join(', ')} … joined with ;)`),
      needs: listOf((s) => WORRY_THEMES.includes(s) || REASON_CODE.test(s), 'worry themes or reason codes Lantern knows (for example friendships;KS2_READING_BELOW_EXPECTED)'),
      lead: text, schedule: text, description: text
    }, (r, issue) => {
      if (r.min_places !== undefined && r.min_places > r.capacity) issue('min_places', `is more than the ${r.capacity} places it has at most — check both numbers`)
    })
  }
}

const FIELD_LABELS = lookupTable<string>({ upn: 'UPN', dob: 'date of birth' })

function sentence(row: number, header: string, value: string | undefined, message: string): string {
  return value === undefined ? `Row ${row}, ${header} ${message}` : `Row ${row}, ${header} '${value}': ${message}`
}

/** Validates every row of a CSV of one kind; all problems are reported, not just the first. */
export function validateRows(file: CsvFile, kind: CsvKind, today: string): { records: RowRecords; errors: ImportError[] } {
  const records: RowRecords = { pupils: [], attainment: [], attendance: [], sdq: [], letters: [], opportunities: [] }
  const errors: ImportError[] = []
  const headerOf = (column: string) => (column === 'upn' ? 'UPN' : file.headers[column] ?? FIELD_LABELS[column] ?? column.replace(/_/g, ' '))
  for (const column of REQUIRED_COLUMNS[kind]) {
    if (!file.headers[column]) {
      errors.push({ row: 1, field: column, message: `Row 1: the file has no ${FIELD_LABELS[column] ?? column.replace(/_/g, ' ')} column, which a ${kind} file needs (columns: ${KIND_COLUMNS[kind].filter((c) => !c.startsWith('item_')).join(', ')}).` })
    }
  }
  const hasItems = SDQ_ITEM_COLUMNS.some((c) => file.headers[c])
  const hasPrescored = SDQ_PRESCORED_COLUMNS.slice(0, 5).some((c) => file.headers[c])
  if (kind === 'sdq' && hasItems && hasPrescored) {
    errors.push({ row: 1, field: null, message: 'Row 1: this file has both item columns (item_1 … item_25) and pre-scored columns (emotional, conduct …). Send one or the other.' })
  }
  if (kind === 'sdq' && !hasItems && !hasPrescored) {
    errors.push({ row: 1, field: null, message: 'Row 1: an SDQ file needs either the item columns item_1 … item_25 or the pre-scored columns emotional, conduct, hyperactivity, peer, prosocial.' })
  }
  const withIdentity = file.headers.surname !== undefined && file.headers.forename !== undefined && file.headers.dob !== undefined
  if (errors.length) return { records, errors }

  const schema = schemas(today)[kind]
  const seen = new Map<string, number>()
  for (const { row, values } of file.rows) {
    const { data: r, issues } = readRow(schema, values)
    if (issues.length) {
      for (const issue of issues) errors.push({ row, field: issue.field, message: sentence(row, headerOf(issue.field), values[issue.field], issue.message) })
      continue
    }
    const key = keyOf(kind, r)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      const field = kind === 'opportunities' ? 'name' : 'upn'
      errors.push({ row, field, message: `Row ${row}, ${headerOf(field)} '${values[field]}': the same ${kind === 'opportunities' ? 'opportunity' : kind === 'pupils' ? 'pupil' : 'record'} is also on row ${earlier} — remove one of the rows.` })
      continue
    }
    seen.set(key, row)
    toRecord(kind, row, r, withIdentity, records)
  }
  return { records, errors }
}

function keyOf(kind: CsvKind, r: Record<string, any>): string {
  if (kind === 'opportunities') return String(r.name)
  if (kind === 'sdq') return `${r.upn.upn}|${r.informant}|${r.completed_on}`
  if (kind === 'letters') return `${r.upn.upn}|${r.written_on ?? ''}`
  return r.upn.upn
}

function toRecord(kind: CsvKind, row: number, r: Record<string, any>, withIdentity: boolean, out: RowRecords): void {
  if (kind === 'opportunities') {
    out.opportunities.push({
      row, name: r.name, category: r.category, capacity: r.capacity, interests: r.interests ?? [], needs: r.needs ?? [],
      minPlaces: r.min_places, yearGroups: r.year_groups, forms: r.forms, rule: r.rule,
      lead: r.lead, schedule: r.schedule, slots: slotsFromSchedule(r.schedule), description: r.description
    })
    return
  }
  const keyed: Keyed = {
    row,
    upn: r.upn.upn,
    temporaryUpn: r.upn.temporary,
    identity: withIdentity && r.surname && r.forename && r.dob ? { surname: r.surname, forename: r.forename, dob: r.dob } : null
  }
  switch (kind) {
    case 'pupils':
      out.pupils.push({
        row, upn: keyed.upn, temporaryUpn: keyed.temporaryUpn, surname: r.surname, forename: r.forename, dob: r.dob,
        preferredForename: r.preferred_forename, sex: r.sex, form: r.form, primarySchool: r.primary_school, sen: r.sen, senNeed: r.sen_need,
        fsm: r.fsm, eal: r.eal, lookedAfter: r.looked_after, socialCare: r.social_care
      })
      return
    case 'attainment':
      out.attainment.push({ ...keyed, reading: r.ks2_reading, maths: r.ks2_maths, gps: r.ks2_gps, writing: r.ks2_writing })
      return
    case 'attendance': {
      const possible = r.sessions_possible as number
      const absent = r.sessions_absent ?? (r.sessions_present !== undefined ? possible - r.sessions_present : Math.round((possible * (100 - r.attendance_pct)) / 100))
      out.attendance.push({ ...keyed, possible, absent, period: r.period ?? null })
      return
    }
    case 'sdq': {
      const prescored = r.emotional !== undefined || r.conduct !== undefined || r.hyperactivity !== undefined || r.peer !== undefined || r.prosocial !== undefined
      const informant = r.informant as v.InformantWord
      let items: ItemResponse[] | null = null
      let impact: ImpactResponses | null = null
      let scores: SdqScores
      if (prescored) {
        scores = scoreSdq({ prescored: { emotional: r.emotional ?? null, conduct: r.conduct ?? null, hyperactivity: r.hyperactivity ?? null, peer: r.peer ?? null, prosocial: r.prosocial ?? null, impact: r.impact ?? null } }, informant)
      } else {
        items = SDQ_ITEM_COLUMNS.map((c) => (r[c] ?? null) as ItemResponse)
        const answered = SDQ_IMPACT_COLUMNS.some((c) => r[c] !== undefined)
        impact = answered
          ? { difficulties: r.impact_difficulties ?? null, distress: r.impact_distress ?? null, home: r.impact_home ?? null, friendships: r.impact_friendships ?? null, classroom: r.impact_classroom ?? null, leisure: r.impact_leisure ?? null }
          : null
        scores = scoreSdq({ items, impact }, informant)
      }
      out.sdq.push({ ...keyed, informant, completedOn: r.completed_on, prescored, items, impact, scores, bands: bandSdq(scores, informant) })
      return
    }
    case 'letters':
      out.letters.push({ ...keyed, writtenOn: r.written_on ?? null, text: r.letter })
      return
  }
}
