// What supervision shows of each pupil on an agenda, loaded once for the discussion page and the pack:
// identity as the viewer may see it, screening, SDQ, attendance, KS2, the letter (themes always; its
// marked words only where identity may be shown; safeguarding passages never), the opportunity, and
// the pupil's discussions, actions and goal ratings across meetings.
import type { Kysely } from 'kysely'
import type { Database, Role } from '../db/schema'
import { label } from '../letters/labels'
import { listLivePlacements } from '../opportunities/placement-store'
import { STATUS_WORDS } from '../opportunities/placements'
import { listLatestLetters, listLatestSdq } from '../pupils/store'
import { reasonLabel } from '../screening/pupil-view-models'
import { currentConsent } from './consent'
import { linkPupilIdentity, nameRedactor, staffPupilIdentity, yearGroupOn, type PupilIdentity } from './link-view'
import { pseudonymsFor } from './pseudonyms'
import * as store from './store'

type Db = Kysely<Database>

export interface Viewer {
  role: Role
  userId: number
}

/**
 * How the viewer may see each pupil. School staff see names; a link worker sees a pupil's name only
 * where consent to share is recorded, else the school's pseudonym. `pseudonymiseAll` forces the
 * pseudonym for everyone (the link team's pack unless printed identified).
 */
export async function identitiesFor(
  db: Db,
  schoolId: number,
  viewer: Viewer | 'link-copy' | 'link-copy-identified',
  pupilIds: readonly number[],
  onDate: string
): Promise<Map<number, PupilIdentity>> {
  const ids = [...new Set(pupilIds)]
  const out = new Map<number, PupilIdentity>()
  if (ids.length === 0) return out
  const pupils = await db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename', 'form', 'dob']).where('school_id', '=', schoolId).where('id', 'in', ids).execute()
  const staff = typeof viewer === 'object' && viewer.role !== 'link'
  if (staff) {
    for (const p of pupils) out.set(p.id, staffPupilIdentity({ ...p, yearGroup: yearGroupOn(p.dob, onDate) }))
    return out
  }
  const consentMayName = viewer !== 'link-copy'
  const [consents, codes] = await Promise.all([consentMayName ? currentConsent(db, schoolId, ids) : Promise.resolve(new Map()), pseudonymsFor(db, schoolId, ids)])
  for (const p of pupils) {
    out.set(p.id, linkPupilIdentity({ ...p, yearGroup: yearGroupOn(p.dob, onDate) }, { consented: consents.get(p.id)?.given === true, code: codes.get(p.id)! }))
  }
  return out
}

export interface LetterView {
  themes: string[]
  excerpts: string[] | null
}

interface AnalysisJson {
  worries?: Array<{ theme?: unknown; text?: unknown }>
  interests?: Array<{ interest?: unknown; text?: unknown }>
}

/** The letter as supervision shows it: its themes in words, and its marked words where allowed. */
export function letterView(
  letter: { analysis: Record<string, unknown> | null; review_worries: string[] | null; review_interests: string[] | null } | undefined,
  excerptsAllowed: boolean
): LetterView | null {
  if (!letter) return null
  const analysis = (letter.analysis ?? {}) as AnalysisJson
  const strings = (xs: unknown[]) => xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '')
  const worries = letter.review_worries ?? strings((analysis.worries ?? []).map((w) => w.theme))
  const interests = letter.review_interests ?? strings((analysis.interests ?? []).map((i) => i.interest))
  const themes = [...new Set([...worries.map((w) => `worried about ${label(w)}`), ...interests.map((i) => `likes ${label(i)}`)])]
  // the marked passages of worries and interests; safeguarding passages stay with the DSL
  const excerpts = [...new Set(strings([...(analysis.worries ?? []), ...(analysis.interests ?? [])].map((m) => m.text)))]
  return { themes, excerpts: excerptsAllowed ? excerpts : null }
}

export type SupervisionRecord = Awaited<ReturnType<typeof loadSupervisionRecords>> extends Map<number, infer R> ? R : never

