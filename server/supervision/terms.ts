// A school's half terms and the proposed supervision schedule: two meetings in each half term.
// Pure: dates in, dates out (YYYY-MM-DD strings, computed in UTC so no time zone shifts a day).

export interface HalfTerm {
  name: string
  starts_on: string
  ends_on: string
}

const DAY = 86_400_000

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d))
}
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
export function parseIsoDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  return utc(y, m, d)
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY)
}
/** The first `weekday` (0 Sunday … 6 Saturday) on or after d. */
function onOrAfter(d: Date, weekday: number): Date {
  return addDays(d, (weekday - d.getUTCDay() + 7) % 7)
}
/** The last `weekday` on or before d. */
function onOrBefore(d: Date, weekday: number): Date {
  return addDays(d, -((d.getUTCDay() - weekday + 7) % 7))
}
const MON = 1
const WED = 3
const FRI = 5

/** Easter Sunday (the anonymous Gregorian computus). */
export function easterSunday(year: number): Date {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return utc(year, month, day)
}

/** The academic year (its September's calendar year) a date falls in. */
export function academicYearOf(date: string): number {
  const d = parseIsoDate(date)
  return d.getUTCMonth() >= 7 ? d.getUTCFullYear() : d.getUTCFullYear() - 1
}

/**
 * England's usual six half terms for the academic year starting in September of `year`: a default
 * each school edits to its own dates. Autumn opens on the first Wednesday of September; the October,
 * February and May half-term weeks hold the last Monday of October, the third Monday of February and
 * the last Monday of May; Christmas and Easter holidays are two weeks; the year ends on 22 July, or the
 * Friday before when that is a weekend.
 */
export function defaultHalfTerms(year: number): HalfTerm[] {
  const next = year + 1
  const autumnStart = onOrAfter(utc(year, 9, 1), WED)
  const octoberBreak = onOrBefore(utc(year, 10, 31), MON)
  const christmasEnd = onOrBefore(utc(year, 12, 20), FRI)
  const springStart = onOrAfter(utc(next, 1, 4), MON)
  const februaryBreak = addDays(onOrAfter(utc(next, 2, 1), MON), 14)
  const easter = easterSunday(next)
  // the Easter holiday: the fortnight holding Easter, starting on the Monday before Good Friday's week ends
  const easterBreak = onOrBefore(addDays(easter, -2), MON)
  const mayBreak = onOrBefore(utc(next, 5, 31), MON)
  const july22 = utc(next, 7, 22)
  const summerEnd = july22.getUTCDay() >= MON && july22.getUTCDay() <= FRI ? july22 : onOrBefore(july22, FRI)
  const terms: Array<[string, Date, Date]> = [
    ['Autumn 1', autumnStart, addDays(octoberBreak, -3)],
    ['Autumn 2', addDays(octoberBreak, 7), christmasEnd],
    ['Spring 1', springStart, addDays(februaryBreak, -3)],
    ['Spring 2', addDays(februaryBreak, 7), addDays(easterBreak, -3)],
    ['Summer 1', addDays(easterBreak, 14), addDays(mayBreak, -3)],
    ['Summer 2', addDays(mayBreak, 7), summerEnd]
  ]
  return terms.map(([name, s, e]) => ({ name: `${name} ${year}–${String(next).slice(2)}`, starts_on: isoDate(s), ends_on: isoDate(e) }))
}

/** Schooldays (Monday to Friday) from start to end inclusive. */
function schooldays(start: Date, end: Date): Date[] {
  const days: Date[] = []
  for (let d = start; d <= end; d = addDays(d, 1)) if (d.getUTCDay() >= MON && d.getUTCDay() <= FRI) days.push(d)
  return days
}

/**
 * Two meetings in each half term, a third and two thirds of the way through, each moved to the
 * nearest `weekday` (1 Monday … 5 Friday) inside the half term.
 */
export function proposeSchedule(terms: readonly HalfTerm[], weekday = 2): Array<{ term: string; date: string }> {
  const out: Array<{ term: string; date: string }> = []
  for (const t of terms) {
    const days = schooldays(parseIsoDate(t.starts_on), parseIsoDate(t.ends_on))
    const candidates = days.filter((d) => d.getUTCDay() === weekday)
    if (candidates.length === 0) continue
    const picks = new Set<string>()
    for (const fraction of [1 / 3, 2 / 3]) {
      const target = days[Math.min(days.length - 1, Math.floor(days.length * fraction))]!.getTime()
      const free = candidates.filter((c) => !picks.has(isoDate(c)))
      const best = free.reduce<Date | null>((b, c) => (b === null || Math.abs(c.getTime() - target) < Math.abs(b.getTime() - target) ? c : b), null)
      if (best) picks.add(isoDate(best))
    }
    for (const date of [...picks].sort()) out.push({ term: t.name, date })
  }
  return out
}

/** The half term a date falls in, if any. */
export function termOf(terms: readonly HalfTerm[], date: string): HalfTerm | null {
  return terms.find((t) => t.starts_on <= date && date <= t.ends_on) ?? null
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / DAY)
}
