// The opportunity form: every field checked with a message a lead can act on, and the form's names
// turned into an opportunity. Field names are the inputs' ids, so the error summary links to each.
import { z } from 'zod'
import { ELIGIBILITY_RULES, OPPORTUNITY_CATEGORIES, WEEKDAYS, type EligibilityRule, type OpportunityCategory, type OpportunitySlot, type Weekday } from '../vocabulary'
import { formText } from '../platform/form-text'
import { INTERESTS, WORRY_THEMES } from '../letters/analyser'
import { REASON_CODES } from '../screening/reasons'
import { fieldErrors } from '../platform/forms'
import type { FieldError } from '../platform/errors'
import { selfOverlap, slotText } from './schedule'

/** The most weekly sessions the form offers: an opportunity may run on two days. */
export const FORM_SLOTS = 2
export const YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const
const NEEDS: readonly string[] = [...WORRY_THEMES, ...REASON_CODES]

export interface OpportunityInput {
  name: string
  category: OpportunityCategory
  minPlaces: number
  capacity: number
  interests: string[]
  needs: string[]
  yearGroups: number[]
  forms: string[]
  rule: EligibilityRule | null
  lead: string | null
  schedule: string | null
  slots: OpportunitySlot[]
  pupilDescription: string | null
}

/** A repeated field (checkboxes) as the form parser gives it: absent, one text, or several. */
const ticked = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v])
const optionalText = (what: string, max: number) =>
  formText(what).trim().max(max, `${what} can be up to ${max} characters`).transform((s) => s || null)
const places = (what: string, blank: string | null) =>
  z.string({ error: blank ?? `Enter ${what}` }).trim().transform((s, ctx) => {
    if (s === '' && blank === null) return 0
    if (!/^\d{1,4}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: s === '' ? (blank as string) : `Enter ${what} as a whole number, for example 12` })
      return z.NEVER
    }
    return Number(s)
  })
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/
const hhmm = (s: string) => {
  const m = TIME.exec(s)!
  return `${m[1]!.padStart(2, '0')}:${m[2]}`
}

// Three parts checked apart, so one form shows every problem at once (zod skips a part's cross-field
// checks when any of its fields fails).
const details = z.object({
  name: formText('The name').trim().min(1, 'Enter the opportunity’s name').max(120, 'The name can be up to 120 characters'),
  category: z.enum(OPPORTUNITY_CATEGORIES, { error: 'Choose the kind of opportunity' }),
  interests: z.preprocess(ticked, z.array(z.enum(INTERESTS, { error: 'Choose interests from the list' }))),
  // a code an earlier import brought in stays choosable, as the import accepted it
  needs: z.preprocess(ticked, z.array(z.string().refine((s) => NEEDS.includes(s) || /^[A-Z][A-Z0-9_]{2,60}$/.test(s), 'Choose needs from the list'))),
  year_groups: z.preprocess(ticked, z.array(z.string().regex(/^(7|8|9|1[0-3])$/, 'Choose year groups from 7 to 13').transform(Number)).min(1, 'Choose at least one year group')),
  forms: z.preprocess(ticked, z.array(formText('A form').trim().min(1).max(20, 'A form’s name can be up to 20 characters'))),
  rule: z.enum(['none', ...ELIGIBILITY_RULES], { error: 'Choose who else it is for, or “No other rule”' }).transform((r) => (r === 'none' ? null : r)),
  lead: optionalText('The staff lead', 120),
  schedule: optionalText('The wording of when it runs', 200),
  pupil_description: optionalText('The description for pupils', 1000)
})

const placesPart = z
  .object({ min_places: places('the fewest places', null), capacity: places('the most places', 'Enter the most places it has, for example 12') })
  .transform((p, ctx) => {
    if (p.capacity < 1) ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'The most places must be at least 1' })
    else if (p.min_places > p.capacity) ctx.addIssue({ code: 'custom', path: ['min_places'], message: `The fewest places (${p.min_places}) cannot be more than the most places (${p.capacity})` })
    return p
  })

const slotsPart = z
  .object(Object.fromEntries(Array.from({ length: FORM_SLOTS }, (_, i) => [
    [`slot${i + 1}_day`, z.string().optional()],
    [`slot${i + 1}_start`, formText('The start time').trim().optional()],
    [`slot${i + 1}_end`, formText('The end time').trim().optional()]
  ]).flat()) as Record<string, z.ZodOptional<z.ZodString>>)
  .transform((text, ctx): OpportunitySlot[] => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    const slots: OpportunitySlot[] = []
    for (let i = 1; i <= FORM_SLOTS; i++) {
      const day = text[`slot${i}_day`] ?? ''
      const start = text[`slot${i}_start`] ?? ''
      const end = text[`slot${i}_end`] ?? ''
      const which = FORM_SLOTS > 1 ? ` for session ${i}` : ''
      if (day === '' && start === '' && end === '') continue
      const weekday = Number(day) as Weekday
      if (!WEEKDAYS.includes(weekday)) issue(`slot${i}_day`, `Choose the day${which}`)
      if (!TIME.test(start)) issue(`slot${i}_start`, start === '' ? `Enter the start time${which}, for example 15:15` : `Enter the start time${which} as hours and minutes, for example 15:15`)
      if (!TIME.test(end)) issue(`slot${i}_end`, end === '' ? `Enter the end time${which}, for example 16:15` : `Enter the end time${which} as hours and minutes, for example 16:15`)
      if (!WEEKDAYS.includes(weekday) || !TIME.test(start) || !TIME.test(end)) continue
      const slot = { weekday, start: hhmm(start), end: hhmm(end) }
      if (slot.end <= slot.start) issue(`slot${i}_end`, `The end time${which} must be after its start time (${slot.start})`)
      else slots.push(slot)
    }
    const overlap = selfOverlap(slots)
    if (overlap !== null) issue(`slot${overlap + 1}_start`, `Session ${overlap + 1} overlaps session ${overlap} (${slotText(slots[overlap - 1]!)}) — change the day or the times`)
    return slots.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
  })

/** The form's fields in page order, so the error summary reads down the page. */
const FIELD_ORDER = ['name', 'category', 'min_places', 'capacity', ...Array.from({ length: FORM_SLOTS }, (_, i) => [`slot${i + 1}_day`, `slot${i + 1}_start`, `slot${i + 1}_end`]).flat(), 'schedule', 'lead', 'year_groups', 'forms', 'rule', 'interests', 'needs', 'pupil_description']

/** The form → an opportunity, or a message for every field that needs fixing, in page order. */
export function parseOpportunityForm(body: Record<string, unknown>): { data: OpportunityInput; errors?: undefined } | { data?: undefined; errors: FieldError[] } {
  const d = details.safeParse(body)
  const p = placesPart.safeParse(body)
  const s = slotsPart.safeParse(body)
  const errors = [d, p, s].flatMap((r) => (r.success ? [] : fieldErrors(r.error)))
  if (!d.success || !p.success || !s.success) return { errors: errors.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field)) }
  const f = d.data
  return {
    data: {
      name: f.name, category: f.category, minPlaces: p.data.min_places, capacity: p.data.capacity,
      interests: [...new Set(f.interests)], needs: [...new Set(f.needs)], yearGroups: [...new Set(f.year_groups)].sort((a, b) => a - b),
      forms: [...new Set(f.forms)].sort(), rule: f.rule, lead: f.lead, schedule: f.schedule, slots: s.data, pupilDescription: f.pupil_description
    }
  }
}
