// Letters: analysed on arrival and again when the analyser changes; a safeguarding match raises an
// alert for the school's DSLs at once; staff review what the analyser said, and both are kept.
import type { Concern } from '../vocabulary'
import type { Kysely } from 'kysely'
import type { AlertOutcome, Database } from '../db/schema'
import { recordAudit } from '../platform/audit'
import { ConflictError, NotFoundError } from '../platform/errors'
import { analyseLetter, ANALYSER_VERSION, type LetterAnalysis } from './analyser'
import { label } from './schemas'
import * as store from './store'
import { schoolDataChanged } from '../pupils/changes'

/** Raises one alert for every letter whose safeguarding matches have no alert yet; returns how many. */
export async function raiseAlerts(db: Kysely<Database>, schoolId: number | null): Promise<number> {
  const letters = await store.lettersNeedingAlerts(db, schoolId)
  for (const letter of letters) {
    const analysis = letter.analysis as unknown as LetterAnalysis
    const passages = analysis.safeguarding.map((s) => ({ category: s.category, text: s.text, start: s.start, end: s.end, ...(s.learned ? { learned: true as const } : {}) }))
    const categories = [...new Set(passages.map((p) => p.category))]
    const { id } = await store.insertAlert(db, { schoolId: letter.school_id, pupilId: letter.pupil_id, letterId: letter.id, categories, passages, letterText: letter.text })
    await store.insertAlertEvent(db, { schoolId: letter.school_id, alertId: id, userId: null, action: 'raised', note: `Matched in the letter: ${categories.map(label).join(', ')}` })
    await recordAudit(db, { action: 'safeguarding_alert_raised', schoolId: letter.school_id, subjectType: 'pupil', subjectId: letter.pupil_id, detail: { alert: id, categories } })
  }
  return letters.length
}

/** Analyses every letter not yet analysed by this version of the analyser, in batches, then raises alerts. */
export async function analysePendingLetters(db: Kysely<Database>): Promise<{ analysed: number; alerts: number }> {
  let analysed = 0
  for (;;) {
    const batch = await store.lettersToAnalyse(db, ANALYSER_VERSION, 500)
    if (batch.length === 0) break
    await db.transaction().execute(async (trx) => {
      for (const letter of batch) {
        const analysis = analyseLetter(letter.text)
        await store.saveAnalysis(trx, letter.school_id, letter.id, { concern: analysis.concern, analysis, version: ANALYSER_VERSION })
      }
      for (const schoolId of new Set(batch.map((l) => l.school_id))) await schoolDataChanged(trx, schoolId)
    })
    analysed += batch.length
  }
  const alerts = await raiseAlerts(db, null)
  return { analysed, alerts }
}

/** A letter typed or pasted on the pupil's page: stored, analysed, and any alert raised, in one transaction. */
export async function addLetter(db: Kysely<Database>, by: { schoolId: number; userId: number; ip: string }, pupilId: number, text: string, writtenOn: string | null) {
  return db.transaction().execute(async (trx) => {
    const pupil = await trx.selectFrom('pupils').select('id').where('school_id', '=', by.schoolId).where('id', '=', pupilId).executeTakeFirst()
    if (!pupil) throw new NotFoundError()
    const clash = await trx
      .selectFrom('letters')
      .select('id')
      .where('school_id', '=', by.schoolId)
      .where('pupil_id', '=', pupilId)
      .where((eb) => (writtenOn === null ? eb('written_on', 'is', null) : eb('written_on', '=', writtenOn)))
      .executeTakeFirst()
    if (clash) throw new ConflictError(writtenOn ? `This pupil already has a letter dated ${writtenOn}. Choose another date.` : 'This pupil already has an undated letter. Give this one a date.')
    const { id } = await store.insertLetter(trx, by.schoolId, pupilId, text, writtenOn)
    const analysis = analyseLetter(text)
    await store.saveAnalysis(trx, by.schoolId, id, { concern: analysis.concern, analysis, version: ANALYSER_VERSION })
    await recordAudit(trx, { action: 'letter_added', userId: by.userId, schoolId: by.schoolId, subjectType: 'pupil', subjectId: pupilId, ip: by.ip, detail: { letter: id } })
    await raiseAlerts(trx, by.schoolId)
    await schoolDataChanged(trx, by.schoolId)
    return { id, analysis }
  })
}

export async function reviewLetter(
  db: Kysely<Database>,
  by: { schoolId: number; userId: number; ip: string },
  letterId: number,
  review: { concern: Concern; worries: string[]; interests: string[]; note: string | null }
) {
  return db.transaction().execute(async (trx) => {
    const letter = await store.findLetter(trx, by.schoolId, letterId)
    if (!letter) throw new NotFoundError()
    await store.saveReview(trx, by.schoolId, letterId, { ...review, userId: by.userId, analyserConcern: letter.concern })
    await recordAudit(trx, {
      action: 'letter_reviewed',
      userId: by.userId,
      schoolId: by.schoolId,
      subjectType: 'pupil',
      subjectId: letter.pupil_id,
      ip: by.ip,
      detail: { letter: letterId, analyser: letter.concern, decided: review.concern }
    })
    await schoolDataChanged(trx, by.schoolId)
    return letter.pupil_id
  })
}

export const OUTCOMES: Record<AlertOutcome, string> = {
  referral_made: 'Referral made (children’s social care, police or another agency)',
  already_known: 'Already known and being acted on',
  not_a_concern: 'Not a safeguarding concern'
}

export async function recordAlertOutcome(
  db: Kysely<Database>,
  by: { schoolId: number; userId: number; ip: string },
  alertId: number,
  outcome: AlertOutcome,
  reason: string
) {
  return db.transaction().execute(async (trx) => {
    const alert = await store.findAlert(trx, by.schoolId, alertId)
    if (!alert) throw new NotFoundError()
    await store.recordOutcome(trx, by.schoolId, alertId, { outcome, reason, userId: by.userId })
    await store.insertAlertEvent(trx, { schoolId: by.schoolId, alertId, userId: by.userId, action: alert.status === 'open' ? outcome : `changed to ${outcome}`, note: reason })
    await recordAudit(trx, { action: 'safeguarding_alert_handled', userId: by.userId, schoolId: by.schoolId, subjectType: 'pupil', subjectId: alert.pupil_id, ip: by.ip, detail: { alert: alertId, outcome } })
  })
}
