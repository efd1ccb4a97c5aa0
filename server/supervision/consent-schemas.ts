// The consent form: given or withdrawn, by whom, their name, for what, and the date, each checked with a
// message staff can act on. Field names are the inputs' ids, so the error summary links to each; the
// date is GOV.UK's three boxes (day, month, year), and its errors link to the day box.
import { z } from 'zod'
import { formText } from '../platform/form-text'
import { fieldErrors } from '../platform/forms'
import type { FieldError } from '../platform/errors'
import type { ConsentGiver, ConsentKind } from './consent'

export interface ConsentFormInput {
  kind: ConsentKind
  givenBy: ConsentGiver
  givenByName: string
  purpose: string
  givenOn: string
}

const number = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : NaN)

/** A real calendar date no later than today, from the three boxes. */
function dateOf(day: string, month: string, year: string, today: string): { date: string } | { message: string } {
  if (!day && !month && !year) return { message: 'Enter the date it was given or withdrawn' }
  const [d, m, y] = [number(day), number(month), number(year)]
  if (!day || !month || !year) return { message: 'The date must include a day, month and year' }
  if (![d, m, y].every(Number.isInteger) || y < 1000) return { message: 'Enter the date as numbers, for example 27 3 2026' }
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return { message: 'The date must be a real date, for example 27 3 2026' }
  if (date > today) return { message: 'The date cannot be in the future: record consent once it has been given' }
  if (y < 2000) return { message: 'The date must be this century' }
  return { date }
}

const fields = z.object({
  kind: z.enum(['given', 'withdrawn'], { error: 'Choose whether consent was given or withdrawn' }),
  given_by: z.enum(['parent_carer', 'pupil'], { error: 'Choose who gave or withdrew consent: a parent or carer, or the pupil' }),
  given_by_name: formText('The name').trim().min(1, 'Enter the name of the person who gave or withdrew consent').max(120, 'The name can be up to 120 characters'),
  purpose: formText('The purpose').trim().min(1, 'Say what the consent is for, for example a named discussion at supervision').max(500, 'The purpose can be up to 500 characters')
})

/** The form's fields checked; `today` (YYYY-MM-DD, the school's day) bounds the date. */
export function parseConsentForm(body: Record<string, unknown>, today: string): { data: ConsentFormInput; errors?: undefined } | { errors: FieldError[]; data?: undefined } {
  const parsed = fields.safeParse(body)
  const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error)
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '')
  const when = dateOf(text('given_on_day'), text('given_on_month'), text('given_on_year'), today)
  if ('message' in when) errors.push({ field: 'given_on_day', message: when.message })
  // the summary in the order of the form
  const order = ['kind', 'given_by', 'given_by_name', 'purpose', 'given_on_day']
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
  if (errors.length || !parsed.success || 'message' in when) return { errors }
  const d = parsed.data
  return { data: { kind: d.kind, givenBy: d.given_by, givenByName: d.given_by_name, purpose: d.purpose, givenOn: when.date } }
}

/** Today in England, as YYYY-MM-DD: a consent recorded at 00:30 in British Summer Time is today's. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
