// A synthetic Year 7 intake for the demo school, loaded through the real import runner and screened, so a
// new user sees the dashboard, the pupil list and profiles working at once. Every name and letter is invented;
// the letters' readings are written by hand here (the demo does not depend on the letter analyser).
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { runImport, type LetterAnalysis } from '../imports/service'
import { upnCheckLetter } from '../imports/upn'
import { plausibleYear7Dob } from '../imports/values'
import { rescreenSchool } from '../screening/service'

const SURNAMES = ['Adeyemi', 'Brennan', 'Chowdhury', 'Davies', 'Evans', 'Fernandes', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Kowalska', 'Lewis', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Roberts', 'Singh', 'Thomas', 'Usman', 'Walsh', 'Yilmaz', 'Zhang']
const FORENAMES = ['Amara', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Farah', 'George', 'Hana', 'Isaac', 'Jade', 'Kai', 'Lily', 'Mohammed', 'Nia', 'Oscar', 'Priya', 'Reuben', 'Sofia', 'Theo', 'Zara']
const FORMS = ['7A', '7B', '7C', '7D', '7E']

interface DemoLetter {
  text: string
  concern: 'none' | 'some' | 'high'
  worries?: Array<[theme: string, words: string]>
  interests?: Array<[interest: string, words: string]>
  safeguarding?: Array<[category: string, words: string]>
}

const LETTERS: DemoLetter[] = [
  { text: 'Dear future me, I cannot wait to play football for the school team and do experiments in science. I hope I make lots of friends.', concern: 'none', interests: [['football', 'play football'], ['science', 'experiments in science']] },
  { text: 'Hi me. I am a bit nervous about getting lost because the school is so big, but I am excited about drama club.', concern: 'some', worries: [['getting_lost', 'getting lost']], interests: [['drama', 'drama club']] },
  { text: 'Dear me, I hope the homework is not too hard. I like drawing and my cat. Be brave!', concern: 'some', worries: [['workload', 'homework']], interests: [['art', 'drawing'], ['animals', 'my cat']] },
  { text: 'I am really scared about starting. I do not know anyone and I think nobody will talk to me. I cry at night about it.', concern: 'high', worries: [['friendships', 'I do not know anyone'], ['general_anxiety', 'I am really scared']] },
  { text: 'Dear future me. I worry about the older kids being mean. I like coding and making games on the computer.', concern: 'some', worries: [['older_pupils', 'older kids being mean']], interests: [['computing', 'coding'], ['gaming', 'making games']] },
  { text: 'Hello. I am excited for netball and music lessons. I hope the teachers are kind.', concern: 'none', interests: [['netball', 'netball'], ['music', 'music lessons']] },
  { text: 'Dear me, I do not want to go home after school because dad shouts and hits me. I like swimming.', concern: 'high', safeguarding: [['physical_abuse', 'dad shouts and hits me']], interests: [['swimming', 'swimming']] },
  { text: 'I feel sad most days and I do not think it will get better at the new school. I like reading on my own.', concern: 'high', worries: [['self_esteem', 'I feel sad most days']], interests: [['reading', 'reading']] }
]

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let x = Math.imul(s ^ (s >>> 15), 1 | s)
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

function demoUpn(n: number): string {
  const body = `999001026${String(n).padStart(3, '0')}`
  return upnCheckLetter(`?${body}`) + body
}

function analysisOf(letter: DemoLetter): LetterAnalysis {
  const span = (words: string) => ({ text: words, start: letter.text.indexOf(words), end: letter.text.indexOf(words) + words.length })
  return {
    concern: letter.concern,
    version: 'demo',
    worries: (letter.worries ?? []).map(([theme, words]) => ({ theme, ...span(words) })),
    interests: (letter.interests ?? []).map(([interest, words]) => ({ interest, ...span(words) })),
    safeguarding: (letter.safeguarding ?? []).map(([category, words]) => ({ category, ...span(words) }))
  }
}

const csv = (rows: Array<Array<string | number>>) => Buffer.from(rows.map((r) => r.map((v) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\n') + '\n')

/** Adds the synthetic intake when the school has no pupils yet; returns how many pupils were added. */
export async function seedDemoPupils(db: Kysely<Database>, schoolId: number, today = new Date().toISOString().slice(0, 10), count = 120): Promise<number> {
  const existing = await db.selectFrom('pupils').select('id').where('school_id', '=', schoolId).limit(1).executeTakeFirst()
  if (existing) return 0
  const r = random(2026)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  const { earliest } = plausibleYear7Dob(today)
  const born = (i: number) => new Date(Date.parse(`${Number(earliest.slice(0, 4)) + 1}-09-01T00:00:00Z`) + (i * 2.9 % 365) * 86_400_000).toISOString().slice(0, 10)
  const score = () => String(Math.min(120, Math.max(80, Math.round(103 + (r() + r() + r() - 1.5) * 14))))

  const pupils: Array<Array<string | number>> = [['upn', 'surname', 'forename', 'dob', 'sex', 'form', 'sen', 'fsm', 'looked_after', 'social_care']]
  const attainment: Array<Array<string | number>> = [['upn', 'ks2_reading', 'ks2_maths', 'ks2_gps', 'ks2_writing']]
  const attendance: Array<Array<string | number>> = [['upn', 'sessions_possible', 'sessions_absent', 'period']]
  const sdq: Array<Array<string | number>> = [['upn', 'informant', 'completed_on', 'emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial', 'impact']]
  const letters: Array<Array<string | number>> = [['upn', 'written_on', 'letter']]
  const analyses = new Map<string, LetterAnalysis>()
  const year = Number(today.slice(0, 4))
  for (let i = 1; i <= count; i++) {
    const upn = demoUpn(i)
    pupils.push([upn, pick(SURNAMES), pick(FORENAMES), born(i), pick(['F', 'M']), FORMS[i % FORMS.length]!, r() < 0.12 ? 'K' : r() < 0.03 ? 'E' : 'N', r() < 0.25 ? 'Y' : 'N', r() < 0.015 ? 'Y' : 'N', r() < 0.01 ? 'CP' : r() < 0.03 ? 'CIN' : 'none'])
    if (r() < 0.95) attainment.push([upn, score(), score(), score(), pick(['GDS', 'EXS', 'EXS', 'EXS', 'WTS'])])
    if (r() < 0.95) attendance.push([upn, 372, Math.floor(r() * r() * 90), `Year 6 ${year - 1}/${String(year).slice(2)}`])
    if (r() < 0.85) {
      const band = () => Math.floor(r() * r() * 9)
      sdq.push([upn, 'self', `${year}-09-20`, band(), Math.floor(r() * r() * 7), band(), Math.floor(r() * r() * 7), 10 - Math.floor(r() * r() * 7), Math.floor(r() * r() * 4)])
    }
    if (r() < 0.9) {
      // Mostly ordinary letters; a few frightened ones, and one safeguarding disclosure.
      const letter = i === 17 ? LETTERS[6]! : pick([0, 0, 1, 1, 2, 2, 4, 5, 1, 3, 7].map((k) => LETTERS[k]!))
      const text = `${letter.text}`
      letters.push([upn, `${year}-07-03`, text])
      analyses.set(text, analysisOf(letter))
    }
  }
  const files: Array<[string, Array<Array<string | number>>]> = [['demo-pupils.csv', pupils], ['demo-attainment.csv', attainment], ['demo-attendance.csv', attendance], ['demo-sdq.csv', sdq], ['demo-letters.csv', letters]]
  for (const [fileName, rows] of files) {
    const result = await runImport(db, { schoolId, userId: null, fileName, content: csv(rows), today, analyseLetter: (text) => analyses.get(text) ?? { concern: 'none' } })
    if (result.errors.length) throw new Error(`demo data ${fileName}: ${result.errors[0]!.message}`)
  }
  await rescreenSchool(db, schoolId)
  return count
}
