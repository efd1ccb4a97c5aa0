// Loads synthetic pupils through the real import runner, so screening is tested on data as imports store it.
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/schema'
import { runImport, type LetterAnalysis } from '../../server/imports/service'
import { upnCheckLetter } from '../../server/imports/upn'

export const TODAY = '2026-11-23'

/** A valid UPN for serial n (LA 380, establishment 2093, year 24). */
export function upn(n: number): string {
  const body = `380209324${String(n).padStart(3, '0')}`
  return upnCheckLetter(`?${body}`) + body
}

export interface TestPupil {
  n: number
  surname?: string
  forename?: string
  form?: string
  sen?: 'N' | 'K' | 'E'
  fsm?: boolean
  lookedAfter?: boolean
  socialCare?: 'none' | 'CIN' | 'CP'
  ks2?: { reading?: string; maths?: string; gps?: string; writing?: string }
  attendance?: { possible: number; absent: number }
  /** pre-scored SDQ per informant: emotional, conduct, hyperactivity, peer, prosocial, impact */
  sdq?: Partial<Record<'self' | 'parent' | 'teacher', [number, number, number, number, number, number]>>
  letter?: { text: string; analysis?: LetterAnalysis }
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n')
const yn = (b: boolean | undefined) => (b === undefined ? '' : b ? 'Y' : 'N')

export async function loadPupils(db: Kysely<Database>, schoolId: number, userId: number | null, pupils: readonly TestPupil[]) {
  const run = async (fileName: string, rows: string[][], analyses?: Map<string, LetterAnalysis>) => {
    if (rows.length < 2) return
    const r = await runImport(db, {
      schoolId,
      userId,
      fileName,
      content: csv(rows),
      today: TODAY,
      ...(analyses ? { analyseLetter: (text: string) => analyses.get(text) ?? { concern: 'none' } } : {})
    })
    if (r.errors.length) throw new Error(`${fileName}: ${JSON.stringify(r.errors)}`)
  }
  await run('pupils.csv', [
    ['upn', 'surname', 'forename', 'dob', 'form', 'sen', 'fsm', 'looked_after', 'social_care'],
    ...pupils.map((p) => [upn(p.n), p.surname ?? `Surname${p.n}`, p.forename ?? `Pupil${p.n}`, '2014-10-01', p.form ?? '7A', p.sen ?? '', yn(p.fsm), yn(p.lookedAfter), p.socialCare ?? ''])
  ])
  await run('attainment.csv', [
    ['upn', 'ks2_reading', 'ks2_maths', 'ks2_gps', 'ks2_writing'],
    ...pupils.filter((p) => p.ks2).map((p) => [upn(p.n), p.ks2!.reading ?? '', p.ks2!.maths ?? '', p.ks2!.gps ?? '', p.ks2!.writing ?? ''])
  ])
  await run('attendance.csv', [
    ['upn', 'sessions_possible', 'sessions_absent'],
    ...pupils.filter((p) => p.attendance).map((p) => [upn(p.n), String(p.attendance!.possible), String(p.attendance!.absent)])
  ])
  await run('sdq.csv', [
    ['upn', 'informant', 'completed_on', 'emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial', 'impact'],
    ...pupils.flatMap((p) => Object.entries(p.sdq ?? {}).map(([informant, s]) => [upn(p.n), informant, '2026-10-01', ...s.map(String)]))
  ])
  const analyses = new Map<string, LetterAnalysis>()
  for (const p of pupils) if (p.letter?.analysis) analyses.set(p.letter.text, p.letter.analysis)
  const withLetters = pupils.filter((p) => p.letter)
  const analysed = withLetters.filter((p) => p.letter!.analysis)
  const unread = withLetters.filter((p) => !p.letter!.analysis)
  await run('letters.csv', [['upn', 'written_on', 'letter'], ...analysed.map((p) => [upn(p.n), '2026-07-03', p.letter!.text])], analyses)
  await run('letters.csv', [['upn', 'written_on', 'letter'], ...unread.map((p) => [upn(p.n), '2026-07-03', p.letter!.text])])
}

export async function pupilId(db: Kysely<Database>, schoolId: number, n: number): Promise<number> {
  const row = await db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).where('upn', '=', upn(n)).executeTakeFirstOrThrow()
  return row.id
}
