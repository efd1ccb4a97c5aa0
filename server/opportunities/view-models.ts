// The catalogue pages: rows and form values → exactly what the templates show. Pure: plain data in,
// plain data out, so each view is tested with plain objects.
import { ELIGIBILITY_RULES, ELIGIBILITY_RULE_WORDS, OPPORTUNITY_CATEGORIES, OPPORTUNITY_CATEGORY_WORDS, WEEKDAYS, WEEKDAY_WORDS, type OpportunityCategory, type OpportunitySlot } from '../vocabulary'
import type { Opportunity } from '../db/schema'
import { INTERESTS, WORRY_THEMES } from '../letters/analyser'
import { label } from '../letters/labels'
import { describeReason, isReasonCode, REASONS } from '../screening/reasons'
import { clashesOf, slotText } from './schedule'
import { FORM_SLOTS, YEAR_GROUPS } from './schemas'

/**
 * Screening reasons an opportunity can serve. A safeguarding match goes to the DSL, not to a club,
 * and a missing letter is a gap in the data, not a need.
 */
const NEED_REASONS = REASONS.filter((r) => r.code !== 'LETTER_SAFEGUARDING' && r.code !== 'LETTER_MISSING')

/** What the catalogue shows of an opportunity. */
export type CatalogueRow = Pick<Opportunity, 'id' | 'name' | 'category' | 'min_places' | 'capacity' | 'interests' | 'needs' | 'year_groups' | 'forms' | 'rule' | 'lead' | 'schedule' | 'slots' | 'pupil_description' | 'archived_at'>

/** A need in words: a worry theme as letters name it, a reason code as screening names it. */
export function needText(need: string): string {
  return isReasonCode(need) ? describeReason(need).label : label(need)
}

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function placesText(min: number, max: number): string {
  if (min === max) return `${max} ${max === 1 ? 'place' : 'places'}`
  if (min === 0) return `Up to ${max} places`
  return `${min} to ${max} places`
}

export function yearGroupsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b)
  const run = sorted.length > 2 && sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1)
  if (run) return `Years ${sorted[0]} to ${sorted[sorted.length - 1]}`
  return sorted.length === 1 ? `Year ${sorted[0]}` : `Years ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`
}

/** Who it is for, in one line: "Year 7 · forms 7A, 7B · only pupils with SEN support". */
export function eligibilityText(o: Pick<CatalogueRow, 'year_groups' | 'forms' | 'rule'>): string {
  const parts = [yearGroupsText(o.year_groups), o.forms.length ? `${o.forms.length === 1 ? 'form' : 'forms'} ${o.forms.join(', ')}` : 'every form']
  if (o.rule) parts.push(ELIGIBILITY_RULE_WORDS[o.rule].replace(/^Only/, 'only'))
  return parts.join(' · ')
}

function itemOf(o: CatalogueRow, urn: string, clashes: string[]) {
  return {
    id: o.id,
    name: o.name,
    places: placesText(o.min_places, o.capacity),
    when: o.slots.map(slotText),
    timeNotSet: o.slots.length === 0,
    schedule: o.schedule,
    lead: o.lead,
    interests: o.interests.map(label).join(', '),
    needs: o.needs.map(needText).join(', '),
    eligibility: eligibilityText(o),
    description: o.pupil_description,
    clashes: clashes.join(', '),
    editHref: `/s/${urn}/opportunities/${o.id}/edit`,
    restoreAction: `/s/${urn}/opportunities/${o.id}/restore`
  }
}

/** The catalogue: current opportunities grouped by category (in the order), archived ones apart. */
export function catalogueView(rows: readonly CatalogueRow[], urn: string, canEdit: boolean) {
  const current = rows.filter((o) => o.archived_at === null)
  const clashes = clashesOf(current)
  const groups = OPPORTUNITY_CATEGORIES.map((category) => ({
    category,
    heading: OPPORTUNITY_CATEGORY_WORDS[category],
    items: current.filter((o) => o.category === category).map((o) => itemOf(o, urn, clashes.get(o.id) ?? []))
  })).filter((g) => g.items.length > 0)
  return {
    title: 'Opportunities',
    canEdit,
    newHref: `/s/${urn}/opportunities/new`,
    groups,
    count: current.length,
    places: current.reduce((n, o) => n + o.capacity, 0),
    timeNotSet: current.filter((o) => o.slots.length === 0).length,
    archived: rows.filter((o) => o.archived_at !== null).map((o) => itemOf(o, urn, []))
  }
}

/** The form's fields as the page holds them: text, or several texts for ticked boxes. */
export type FormValues = Record<string, string | string[] | undefined>

/** An opportunity as the form's values, for its edit page. */
export function formValuesOf(o: CatalogueRow): FormValues {
  const values: FormValues = {
    name: o.name, category: o.category, min_places: String(o.min_places), capacity: String(o.capacity),
    interests: o.interests, needs: o.needs, year_groups: o.year_groups.map(String), forms: o.forms, rule: o.rule ?? 'none',
    lead: o.lead ?? '', schedule: o.schedule ?? '', pupil_description: o.pupil_description ?? ''
  }
  o.slots.forEach((slot: OpportunitySlot, i) => {
    values[`slot${i + 1}_day`] = String(slot.weekday)
    values[`slot${i + 1}_start`] = slot.start
    values[`slot${i + 1}_end`] = slot.end
  })
  return values
}

