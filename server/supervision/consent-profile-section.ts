// The pupil profile's "Consent to share with the CAMHS link team" section: the consent now, who gave and
// recorded it, its history, and — for the school's lead and DSLs — the way to record a change. The entry
// point passes this loader to screening's profile route (screening cannot import supervision).
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { consentHistory, mayRecordConsent } from './consent'
import { consentSectionView } from './consent-view-models'

export async function consentProfileSection(db: Kysely<Database>, school: { id: number; urn: string; role: string; isDsl: boolean }, pupilId: number) {
  const history = await consentHistory(db, school.id, pupilId)
  return { partial: 'supervision/consent-section', model: consentSectionView(history, { urn: school.urn, pupilId, canRecord: mayRecordConsent(school) }) }
}
