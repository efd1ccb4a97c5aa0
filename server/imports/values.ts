// Cell values as schools' MIS exports write them, parsed into Lantern's forms. Pure. Each parser
// throws a ValueProblem whose message says what is wrong and what to do; the row reader adds the
// row, the column and the value.
import { lookupTable } from '../lookup'
import { OPPORTUNITY_CATEGORIES, OPPORTUNITY_CATEGORY_WORDS, type EligibilityRule, type OpportunityCategory } from '../vocabulary'

export class ValueProblem extends Error {}

const problem = (message: string): never => {
  throw new ValueProblem(message)
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** `YYYY-MM-DD` or `DD/MM/YYYY` (English order, never American) → `YYYY-MM-DD`. */
export function parseDate(value: string): string {
  let y: number, m: number, d: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])]
  else return problem('is not a date — write dates as DD/MM/YYYY or YYYY-MM-DD')
  if (!isRealDate(y, m, d)) return problem('is not a real date — check the day and month (DD/MM/YYYY or YYYY-MM-DD)')
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const YES = new Set(['y', 'yes', 'true', '1', 't'])
const NO = new Set(['n', 'no', 'false', '0', 'f'])

/** Y/N, Yes/No, True/False, 1/0 (any case). */
export function parseYesNo(value: string): boolean {
  const v = value.trim().toLowerCase()
  if (YES.has(v)) return true
  if (NO.has(v)) return false
  return problem('should be Y or N (Yes/No, True/False and 1/0 also work)')
}

export function parseWholeNumber(value: string, what = 'a whole number'): number {
  if (!/^\d+$/.test(value.trim())) return problem(`should be ${what} (0 or more, no decimals)`)
  return Number(value.trim())
}

export function parseNumber(value: string): number {
  const v = value.trim().replace(/%$/, '')
  if (!/^\d+(\.\d+)?$/.test(v)) return problem('should be a number')
  return Number(v)
}

export type Sex = 'F' | 'M' | 'U'
const SEXES = lookupTable<Sex>({ f: 'F', female: 'F', girl: 'F', m: 'M', male: 'M', boy: 'M', u: 'U', unknown: 'U' })
export function parseSex(value: string): Sex {
  return SEXES[value.trim().toLowerCase()] ?? problem('should be F or M (or U if not known)')
}

/** SEN provision: N (none), K (SEN support), E (education, health and care plan). */
export type SenProvision = 'N' | 'K' | 'E'
const SEN = lookupTable<SenProvision>({
  n: 'N', none: 'N', 'no sen': 'N',
  k: 'K', 'sen support': 'K', support: 'K',
  e: 'E', ehcp: 'E', 'ehc plan': 'E', s: 'E', statement: 'E'
})
export function parseSen(value: string): SenProvision {
  return SEN[value.trim().toLowerCase()] ?? problem('should be N (no SEN), K (SEN support) or E (EHC plan)')
}

export type SocialCare = 'none' | 'CIN' | 'CP'
const SOCIAL_CARE = lookupTable<SocialCare>({
  none: 'none', n: 'none', no: 'none',
  cin: 'CIN', 'child in need': 'CIN',
  cp: 'CP', 'child protection': 'CP', cpp: 'CP'
})
export function parseSocialCare(value: string): SocialCare {
  return SOCIAL_CARE[value.trim().toLowerCase()] ?? problem('should be none, CIN (child in need) or CP (child protection)')
}

// KS2 (DOMAIN.md, "KS2 attainment"). The test result codes are the STA's: *check* against the current
// year's KS2 data guidance; kept here in one place.
export const KS2_TEST_CODES = ['A', 'B', 'F', 'J', 'L', 'M', 'N', 'P', 'Q', 'T', 'U', 'X'] as const
export const KS2_WRITING_CODES = ['GDS', 'EXS', 'WTS', 'PK1', 'PK2', 'PK3', 'PK4', 'PK5', 'PK6', 'EM', 'A', 'L', 'F', 'P'] as const

export interface Ks2Result {
  /** as recorded: a scaled score ("104") or a code ("B", "EXS") */
  result: string
  /** the scaled score, when the result is one */
  scaled: number | null
}

/** A tested subject (reading, maths, GPS): a scaled score 80–120 or a result code. */
export function parseKs2Test(value: string): Ks2Result {
  const v = value.trim().toUpperCase()
  if (/^\d+$/.test(v)) {
    const n = Number(v)
    if (n < 80 || n > 120) return problem(`is outside the KS2 scaled-score range 80–120 — check the result, or use a code such as B (working below the test) or A (absent)`)
    return { result: String(n), scaled: n }
  }
  if ((KS2_TEST_CODES as readonly string[]).includes(v)) return { result: v, scaled: null }
  return problem(`should be a scaled score 80–120 or one of the codes ${KS2_TEST_CODES.join(', ')}`)
}

/** Writing is teacher assessment: a code, never a scaled score. */
export function parseKs2Writing(value: string): Ks2Result {
  const v = value.trim().toUpperCase()
  if ((KS2_WRITING_CODES as readonly string[]).includes(v)) return { result: v, scaled: null }
  return problem(`should be a writing teacher-assessment code: ${KS2_WRITING_CODES.join(', ')}`)
}

