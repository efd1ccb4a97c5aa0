// A synthetic Year 7 intake for a demo school, as the files a school would import: pupils, KS2,
// attendance, SDQs (self-report, and parent report for about half), letters to self and an
// opportunities catalogue (CSV, in memory); and, once the first half term is over, the later files a
// school imports during Year 7 — attendance so far this year and a follow-up SDQ — so the outcomes
// page has change to show.
// Deterministic (a seeded generator), so the same school always gets the same cohort. Every name
// is an invented combination, every UPN uses the synthetic local-authority code 999.
import { upnCheckLetter } from '../imports/upn'
import { EXCITED_LETTERS, FRIGHTENED_LETTERS, NERVES_LETTERS, SAFEGUARDING_LETTERS, type DemoLetter } from './letters'

export interface CohortSpec {
  /** seeds the generator */
  seed: number
  pupils: number
  forms: string[]
  /** synthetic primary schools: [name, 4-digit establishment number] */
  primaries: Array<[string, string]>
  /** how many letters disclose harm (the DSL must see them) */
  safeguardingLetters: number
  /** the opportunities catalogue's rows, in OPPORTUNITY_COLUMNS order */
  catalogue?: Array<Array<string | number>>
}

export interface CohortFiles {
  pupils: Buffer
  attainment: Buffer
  attendance: Buffer
  sdq: Buffer
  letters: Buffer
  opportunities: Buffer
  /** later in Year 7 (null before the first half term is over): attendance so far this year */
  attendanceLater: Buffer | null
  /** later in Year 7: the follow-up SDQ (self-report, and parent where the parent answered at transition) */
  sdqFollowUp: Buffer | null
  /** the day the follow-up SDQ was completed, when there is one */
  followUpOn: string | null
}

