// The re-screen as Lantern did it before it wrote only what differs, kept as the baseline the rescreen
// bench measures against and the reference the screening tests compare with: the same reads (every
// column of the latest letters, the stored results' levels read apart), then every stored result of
// the school deleted and inserted again and the school stamped as screened, changed or not.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { schoolDataVersion } from '../../server/pupils/changes'
import { listLatestLetters, listLatestSdq } from '../../server/pupils/store'
import { screenCohort, type PupilIndicators } from '../../server/screening/rules'
import { letterLabels, loadScreeningSettings, sdqByPupil } from '../../server/screening/service'
import { lockSchoolScreening, type ResultToStore } from '../../server/screening/store'

type Db = Kysely<Database>

const UNREAD_LETTER = 'a letter to self is on record but nobody has read it yet: it awaits the analyser or a member of staff'

async function listPupilIndicatorRows(db: Db, schoolId: number) {
  return db
    .selectFrom('pupils as p')
    .leftJoin('attainment as a', (j) => j.onRef('a.pupil_id', '=', 'p.id').onRef('a.school_id', '=', 'p.school_id'))
    .leftJoin('attendance as t', (j) => j.onRef('t.pupil_id', '=', 'p.id').onRef('t.school_id', '=', 'p.school_id'))
    .select(['p.id', 'p.sen', 'p.fsm', 'p.looked_after', 'p.social_care', 'a.id as attainment_id', 'a.ks2_reading', 'a.ks2_maths', 'a.ks2_gps', 'a.ks2_writing', 't.possible', 't.absent', 't.period'])
    .where('p.school_id', '=', schoolId)
    .orderBy('p.id')
    .execute()
}

async function screenAsBefore(db: Db, schoolId: number) {
  const version = await schoolDataVersion(db, schoolId)
  const { settings } = await loadScreeningSettings(db, schoolId)
  const [pupils, sdqRows, letters] = await Promise.all([listPupilIndicatorRows(db, schoolId), listLatestSdq(db, schoolId), listLatestLetters(db, schoolId)])
  const sdq = sdqByPupil(sdqRows)
  const letterOf = new Map(letters.map((l) => [l.pupil_id, l]))
  const unreadLetter = new Set<number>()
  const indicators = pupils.map((p): PupilIndicators => {
    const letter = letterOf.get(p.id)
    const labels = letter ? letterLabels(letter) : null
    if (letter && !labels) unreadLetter.add(p.id)
    return {
      ks2: p.attainment_id === null ? null : { reading: p.ks2_reading, maths: p.ks2_maths, gps: p.ks2_gps, writing: p.ks2_writing },
      attendance: p.possible === null || p.absent === null ? null : { possible: p.possible, absent: p.absent },
      sdq: sdq.get(p.id) ?? null,
      sen: p.sen,
      lookedAfter: p.looked_after,
      socialCare: p.social_care,
      fsm: p.fsm,
      letter: labels
    }
  })
  const { results } = screenCohort(indicators, settings)
  return {
    version,
    results: results.map((r, i): ResultToStore => {
      const pupilId = pupils[i]!.id
      const reasons = r.reasons.map((reason) => (reason.code === 'LETTER_MISSING' && unreadLetter.has(pupilId) ? { ...reason, evidence: UNREAD_LETTER } : reason))
      return { pupilId, level: r.level, score: r.score, hidden: r.hidden, safeguarding: r.safeguarding, reasons, missing: r.missing }
    })
  }
}

async function replaceResults(db: Db, schoolId: number, results: readonly ResultToStore[]) {
  const previous = new Map((await db.selectFrom('screening_results').select(['pupil_id', 'level']).where('school_id', '=', schoolId).execute()).map((r) => [r.pupil_id, r.level]))
  await db.deleteFrom('screening_results').where('school_id', '=', schoolId).execute()
  for (let i = 0; i < results.length; i += 1000) {
    const chunk = results.slice(i, i + 1000)
    await db
      .insertInto('screening_results')
      .values(chunk.map((r) => ({ school_id: schoolId, pupil_id: r.pupilId, level: r.level, score: r.score, hidden: r.hidden, safeguarding: r.safeguarding, reasons: JSON.stringify(r.reasons), missing: JSON.stringify(r.missing) })))
      .execute()
    const changed = chunk.filter((r) => previous.get(r.pupilId) !== r.level)
    if (changed.length) await db.insertInto('level_suggestions').values(changed.map((r) => ({ school_id: schoolId, pupil_id: r.pupilId, level: r.level, score: r.score }))).execute()
  }
}

/** Re-screens the school the old way: every result deleted and written again, in one transaction under the screening lock. */
export async function rescreenInFull(db: Db, schoolId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockSchoolScreening(trx, schoolId)
    const { version, results } = await screenAsBefore(trx, schoolId)
    await replaceResults(trx, schoolId, results)
    await trx
      .insertInto('screening_settings')
      .values({ school_id: schoolId, screened_at: sql<Date>`now()`, screened_version: version })
      .onConflict((oc) => oc.column('school_id').doUpdateSet({ screened_at: sql<Date>`now()`, screened_version: version }))
      .execute()
  })
}