// SDQ answers by number or by the response words on the paper form (never the item wording).
const SDQ_WORDS = lookupTable<0 | 1 | 2>({ 'not true': 0, 'somewhat true': 1, 'certainly true': 2 })
export function parseSdqResponse(value: string): 0 | 1 | 2 {
  // Most files carry bare digits: answer those without normalising the text.
  if (value === '0') return 0
  if (value === '1') return 1
  if (value === '2') return 2
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ')
  if (v === '0' || v === '1' || v === '2') return Number(v) as 0 | 1 | 2
  return SDQ_WORDS[v] ?? problem('should be 0, 1 or 2 (or Not True, Somewhat True, Certainly True); leave it blank if not answered')
}

const IMPACT_WORDS = lookupTable<0 | 1 | 2 | 3>({ 'not at all': 0, 'only a little': 1, 'quite a lot': 2, 'a great deal': 3 })
export function parseImpactAnswer(value: string): 0 | 1 | 2 | 3 {
  if (value.length === 1 && value >= '0' && value <= '3') return Number(value) as 0 | 1 | 2 | 3
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ')
  if (/^[0-3]$/.test(v)) return Number(v) as 0 | 1 | 2 | 3
  return IMPACT_WORDS[v] ?? problem('should be 0–3 or Not at all, Only a little, Quite a lot, A great deal')
}

export type InformantWord = 'self' | 'parent' | 'teacher'
const INFORMANTS = lookupTable<InformantWord>({
  self: 'self', 'self-report': 'self', 'self report': 'self', pupil: 'self', student: 'self', child: 'self',
  parent: 'parent', carer: 'parent', 'parent/carer': 'parent',
  teacher: 'teacher'
})
export function parseInformant(value: string): InformantWord {
  return INFORMANTS[value.trim().toLowerCase()] ?? problem('should be self, parent or teacher')
}

export function parseList(value: string): string[] {
  return value.split(';').map((s) => s.trim()).filter((s) => s !== '')
}

/** Year 7 is aged 11 on 31 August before the year starts; allow a year either side for pupils out of year group. */
export function plausibleYear7Dob(today: string): { earliest: string; latest: string } {
  const year = Number(today.slice(0, 4))
  return { earliest: `${year - 13}-09-01`, latest: `${year - 10}-08-31` }
}

export function parseYear7Dob(value: string, today: string): string {
  const dob = parseDate(value)
  const { earliest, latest } = plausibleYear7Dob(today)
  if (dob < earliest || dob > latest) {
    return problem(`is not a plausible date of birth for a Year 7 pupil (between ${earliest} and ${latest}) — check the date and that the day comes first (DD/MM/YYYY)`)
  }
  return dob
}

/** Lower case, with spaces, hyphens and underscores run together as one space: "Friendship_Group" → "friendship group". */
const words = (value: string) => value.trim().toLowerCase().replace(/[\s_-]+/g, ' ')

const CATEGORIES = lookupTable<OpportunityCategory>({
  ...Object.fromEntries(OPPORTUNITY_CATEGORIES.flatMap((key) => [[words(key), key], [words(OPPORTUNITY_CATEGORY_WORDS[key]), key]])),
  sports: 'sport', arts: 'creative', 'the arts': 'creative', friendship: 'friendship_group', friendships: 'friendship_group',
  wellbeing: 'wellbeing_group', 'well being': 'wellbeing_group', mentor: 'mentoring', 'peer mentoring': 'mentoring'
})

/** An opportunity's category: the key or the words, any case ("STEM", "friendship group", "learning_support"). */
export function parseCategory(value: string): OpportunityCategory {
  return CATEGORIES[words(value)] ?? problem(`is not a category Lantern knows — use one of: ${OPPORTUNITY_CATEGORIES.map((k) => OPPORTUNITY_CATEGORY_WORDS[k].toLowerCase()).join(', ')}`)
}

const RULES = lookupTable<EligibilityRule>({
  'sen support': 'sen_support', k: 'sen_support', 'sen k': 'sen_support',
  ehcp: 'ehcp', e: 'ehcp', 'sen e': 'ehcp', ehc: 'ehcp', 'ehc plan': 'ehcp', 'education health and care plan': 'ehcp',
  'sen any': 'sen_any', sen: 'sen_any', 'any sen': 'sen_any', 'sen support or ehcp': 'sen_any', 'sen support or a plan': 'sen_any'
})

/** An eligibility rule: sen_support (K), ehcp (E) or sen_any (either); "only pupils with …" may lead. */
export function parseEligibilityRule(value: string): EligibilityRule {
  const key = words(value).replace(/^only( pupils)?( with)?( an| a)? /, '').replace(/,/g, '')
  return RULES[key] ?? problem('should be sen_support (SEN support), ehcp (a plan) or sen_any (either) — or leave it blank for no rule')
}

/** Year groups joined by ; — "7", "Y7", "Year 8", or a range "7-9" — each 7 to 13. */
export function parseYearGroups(value: string): number[] {
  const years = new Set<number>()
  for (const item of parseList(value)) {
    const m = /^(?:y(?:ear)?\s*)?(\d{1,2})(?:\s*(?:-|–|to)\s*(?:y(?:ear)?\s*)?(\d{1,2}))?$/i.exec(item)
    const from = Number(m?.[1])
    const to = m?.[2] === undefined ? from : Number(m[2])
    if (!m || from < 7 || to > 13 || to < from) return problem(`'${item}' is not a secondary year group — give years 7 to 13 joined by ; (for example 7;8)`)
    for (let y = from; y <= to; y++) years.add(y)
  }
  if (!years.size) return problem('gives no year group — give years 7 to 13 joined by ; (for example 7;8)')
  return [...years].sort((a, b) => a - b)
}
