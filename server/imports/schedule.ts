// An opportunity's schedule as a school words it in a CSV ("Tuesday after school", "Monday and
// Wednesday lunchtime", "Wednesday 15:30-16:30") → the weekly slots Lantern can check for clashes.
// Wording it cannot read gives no slots: the catalogue shows "time not set" for the lead to fix.
// Pure. It lives with the import, the only place wording is read; the catalogue shows slots in words.
import { WEEKDAY_WORDS, type OpportunitySlot, type Weekday } from '../vocabulary'

/**
 * The usual times of the parts of a school day. A school's own times differ a little: these are a
 * starting point the lead corrects on the opportunity's page.
 */
export const PARTS_OF_DAY: ReadonlyArray<{ pattern: RegExp; start: string; end: string }> = [
  { pattern: /\bafter[\s-]*school\b|\bafterschool\b/g, start: '15:15', end: '16:15' },
  { pattern: /\blunch[\s-]*times?\b|\blunch\b/g, start: '12:30', end: '13:15' },
  { pattern: /\bbefore[\s-]*school\b|\bbreakfast\b/g, start: '08:00', end: '08:30' },
  { pattern: /\bmornings?\b|\btutor[\s-]*time\b|\bregistration\b/g, start: '08:30', end: '08:55' },
  { pattern: /\bbreak[\s-]*times?\b|\bbreak\b/g, start: '10:45', end: '11:05' }
]

const DAYS: ReadonlyArray<[RegExp, Weekday]> = [
  [/\bmon(?:day)?s?\b/g, 1],
  [/\btue(?:s|sday)?s?\b/g, 2],
  [/\bwed(?:nesday)?s?\b/g, 3],
  [/\bthu(?:r|rs|rsday)?s?\b/g, 4],
  [/\bfri(?:day)?s?\b/g, 5]
]
const EVERY_DAY = /\b(?:every\s*day|each\s*day|daily|weekdays)\b/g

// 15:30-16:30, 3.30pm – 4.30pm, 3:30 to 4:30pm, 1530-1630 is not school wording and is left alone
const TIME_RANGE = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*(?:-|–|—|to|until|till)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\b/g

interface Found { at: number; start?: string; end?: string; weekday?: Weekday }

function hhmm(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/** An hour as written, made 24-hour: "pm" adds 12; a bare 1–6 is afternoon in a school day. */
function hour24(hour: number, meridiem: string | undefined): number {
  if (meridiem === 'pm') return hour < 12 ? hour + 12 : hour
  if (meridiem === 'am') return hour === 12 ? 0 : hour
  return hour >= 1 && hour <= 6 ? hour + 12 : hour
}

function timeRanges(text: string): Found[] {
  const found: Found[] = []
  for (const m of text.matchAll(TIME_RANGE)) {
    const endMeridiem = m[6]
    const startMeridiem = m[3] ?? (endMeridiem === 'pm' && Number(m[1]) <= Number(m[4]) ? 'pm' : undefined)
    const start = hhmm(hour24(Number(m[1]), startMeridiem), Number(m[2] ?? 0))
    const end = hhmm(hour24(Number(m[4]), endMeridiem), Number(m[5] ?? 0))
    if (start && end && start < end) found.push({ at: m.index, start, end })
  }
  return found
}

/** The weekly slots a schedule's wording names, in weekday order; none when Lantern cannot tell. */
export function slotsFromSchedule(wording: string | null | undefined): OpportunitySlot[] {
  if (!wording) return []
  const text = wording.toLowerCase()
  // times written out win over the part of the day they refine ("after school, 15:30-16:30")
  const times: Found[] = timeRanges(text)
  if (!times.length) for (const part of PARTS_OF_DAY) for (const m of text.matchAll(part.pattern)) times.push({ at: m.index, start: part.start, end: part.end })
  const days: Found[] = []
  for (const [pattern, weekday] of DAYS) for (const m of text.matchAll(pattern)) days.push({ at: m.index, weekday })
  for (const m of text.matchAll(EVERY_DAY)) for (const weekday of [1, 2, 3, 4, 5] as const) days.push({ at: m.index, weekday })
  if (!times.length || !days.length) return []
  times.sort((a, b) => a.at - b.at)

  // Each day takes the first time named after it ("Monday lunchtime and Thursday after school");
  // days after the last time take that one ("after school on Tuesdays").
  const slots = new Map<string, OpportunitySlot>()
  for (const day of days) {
    const time = times.find((t) => t.at > day.at) ?? times[times.length - 1]!
    const slot = { weekday: day.weekday!, start: time.start!, end: time.end! }
    slots.set(`${slot.weekday}|${slot.start}`, slot)
  }
  return [...slots.values()].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)).slice(0, 5)
}

/** A slot in words: "Tuesday 15:15–16:15". */
export function slotText(slot: OpportunitySlot): string {
  return `${WEEKDAY_WORDS[slot.weekday]} ${slot.start}–${slot.end}`
}
