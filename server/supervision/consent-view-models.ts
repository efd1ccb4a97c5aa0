// What the consent pages and the share log show: pure functions over loaded rows.
import { CONSENT_GIVERS, GIVER_ROLE_WORDS, GIVER_WORDS, type ConsentEvent } from './consent'
import type { ShareRow } from './shares'

export interface ConsentEventView {
  kind: string
  tag: string
  by: string
  givenOn: string
  purpose: string
  recordedBy: string
  recordedAt: Date
}

function eventView(e: ConsentEvent): ConsentEventView {
  return {
    kind: e.given ? 'Given' : 'Withdrawn',
    tag: e.given ? 'govuk-tag--green' : 'govuk-tag--grey',
    by: `${e.givenByName} (${GIVER_ROLE_WORDS[e.givenBy]})`,
    givenOn: e.givenOn,
    purpose: e.purpose,
    recordedBy: e.recordedBy ?? 'a former member of staff',
    recordedAt: e.recordedAt
  }
}

/** The profile's consent section: the status now, the history, and the way to change it for those who may. */
export function consentSectionView(history: readonly ConsentEvent[], opts: { urn: string; pupilId: number; canRecord: boolean }) {
  const current = history[0] ?? null
  return {
    current: current ? eventView(current) : null,
    given: current?.given === true,
    history: history.map(eventView),
    earlier: history.length > 1,
    recordHref: opts.canRecord ? `/s/${opts.urn}/pupils/${opts.pupilId}/consent` : null,
    recordText: current?.given ? 'Record that consent is withdrawn' : 'Record consent given',
    sharesHref: opts.canRecord ? `/s/${opts.urn}/supervision/shares` : null
  }
}

export interface ConsentFormValues {
  kind?: string
  given_by?: string
  given_by_name?: string
  purpose?: string
  given_on_day?: string
  given_on_month?: string
  given_on_year?: string
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** The consent form: the pupil, their consent now, the fields as typed (or the defaults), and the history. */
export function consentFormView(opts: { urn: string; pupilId: number; pupilName: string; history: readonly ConsentEvent[]; values: ConsentFormValues; fieldError?: Record<string, string> }) {
  const section = consentSectionView(opts.history, { urn: opts.urn, pupilId: opts.pupilId, canRecord: true })
  // a withdrawal is the likely change when consent stands, a new consent otherwise
  const kind = text(opts.values.kind) || (section.given ? 'withdrawn' : 'given')
  const givenBy = text(opts.values.given_by)
  return {
    title: `Consent to share: ${opts.pupilName}`,
    pupilName: opts.pupilName,
    action: `/s/${opts.urn}/pupils/${opts.pupilId}/consent`,
    backHref: `/s/${opts.urn}/pupils/${opts.pupilId}#consent`,
    section,
    // with no consent on record there is nothing to withdraw, so the form records consent given
    kinds: section.given
      ? [
          { id: 'kind', value: 'withdrawn', text: 'Consent withdrawn', checked: kind === 'withdrawn' },
          { id: 'kind-given', value: 'given', text: 'Consent given again (for example for a new purpose)', checked: kind === 'given' }
        ]
      : null,
    givers: CONSENT_GIVERS.map((g, i) => ({
      id: i === 0 ? 'given_by' : `given_by-${g}`,
      value: g,
      text: GIVER_WORDS[g],
      hint: g === 'pupil' ? 'Only where the pupil understands what will be shared and why, and can decide for themselves (Gillick competence).' : null,
      checked: givenBy === g
    })),
    text: {
      given_by_name: text(opts.values.given_by_name),
      purpose: opts.values.purpose === undefined ? '' : text(opts.values.purpose),
      given_on_day: text(opts.values.given_on_day),
      given_on_month: text(opts.values.given_on_month),
      given_on_year: text(opts.values.given_on_year)
    },
    fieldError: opts.fieldError ?? {}
  }
}

/** The share log: each share with its pupils, named and linked to their profiles for the school's staff. */
export function shareLogView(opts: { urn: string; rows: readonly ShareRow[]; names: ReadonlyMap<number, string>; nextBefore: string | null; first: boolean }) {
  return {
    title: 'What has been shared with the CAMHS link team',
    shares: opts.rows.map((r) => {
      const identified = new Set(r.identifiedPupilIds)
      return {
        at: r.at,
        by: r.by ?? 'a former member of staff',
        sharedWith: r.sharedWith,
        what: r.what,
        purpose: r.purpose,
        count: r.pupilIds.length,
        identifiedCount: identified.size,
        pupils: r.pupilIds.map((id) => {
          const name = opts.names.get(id)
          return { name: name ?? 'A pupil no longer on record', href: name ? `/s/${opts.urn}/pupils/${id}` : null, named: identified.has(id) }
        })
      }
    }),
    empty: opts.rows.length === 0,
    nextHref: opts.nextBefore ? `/s/${opts.urn}/supervision/shares?before=${opts.nextBefore}` : null,
    firstHref: opts.first ? null : `/s/${opts.urn}/supervision/shares`
  }
}
