// One pupil's profile: a loader that returns fully loaded plain data, and a pure view over it, so the
// page and (later) the supervision pack show the same facts the same way.
import type { Kysely } from 'kysely'
import type { Database, StoredReason } from '../db/schema'
import { sdqProfile } from '../charts/charts'
import { chartMarkup } from '../charts/markup'
import { label } from '../letters/labels'
import { markLetter } from '../letters/view-models'
import { displayName } from '../pupils/names'
import { SDQ_INFORMANT_LABELS, SDQ_SCALE_LABELS } from '../sdq/labels'
import { levelView, missingWords, reasonsView } from './pupil-view-models'
import { attendancePercent, LEVEL_LABELS, LEVELS, SDQ_INFORMANTS, type Level } from './rules'
import { letterLabels, sdqByPupil } from './service'
import * as store from './store'
import { NotFoundError } from '../platform/errors'

/** Everything the profile shows, read in one go. Null when the school has no such pupil. */
export async function loadPupilProfile(db: Kysely<Database>, schoolId: number, pupilId: number) {
  const pupil = await store.findPupil(db, schoolId, pupilId)
  if (!pupil) return null
  const [records, sdqRows, letters, decisions, suggestions] = await Promise.all([
    store.findPupilRecords(db, schoolId, pupilId),
    store.listLatestSdq(db, schoolId, pupilId),
    store.listLatestLetters(db, schoolId, pupilId),
    store.listDecisions(db, schoolId, pupilId),
    store.listSuggestions(db, schoolId, pupilId)
  ])
  return { pupil, ...records, sdq: sdqByPupil(sdqRows).get(pupilId) ?? {}, letter: letters[0] ?? null, decisions, suggestions }
}

export type PupilProfileData = NonNullable<Awaited<ReturnType<typeof loadPupilProfile>>>

/** The profile page's model: pure, over loaded data. */
export function profileView(data: PupilProfileData, urn: string) {
  const { pupil, attainment, attendance, result, sdq, letter, decisions, suggestions } = data
  const informants = SDQ_INFORMANTS.filter((i) => sdq[i]).map((i) => ({ informant: i, ...sdq[i]! }))
  const labels = letter ? letterLabels(letter) : null
  const suggested = (result?.level ?? null) as Level | null
  const decided = (decisions[0]?.level ?? null) as Level | null
  const name = displayName(pupil)
  return {
    title: name,
    // only what the page shows of the pupil's row
    pupil: { id: pupil.id, upn: pupil.upn, dob: pupil.dob, form: pupil.form, primary_school: pupil.primary_school, sen_need: pupil.sen_need },
    name,
    backHref: `/s/${urn}/pupils`,
    backText: 'All pupils',
    flags: {
      sen: pupil.sen === 'K' ? 'SEN support (K)' : pupil.sen === 'E' ? 'Education, health and care plan (E)' : pupil.sen === 'N' ? 'No SEN' : 'Not known',
      fsm: pupil.fsm === null ? 'Not known' : pupil.fsm ? 'Yes' : 'No',
      lookedAfter: pupil.looked_after === null ? 'Not known' : pupil.looked_after ? 'Yes' : 'No',
      socialCare: pupil.social_care === 'CIN' ? 'Child in need (CIN)' : pupil.social_care === 'CP' ? 'Child protection plan (CP)' : pupil.social_care === 'none' ? 'None' : 'Not known'
    },
    ks2: attainment
      ? [
          ['Reading', attainment.ks2_reading],
          ['Maths', attainment.ks2_maths],
          ['Grammar, punctuation and spelling', attainment.ks2_gps],
          ['Writing (teacher assessment)', attainment.ks2_writing]
        ].map(([subject, value]) => ({ subject, value: value ?? 'Not recorded' }))
      : null,
    attendance: attendance
      ? { percent: attendancePercent({ possible: attendance.possible, absent: attendance.absent })?.toFixed(1) ?? '–', possible: attendance.possible, absent: attendance.absent, period: attendance.period }
      : null,
    sdq: informants.length
      ? {
          chart: chartMarkup(sdqProfile({ title: `SDQ profile for ${name}`, informants: informants.map((i) => ({ informant: i.informant, scores: i, bands: i.bands })) })),
          table: SDQ_SCALE_LABELS.map(([scale, label]) => ({
            label,
            cells: informants.map((i) => ({ score: i[scale] ?? '–', band: i.bands[scale]?.replace(/_/g, ' ') ?? 'no band' }))
          })),
          informants: informants.map((i) => ({ label: SDQ_INFORMANT_LABELS[i.informant], completedOn: i.completedOn }))
        }
      : null,
    letter: letter
      ? {
          id: letter.id,
          writtenOn: letter.written_on,
          reviewed: letter.review_concern !== null,
          segments: markLetter(letter.text, letter.analysis),
          concern: labels?.concern ?? null,
          read: labels !== null,
          safeguarding: labels?.safeguarding.map(label) ?? []
        }
      : null,
    result: result
      ? { score: result.score, hidden: result.hidden, safeguarding: result.safeguarding, computedAt: result.computed_at, reasons: reasonsView(result.reasons as StoredReason[]), missing: missingWords(result.missing) }
      : null,
    suggested: levelView(suggested),
    decided: levelView(decided),
    level: levelView(decided ?? suggested),
    decisions: decisions.map((d) => ({ ...d, level: levelView(d.level), suggested: levelView(d.suggested_level) })),
    suggestions: suggestions.map((s) => ({ ...s, level: levelView(s.level) })),
    levelOptions: LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))
  }
}

/** The profile page for one pupil, or a not-found error when the school has none. */
export async function pupilProfileModel(db: Kysely<Database>, schoolId: number, urn: string, pupilId: number) {
  const data = await loadPupilProfile(db, schoolId, pupilId)
  if (!data) throw new NotFoundError()
  return profileView(data, urn)
}
