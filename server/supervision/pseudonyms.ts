// A stable random code per pupil per school ("P-7F3K"), by which the CAMHS link team knows a pupil
// whose consent to share is not recorded. Random, never derived from the name or UPN (a hash of either
// can be guessed: research note §1.5); the key stays in the school's database.
//
// Codes are made on demand, the first time a pupil needs one. That can happen inside a GET (a link
// worker opening an agenda): the one write a page may make besides its audit row. It is acceptable
// because the row is a random key and nothing else: it says nothing about the pupil, it is idempotent
// (a pupil keeps the code they first got) and no page shows different data for it. Writers of agenda
// data should call `pseudonymsFor` in their own transaction, so that pages usually only read.
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** No 0/O or 1/I, so a code read aloud or handwritten on a pack is not misread. */
export const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const PSEUDONYM = /^P-[23456789A-HJ-NP-Z]{4,8}$/

export function isPseudonym(code: string): boolean {
  return PSEUDONYM.test(code)
}

/** A fresh code of `length` characters (4 gives 32^4, about a million, per school). */
export function randomPseudonym(length = 4): string {
  let code = 'P-'
  for (let i = 0; i < length; i++) code += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)]
  return code
}

async function existing(db: Kysely<Database>, schoolId: number, pupilIds: readonly number[]) {
  if (!pupilIds.length) return []
  return db.selectFrom('pupil_pseudonyms').select(['pupil_id', 'code']).where('school_id', '=', schoolId).where('pupil_id', 'in', pupilIds).execute()
}

/**
 * Each pupil's code, making any that are missing. Safe when two requests ask at once: the insert skips
 * a pupil who already has a code (the primary key) and a code another pupil already has (unique per
 * school); whoever lost either race reads what won, and a clashing code is drawn again, longer after
 * repeated clashes (a school whose 4-character codes are filling up). Pupils not of this school are
 * refused by the foreign key, so they never get a code.
 */
export async function pseudonymsFor(db: Kysely<Database>, schoolId: number, pupilIds: readonly number[], draw: (length: number) => string = randomPseudonym): Promise<Map<number, string>> {
  const wanted = [...new Set(pupilIds)]
  const codes = new Map((await existing(db, schoolId, wanted)).map((r) => [r.pupil_id, r.code]))
  for (let attempt = 0; codes.size < wanted.length; attempt++) {
    if (attempt >= 12) throw new Error('could not make unique pseudonyms for this school')
    const length = attempt < 4 ? 4 : attempt < 8 ? 5 : 6
    const missing = wanted.filter((id) => !codes.has(id))
    const drawn = new Set<string>()
    const rows: Array<{ school_id: number; pupil_id: number; code: string }> = []
    for (const pupilId of missing) {
      const code = draw(length)
      if (drawn.has(code)) continue // drawn twice in this round: the pupil waits for the next round
      drawn.add(code)
      rows.push({ school_id: schoolId, pupil_id: pupilId, code })
    }
    await db.insertInto('pupil_pseudonyms').values(rows).onConflict((oc) => oc.doNothing()).execute()
    for (const r of await existing(db, schoolId, missing)) codes.set(r.pupil_id, r.code)
  }
  return codes
}