/** A new opportunity's starting values: Year 7, every form, no rule. */
export const NEW_FORM_VALUES: FormValues = Object.freeze({ year_groups: ['7'], rule: 'none', min_places: '0' })

const listOf = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const textOf = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))

function boxes(name: string, options: ReadonlyArray<{ value: string; text: string }>, ticked: readonly string[]) {
  return options.map((o, i) => ({ ...o, id: i === 0 ? name : `${name}-${i + 1}`, name, checked: ticked.includes(o.value) }))
}

export interface FormPage {
  urn: string
  /** null for a new opportunity */
  opportunity: Pick<CatalogueRow, 'id' | 'name' | 'archived_at' | 'schedule' | 'slots'> | null
  values: FormValues
  /** the school's forms, from its pupils' records */
  schoolForms: readonly string[]
  /** field → message, for fields shown side by side that share one error area */
  fieldError?: Readonly<Record<string, string>>
}

/** The add and edit page: every field with its value, the options to tick, and where it posts. */
export function opportunityFormView({ urn, opportunity, values, schoolForms, fieldError = {} }: FormPage) {
  const errorsOf = (ids: string[]) => ids.filter((id) => fieldError[id]).map((id) => ({ id: `${id}-error`, message: fieldError[id] }))
  const ticked = (name: string) => listOf(values[name])
  const needs = ticked('needs')
  const knownNeeds = new Set<string>([...WORRY_THEMES, ...NEED_REASONS.map((r) => r.code)])
  const formNames = [...new Set([...schoolForms, ...ticked('forms')])].sort()
  const base = `/s/${urn}/opportunities`
  return {
    title: opportunity ? `Edit ${opportunity.name}` : 'Add an opportunity',
    heading: opportunity ? opportunity.name : 'Add an opportunity',
    action: opportunity ? `${base}/${opportunity.id}` : base,
    archiveAction: opportunity && opportunity.archived_at === null ? `${base}/${opportunity.id}/archive` : null,
    archived: opportunity?.archived_at != null,
    backHref: base,
    backText: 'Back to opportunities',
    submitText: opportunity ? 'Save changes' : 'Add opportunity',
    placesErrors: errorsOf(['min_places', 'capacity']),
    text: Object.fromEntries(['name', 'min_places', 'capacity', 'lead', 'schedule', 'pupil_description'].map((k) => [k, textOf(values[k])])),
    categories: OPPORTUNITY_CATEGORIES.map((c: OpportunityCategory, i) => ({ value: c, text: OPPORTUNITY_CATEGORY_WORDS[c], id: i === 0 ? 'category' : `category-${i + 1}`, checked: textOf(values.category) === c })),
    interests: boxes('interests', INTERESTS.map((k) => ({ value: k, text: sentenceCase(label(k)) })), ticked('interests')),
    worries: boxes('needs', WORRY_THEMES.map((k) => ({ value: k, text: sentenceCase(label(k)) })), needs),
    reasons: boxes('needs', NEED_REASONS.map((r) => ({ value: r.code, text: r.label })), needs).map((b, i) => ({ ...b, id: `needs-reason-${i + 1}` })),
    otherNeeds: needs.filter((n) => !knownNeeds.has(n)),
    yearGroups: boxes('year_groups', YEAR_GROUPS.map((y) => ({ value: String(y), text: `Year ${y}` })), ticked('year_groups')),
    forms: boxes('forms', formNames.map((f) => ({ value: f, text: f })), ticked('forms')),
    rules: [{ value: 'none', text: 'No other rule' }, ...ELIGIBILITY_RULES.map((r) => ({ value: r, text: ELIGIBILITY_RULE_WORDS[r] }))].map((r, i) => ({ ...r, id: i === 0 ? 'rule' : `rule-${i + 1}`, checked: (textOf(values.rule) || 'none') === r.value })),
    slots: Array.from({ length: FORM_SLOTS }, (_, i) => {
      const n = i + 1
      const day = textOf(values[`slot${n}_day`])
      return {
        n,
        dayId: `slot${n}_day`, startId: `slot${n}_start`, endId: `slot${n}_end`,
        days: [{ value: '', text: n === 1 ? 'Choose a day' : 'No second session', selected: day === '' }, ...WEEKDAYS.map((d) => ({ value: String(d), text: WEEKDAY_WORDS[d], selected: day === String(d) }))],
        start: textOf(values[`slot${n}_start`]),
        end: textOf(values[`slot${n}_end`]),
        errors: errorsOf([`slot${n}_day`, `slot${n}_start`, `slot${n}_end`])
      }
    }),
    unreadWording: opportunity && opportunity.slots.length === 0 && opportunity.schedule ? opportunity.schedule : null
  }
}