const FORENAMES_F = ['Amara', 'Zofia', 'Aisha', 'Freya', 'Maya', 'Ruby', 'Isla', 'Nia', 'Priya', 'Leila', 'Chloe', 'Hana', 'Grace', 'Mei', 'Esme', 'Zara', 'Ife', 'Niamh', 'Olivia', 'Saanvi', 'Ayesha', 'Keira', 'Lucia', 'Tia', 'Noor', 'Evie', 'Maryam', 'Alina', 'Sofia', 'Imani']
const FORENAMES_M = ['Callum', 'Hamza', 'Oliver', 'Noah', 'Theo', 'Kai', 'Arlo', 'Finn', 'Yusuf', 'Tobi', 'Rhys', 'Jakub', 'Ravi', 'Leon', 'Ethan', 'Kofi', 'Ibrahim', 'Jayden', 'Oscar', 'Dev', 'Mateo', 'Harvey', 'Zain', 'Luca', 'Ewan', 'Adebayo', 'Ryan', 'Omar', 'Tomasz', 'Jude']
const SURNAMES = ['Okafor', 'Nowak', 'Hughes', 'Khan', 'Patel', 'Begum', 'Williams', 'Adeyemi', 'Kowalski', 'Murphy', 'Chen', 'Singh', 'Evans', 'Ahmed', 'Mensah', 'Clarke', 'Rossi', 'Osei', 'Walker', 'Hussain', 'Nguyen', 'Brennan', 'Achterberg', 'Morgan', 'Lewandowska', 'Demir', 'Campbell', 'Haddad', 'Kaur', 'Oyelaran', 'Fraser', 'Silva', 'Mahmood', 'Doherty', 'Popescu', 'Ali', 'Thompson', 'Yilmaz', 'Owusu', 'Garcia']

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A CSV cell: quoted when it needs to be. */
function cell(value: string | number): string {
  const s = String(value)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
const csv = (rows: Array<Array<string | number>>) => Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\n') + '\n')

/** The September a Year 7 cohort started, for a given day: this year from September, else last year. */
export function intakeYear(today: string): number {
  const year = Number(today.slice(0, 4))
  return Number(today.slice(5, 7)) >= 9 ? year : year - 1
}

// SDQ items by subscale (DOMAIN.md); reverse-scored items are written as raw answers.
const SCALES = {
  emotional: [3, 8, 13, 16, 24], conduct: [5, 7, 12, 18, 22], hyperactivity: [2, 10, 15, 21, 25], peer: [6, 11, 14, 19, 23], prosocial: [1, 4, 9, 17, 20]
} as const
const REVERSED = new Set([7, 11, 14, 21, 25])

/** One SDQ's item answers and impact answers for a difficulty level (0–1), drawn from `draw`. */
function sdqAnswers(level: number, draw: () => number): { answers: string[]; difficulties: boolean; impact: string[] } {
  const answers: string[] = []
  for (let item = 1; item <= 25; item++) {
    const prosocial = (SCALES.prosocial as readonly number[]).includes(item)
    const p = prosocial ? 0.92 - level * 0.5 : level
    let scored = draw() < p ? (draw() < p ? 2 : 1) : 0
    if (!prosocial && REVERSED.has(item)) scored = 2 - scored
    answers.push(draw() < 0.015 ? '' : String(scored))
  }
  const difficulties = level > 0.5
  const impact = difficulties ? Array.from({ length: 5 }, () => String(Math.min(3, Math.floor(draw() * 4 * level + 0.5)))) : ['', '', '', '', '']
  return { answers, difficulties, impact }
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/**
 * When the demo's follow-up SDQ is dated: the middle of the spring term once that has passed, else a
 * week before today — or null while the first half term is not yet over (too soon to follow up).
 */
export function followUpDate(today: string): string | null {
  const year = intakeYear(today)
  const spring = `${year + 1}-03-16`
  const weekAgo = day(new Date(Date.parse(`${today}T12:00:00Z`) - 7 * 86_400_000))
  if (weekAgo < `${year}-10-24`) return null
  return weekAgo < spring ? weekAgo : spring
}

export function generateCohort(spec: CohortSpec, today: string): CohortFiles {
  const rnd = random(spec.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const chance = (p: number) => rnd() < p
  const year = intakeYear(today)
  const dobStart = Date.UTC(year - 12, 8, 1)

  const pupils: Array<Array<string | number>> = [['UPN', 'Legal Surname', 'Forename', 'Date of Birth', 'Sex', 'Reg Group', 'Primary School', 'SEN Status', 'SEN Primary Need', 'FSM Eligible', 'EAL', 'Looked After', 'Social Care']]
  const attainment: Array<Array<string | number>> = [['UPN', 'KS2 Reading', 'KS2 Maths', 'KS2 GPS', 'KS2 Writing TA']]
  const attendance: Array<Array<string | number>> = [['UPN', 'Sessions Possible', 'Sessions Absent', 'Period']]
  const items = Array.from({ length: 25 }, (_, i) => `item_${i + 1}`)
  const sdq: Array<Array<string | number>> = [['upn', 'informant', 'completed_on', ...items, 'impact_difficulties', 'impact_distress', 'impact_home', 'impact_friendships', 'impact_classroom', 'impact_leisure']]
  const letters: Array<Array<string | number>> = [['upn', 'written_on', 'letter']]
  const attendanceLater: Array<Array<string | number>> = [['UPN', 'Sessions Possible', 'Sessions Absent', 'Period']]
  const sdqFollowUp: Array<Array<string | number>> = [sdq[0]!]
  // Later files draw from their own generator, so the transition files stay as they always were.
  const later = random(spec.seed ^ 0x5eed)
  const followUpOn = followUpDate(today)
  // two sessions a school day since the start of September, to the week before the follow-up
  const sessionsSoFar = followUpOn ? Math.max(20, Math.min(380, Math.round(((Date.parse(followUpOn) - Date.UTC(year, 8, 4)) / 86_400_000) * (10 / 7)))) : 0

  // Who writes which kind of letter. The frightened letters go mostly to pupils whose data are
  // otherwise unremarkable (the hidden ones); the disclosures to pupils chosen at random.
  const frightenedCount = Math.max(3, Math.round(spec.pupils * 0.04))
  const order = Array.from({ length: spec.pupils }, (_, i) => i).sort(() => rnd() - 0.5)
  const safeguarding = new Set(order.slice(0, spec.safeguardingLetters))
  const frightened = new Set(order.slice(spec.safeguardingLetters, spec.safeguardingLetters + frightenedCount))
  const hidden = new Set([...frightened].slice(0, Math.ceil(frightenedCount / 2)))

  const serials = new Map<string, number>()
  for (let i = 0; i < spec.pupils; i++) {
    const [primary, estab] = pick(spec.primaries)
    const serial = (serials.get(estab) ?? 0) + 1
    serials.set(estab, serial)
    const rest = `999${estab}${String(year - 7).slice(2)}${String(serial).padStart(3, '0')}`
    const upn = upnCheckLetter(`X${rest}`) + rest
    const sex = chance(0.5) ? 'F' : 'M'
    const forename = pick(sex === 'F' ? FORENAMES_F : FORENAMES_M)
    const surname = pick(SURNAMES)
    const dob = new Date(dobStart + Math.floor(rnd() * 365) * 86400000).toISOString().slice(0, 10)
    const plain = hidden.has(i)
    const sen = plain ? 'N' : chance(0.04) ? 'E' : chance(0.13) ? 'K' : 'N'
    const need = sen === 'N' ? '' : pick(['SEMH', 'SLCN', 'SpLD', 'ASD', 'MLD'])
    const socialCare = plain ? 'none' : chance(0.015) ? 'CP' : chance(0.035) ? 'CIN' : 'none'
    const lookedAfter = !plain && chance(0.012) ? 'Y' : 'N'
    pupils.push([upn, surname, forename, dob, sex, spec.forms[i % spec.forms.length] as string, primary, sen, need, chance(0.24) ? 'Y' : 'N', chance(0.2) ? 'Y' : 'N', lookedAfter, socialCare])

    // KS2: scaled scores around 105 (roughly a quarter below the expected standard); a few pupils working below the test (B).
    const ability = plain ? 0.6 + rnd() * 0.4 : rnd()
    const score = () => (!plain && chance(0.02) ? 'B' : String(Math.max(80, Math.min(120, Math.round(92 + ability * 26 + (rnd() - 0.5) * 8)))))
    const writing = ability > 0.8 ? 'GDS' : ability > 0.3 ? 'EXS' : plain ? 'EXS' : chance(0.1) ? 'PK6' : 'WTS'
    attainment.push([upn, score(), score(), score(), writing])

    // Attendance over a full year (380 sessions); a few persistent absentees, one or two severe.
    const possible = 380
    const absent = plain ? Math.floor(rnd() * 12) : chance(0.01) ? 190 + Math.floor(rnd() * 40) : chance(0.07) ? 40 + Math.floor(rnd() * 50) : Math.floor(rnd() * 30)
    attendance.push([upn, possible, absent, `${year - 1}/${String(year % 100).padStart(2, '0')}`])

    // Later in Year 7: this year's attendance so far, drifting from Year 6 (a few pupils' fall sharply).
    const rate = absent / possible
    const drift = later() < 0.06 ? -(0.06 + later() * 0.1) : (later() - 0.5) * 0.06
    const laterAbsent = Math.max(0, Math.min(sessionsSoFar, Math.round(sessionsSoFar * (rate - drift))))
    attendanceLater.push([upn, sessionsSoFar, laterAbsent, `Year 7 ${year}/${String((year + 1) % 100).padStart(2, '0')} to date`])

    // SDQ self-report for most pupils: a difficulty level per pupil, some high.
    if (plain || chance(0.88)) {
      // most children answer near the bottom of every difficulty scale; about one in ten well above it
      const level = plain ? rnd() * 0.2 : chance(0.1) ? 0.65 + rnd() * 0.35 : rnd() ** 2 * 0.4
      const self = sdqAnswers(level, rnd)
      const completed = `${year}-09-${String(14 + Math.floor(rnd() * 10)).padStart(2, '0')}`
      sdq.push([upn, 'self', completed, ...self.answers, self.difficulties ? 'yes' : 'no', ...self.impact])
      // about half the parents answer too, seeing much the same child
      const parentLevel = Math.max(0, Math.min(1, level + (later() - 0.5) * 0.2))
      const parentAnswers = later() < 0.5 ? sdqAnswers(parentLevel, later) : null
      if (parentAnswers) sdq.push([upn, 'parent', completed, ...parentAnswers.answers, parentAnswers.difficulties ? 'yes' : 'no', ...parentAnswers.impact])
      // the follow-up: most pupils answer again; levels move a little either way (more for high scorers)
      const move = (from: number) => Math.max(0, Math.min(1, from + (later() - 0.5) * 0.2 - (from > 0.5 ? later() * 0.15 : 0)))
      if (later() < 0.85) {
        const again = sdqAnswers(move(level), later)
        sdqFollowUp.push([upn, 'self', followUpOn ?? '', ...again.answers, again.difficulties ? 'yes' : 'no', ...again.impact])
      }
      if (parentAnswers && later() < 0.85) {
        const again = sdqAnswers(move(parentLevel), later)
        sdqFollowUp.push([upn, 'parent', followUpOn ?? '', ...again.answers, again.difficulties ? 'yes' : 'no', ...again.impact])
      }
    }

    // Letters to self, written in the summer term of Year 6.
    let bank: DemoLetter[] | null
    if (safeguarding.has(i)) bank = [SAFEGUARDING_LETTERS[[...safeguarding].indexOf(i) % SAFEGUARDING_LETTERS.length] as DemoLetter]
    else if (frightened.has(i)) bank = FRIGHTENED_LETTERS
    else bank = chance(0.9) ? (chance(0.5) ? EXCITED_LETTERS : NERVES_LETTERS) : null
    if (bank) letters.push([upn, `${year}-07-${String(1 + Math.floor(rnd() * 15)).padStart(2, '0')}`, pick(bank).write(forename)])
  }

  return {
    pupils: csv(pupils),
    attainment: csv(attainment),
    attendance: csv(attendance),
    sdq: csv(sdq),
    letters: csv(letters),
    opportunities: csv([OPPORTUNITY_COLUMNS, ...(spec.catalogue ?? [])]),
    attendanceLater: followUpOn ? csv(attendanceLater) : null,
    sdqFollowUp: followUpOn ? csv(sdqFollowUp) : null,
    followUpOn
  }
}

const OPPORTUNITY_COLUMNS = ['name', 'category', 'capacity', 'min_places', 'interests', 'needs', 'year_groups', 'forms', 'rule', 'lead', 'schedule', 'description']

/**
 * Each demo school's catalogue, as its lead would keep it in a spreadsheet. The places add up to a
 * little under the intake (about 88% of 180 and of 60), some sessions clash, and one has wording
 * Lantern cannot read as a time, as real catalogues do.
 */
export const DEMO_CATALOGUES: Record<'999001' | '999002', Array<Array<string | number>>> = {
  '999001': [
    ['Year 7 football squad', 'sport', 18, 10, 'football', 'friendships;ATTENDANCE_PERSISTENT_ABSENCE', 7, '', '', 'Mr Achebe (PE)', 'Tuesday after school', 'Training and fixtures against local schools; everyone who comes plays.'],
    ['Netball and basketball club', 'sport', 14, 8, 'netball;basketball', 'friendships;self_esteem', 7, '', '', 'Ms Kowalczyk (PE)', 'Thursday lunchtime', 'Skills, games and a termly tournament.'],
    ['Art studio', 'creative', 12, 4, 'art', 'general_anxiety;self_esteem', 7, '', '', 'Mrs Adeleke (Art)', 'Wednesday lunchtime', 'A quiet studio to draw, paint and make; your work goes up in the corridor gallery.'],
    ['Junior choir and band', 'creative', 14, 6, 'music;singing', 'friendships;separation', '7;8', '', '', 'Mr Fenwick (Music)', 'Monday after school', 'Sing or play in the winter concert. No audition: just come along.'],
    ['Drama club', 'creative', 14, 6, 'drama;dance', 'self_esteem;friendships', 7, '', '', 'Ms Oyelowo (English)', 'Friday after school', 'Games, improvisation and the Year 7 showcase.'],
    ['Code club', 'STEM', 12, 4, 'computing;gaming;maths;engineering', 'friendships;LETTER_WORRY', 7, '', '', 'Mr Lindqvist (Computing)', 'Wednesday 15:20-16:30', 'Make games and robots in small teams.'],
    ['Green team', 'enrichment', 8, 3, 'nature;animals;science', 'general_anxiety;LETTER_WORRY', 7, '', '', 'Miss Teague (Science)', 'Tuesday lunchtime', 'Look after the school garden, the pond and the bird boxes.'],
    ['Library helpers and book club', 'enrichment', 8, 3, 'reading;writing;history', 'getting_lost;friendships', 7, '', '', 'Mrs Obi (Librarian)', 'Thursday lunchtime', 'Help run the library and choose the books the club reads.'],
    ['Cooking club', 'enrichment', 8, 4, 'cooking', 'family;self_esteem', 7, '', '', 'Mr Haddad (Food)', 'Monday lunchtime', 'Cook something to take home each week.'],
    ['Reading buddies', 'learning support', 10, 2, 'reading', 'KS2_READING_BELOW_EXPECTED;self_esteem', 7, '7A;7B;7C', '', 'Mrs Green (English)', 'Tuesday and Friday morning', 'Read with a Year 10 buddy twice a week in tutor time.'],
    ['Homework club', 'learning support', 8, 0, '', 'workload;organisation;KS2_MATHS_BELOW_EXPECTED', 7, '', '', 'Mr Begum (Maths)', 'Thursday after school', 'A quiet room, a teacher to ask and biscuits.'],
    ['Friendship circle', 'friendship group', 8, 4, '', 'friendships;SDQ_PEER_HIGH;bullying', 7, '', '', 'Mr Ross (Pastoral)', 'Friday lunchtime', 'A small group to get to know each other over lunch.'],
    ['Calm club', 'wellbeing group', 8, 3, '', 'general_anxiety;SDQ_EMOTIONAL_HIGH;separation', 7, '', '', 'Ms Rahman (Pastoral)', 'Wednesday lunchtime', 'A calm space to learn ways to handle worries, with games and a snack.'],
    ['Sensory circuits', 'wellbeing group', 6, 2, '', 'SEN_SUPPORT;SDQ_HYPERACTIVITY_HIGH', 7, '', 'sen_any', 'Mrs Davies (SENCo)', 'Monday and Thursday morning', 'A short run of movement activities to start the day ready to learn.'],
    ['Peer mentors: buddy walk', 'mentoring', 10, 4, '', 'getting_lost;older_pupils;travel;separation', 7, '', '', 'Ms Rahman (Pastoral)', 'First half term, before school', 'A Year 9 buddy meets you at the gate and walks your timetable with you.']
  ],
  '999002': [
    ['Football and multi-sports', 'sport', 9, 6, 'football;rugby;cricket;athletics', 'friendships', 7, '', '', 'Mr Dlamini (PE)', 'Wednesday after school', 'A different sport each half term, and a match at the end of it.'],
    ['Dance and gymnastics', 'sport', 6, 3, 'dance;gymnastics', 'self_esteem', 7, '', '', 'Ms Ferreira (PE)', 'Tuesday lunchtime', 'Learn a routine together and perform it in assembly if you want to.'],
    ['Art and craft club', 'creative', 5, 2, 'art', 'general_anxiety', 7, '', '', 'Mrs Baptiste (Art)', 'Thursday lunchtime', 'Clay, collage and paint, at your own pace.'],
    ['Music makers', 'creative', 5, 2, 'music;singing', 'separation;friendships', 7, '', '', 'Mr Quinn (Music)', 'Monday lunchtime', 'Try an instrument or sing; the school lends instruments.'],
    ['Science and engineering club', 'stem', 5, 3, 'science;engineering;computing', 'LETTER_WORRY', 7, '', '', 'Dr Osei (Science)', 'Thursday 15:15-16:15', 'Build bridges, launch rockets and find out why things work.'],
    ['Animal care', 'enrichment', 4, 2, 'animals;nature', 'family;general_anxiety', 7, '', '', 'Miss Harlow (Science)', 'Friday lunchtime', 'Help look after the school rabbits and the wildlife area.'],
    ['Chess and games', 'enrichment', 4, 2, 'gaming;maths', 'friendships', '7;8', '', '', 'Mr Petrov (Maths)', 'Tuesday after school', 'Chess, card and board games; learn to play or beat the teacher.'],
    ['Reading recovery', 'learning support', 4, 1, 'reading;writing', 'KS2_READING_BELOW_EXPECTED', 7, '', 'sen_support', 'Mrs Lowe (SENCo)', 'Monday and Wednesday morning', 'Short reading sessions with the same adult each week.'],
    ['Lunch club', 'friendship group', 4, 2, '', 'friendships;lunch;SDQ_PEER_HIGH', 7, '', '', 'Ms Ahmed (Pastoral)', 'Wednesday lunchtime', 'Eat lunch in a small group somewhere quieter than the hall.'],
    ['Worry busters', 'wellbeing group', 3, 2, '', 'general_anxiety;SDQ_EMOTIONAL_HIGH', 7, '', '', 'Ms Ahmed (Pastoral)', 'Friday 13:00-13:40', 'A small group that shares ways to feel calmer about school.'],
    ['Year 9 mentors', 'mentoring', 4, 2, '', 'getting_lost;older_pupils;travel', 7, '', '', 'Mr Dlamini (PE)', 'Tuesday and Thursday morning', 'A Year 9 pupil meets you twice a week to help with anything new.']
  ]
}
