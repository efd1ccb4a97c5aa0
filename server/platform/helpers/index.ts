// Handlebars helpers: small, pure, display-only. Business rules never live here.
import type { HelperDelegate } from 'handlebars'

/** {{#if (eq a b)}} */
const eq: HelperDelegate = (a: unknown, b: unknown) => a === b

// Intl formatters are costly to make and free to reuse: one per style, made once.
const DATE_FORMATS = {
  time: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' }),
  calendarDay: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
}

/** A stored date or time as staff read it, in London: 23 Nov 2026, or with "time" 23 Nov 2026, 14:05. A calendar
 *  date (YYYY-MM-DD) is that day wherever it is read. Used by {{date}} and by documents made outside templates. */
export function readableDate(value: unknown, style?: 'time'): string {
  if (value == null || value === '') return ''
  const d = value instanceof Date ? value : new Date(String(value).length === 10 ? `${value}T00:00:00Z` : String(value))
  if (Number.isNaN(d.getTime())) return String(value)
  const format = style === 'time' ? DATE_FORMATS.time : String(value).length === 10 ? DATE_FORMATS.calendarDay : DATE_FORMATS.day
  return format.format(d)
}

/** {{date value}} → 23 Nov 2026; {{date value "time"}} → 23 Nov 2026, 14:05 */
const date: HelperDelegate = (value: unknown, style: unknown) => readableDate(value, style === 'time' ? 'time' : undefined)

/** {{json value}} for <pre> blocks of audit details (escaped by Handlebars as usual) */
const json: HelperDelegate = (value: unknown) => (value == null ? '' : JSON.stringify(value))

/** {{concat "/s/" urn}}: joins its arguments (the last is Handlebars' options object) */
const concat: HelperDelegate = (...args: unknown[]) => args.slice(0, -1).join('')

/** {{#if (startsWith path "/s/")}} */
const startsWith: HelperDelegate = (value: unknown, prefix: unknown) => typeof value === 'string' && value.startsWith(String(prefix))

export const helpers: Record<string, HelperDelegate> = { eq, date, json, concat, startsWith }