/** Everything supervision shows of these pupils (already identified or pseudonymised per `identities`). */
export async function loadSupervisionRecords(db: Db, schoolId: number, pupilIds: readonly number[], identities: ReadonlyMap<number, PupilIdentity>) {
  const ids = [...new Set(pupilIds)]
  const wanted = new Set(ids)
  const [sdq, letters, placements, actions, entries, attainment, attendance, results] = await Promise.all([
    listLatestSdq(db, schoolId),
    listLatestLetters(db, schoolId),
    listLivePlacements(db, schoolId),
    store.listActions(db, schoolId, { pupilIds: ids }),
    store.listDiscussionEntries(db, schoolId, { pupilIds: ids }),
    ids.length ? db.selectFrom('attainment').selectAll().where('school_id', '=', schoolId).where('pupil_id', 'in', ids).execute() : Promise.resolve([]),
    ids.length ? db.selectFrom('attendance').selectAll().where('school_id', '=', schoolId).where('pupil_id', 'in', ids).execute() : Promise.resolve([]),
    ids.length ? db.selectFrom('screening_results').select(['pupil_id', 'reasons']).where('school_id', '=', schoolId).where('pupil_id', 'in', ids).execute() : Promise.resolve([])
  ])
  const registers = await store.activePlacementRegisters(db, schoolId)
  const out = new Map<
    number,
    {
      pupilId: number
      identity: PupilIdentity
      reasons: string[]
      sdq: typeof sdq
      letter: LetterView | null
      ks2: { reading: string | null; maths: string | null; gps: string | null; writing: string | null }
      attendance: { percent: number | null; period: string | null }
      opportunity: { name: string; status: string; sessions: number; attended: number } | null
      actions: store.ActionRow[]
      entries: store.DiscussionEntryRow[]
    }
  >()
  for (const id of ids) {
    const identity = identities.get(id)
    if (!identity) continue
    const a = attainment.find((x) => x.pupil_id === id)
    const t = attendance.find((x) => x.pupil_id === id)
    const live = placements.filter((p) => p.pupil_id === id).sort((x, y) => (x.status === 'active' ? -1 : y.status === 'active' ? 1 : 0))[0]
    const register = registers.get(id)
    const r = results.find((x) => x.pupil_id === id)
    out.set(id, {
      pupilId: id,
      identity,
      reasons: ((r?.reasons ?? []) as Array<{ code: string }>).map((x) => reasonLabel(x.code)),
      sdq: sdq.filter((s) => s.pupil_id === id),
      letter: letterView(
        letters.find((l) => l.pupil_id === id),
        identity.excerptsAllowed
      ),
      ks2: {
        reading: a ? (a.ks2_reading_scaled?.toString() ?? a.ks2_reading) : null,
        maths: a ? (a.ks2_maths_scaled?.toString() ?? a.ks2_maths) : null,
        gps: a ? (a.ks2_gps_scaled?.toString() ?? a.ks2_gps) : null,
        writing: a?.ks2_writing ?? null
      },
      attendance: { percent: t && t.possible > 0 ? Math.round(((t.possible - t.absent) * 1000) / t.possible) / 10 : null, period: t?.period ?? null },
      opportunity: live ? { name: live.opportunity_name, status: STATUS_WORDS[live.status].toLowerCase(), sessions: register?.register.length ?? 0, attended: register?.register.filter(Boolean).length ?? 0 } : null,
      actions: actions.filter((x) => x.pupil_id === id),
      entries: entries.filter((x) => x.pupil_id === id && wanted.has(x.pupil_id))
    })
  }
  return out
}

/** The names a link worker may not see in staff's free text: every pupil of the school not shown by name. */
export async function hiddenNamesRedactor(db: Db, schoolId: number, identities: ReadonlyMap<number, PupilIdentity> | null) {
  const pupils = await db.selectFrom('pupils').select(['id', 'forename', 'surname', 'preferred_forename']).where('school_id', '=', schoolId).execute()
  const consented = identities === null ? new Set<number>() : new Set([...identities].filter(([, i]) => i.identified).map(([id]) => id))
  // a pupil named on this page or pack keeps their name; everyone else's is replaced
  const named = new Set(pupils.filter((p) => consented.has(p.id)).flatMap((p) => [p.forename, p.surname, p.preferred_forename ?? ''].map((n) => n.toLowerCase())))
  return nameRedactor(pupils.filter((p) => !consented.has(p.id)).flatMap((p) => [p.forename, p.surname, p.preferred_forename ?? '']).filter((n) => n && !named.has(n.toLowerCase())))
}
