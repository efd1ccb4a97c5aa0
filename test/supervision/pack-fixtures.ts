// Fixed PackData for the pack's tests and benchmark: synthetic pupils only (invented names, invented
// pseudonyms). `packPupil(i)` gives the same pupil twice, as the school's copy and as the link
// team's pseudonymised copy, so a test can check that nothing of the first leaks into the second.
import type { PackAction, PackData, PackPupil } from '../../server/supervision/pack-model'

const NAMES: ReadonlyArray<[string, string]> = [
  ['Khan', 'Ash'],
  ['Łukasiewicz-Ó Briain', 'Zoë'],
  ['Παπαδόπουλος', 'Νίκος'],
  ['Иванова', 'Дарья'],
  ['Whitfield', 'Sam'],
  ['Shah', 'Priya'],
  ['O’Neill', 'Kai'],
  ['Nguyễn', 'Linh'],
  ['Adebayo', 'Tobi'],
  ['Søndergård', 'Freja'],
]
const FORMS = ['7N', '7S', '7E', '7W']
const CODE = 'BCDFGHJKLMNPQRSTVWXZ23456789'
const LEVELS = ['getting_help', 'getting_more_help', 'getting_advice', 'getting_risk_support', 'thriving'] as const

/** A stable invented pseudonym for pupil i: P- and four characters. */
export function pseudonym(i: number): string {
  let n = (i + 7) * 2654435761 % 614656
  let code = ''
  for (let k = 0; k < 4; k++) {
    code += CODE[n % CODE.length]
    n = Math.floor(n / CODE.length)
  }
  return `P-${code}`
}

export function pupilName(i: number): { label: string; first: string; last: string } {
  const [last, first] = NAMES[i % NAMES.length]!
  const suffix = i >= NAMES.length ? ` ${String.fromCharCode(65 + Math.floor(i / NAMES.length) - 1)}` : ''
  return { label: `${last}${suffix}, ${first}`, first, last: `${last}${suffix}` }
}

export function action(pupil: string | null, k: number, over: Partial<PackAction> = {}): PackAction {
  const statuses = ['open', 'in_progress', 'done', 'dropped'] as const
  const status = statuses[k % 4]!
  return {
    pupil,
    text: ['Check in with the pupil each Monday morning', 'Phone home to share the plan and ask how mornings are', 'Seat near the front in maths and give a quiet word before tests', 'Offer a place at the lunchtime art studio'][k % 4]!,
    owner: ['Ms Patel (head of year)', 'Mr Osei (SENCo)', 'Jo Byrne (link worker)', 'Form tutor'][k % 4]!,
    due: `2024-11-${String(4 + (k % 20)).padStart(2, '0')}`,
    status,
    note: status === 'done' ? 'Done: mornings calmer since half term.' : null,
    overdue: status === 'open' && k % 3 === 0,
    ...over,
  }
}

export interface PupilPair {
  school: PackPupil
  link: PackPupil
  /** strings that identify the pupil: none may appear in the link team's copy */
  identifying: string[]
}

export function packPupil(i: number): PupilPair {
  const name = pupilName(i)
  const form = FORMS[i % FORMS.length]!
  const code = pseudonym(i)
  const excerpt = `I get a funny feeling in my tummy before school (${form} is so loud) and my sister Mia says I worry too much.`
  const base = (label: string, identified: boolean): PackPupil => ({
    label,
    identified,
    yearGroup: 7,
    form: identified ? form : null,
    agendaReasons: i % 3 === 0 ? ['Newly at Getting Help since 3 Nov', 'Open action overdue'] : ['Carried over from the last meeting'],
    dslItem: false,
    level: LEVELS[i % LEVELS.length]!,
    screeningReasons: ['SDQ emotional symptoms very high (self-report)', 'Attendance below 92% this term', 'Letter mentions worries about friendships'],
    sdq: [
      { informant: 'self', administeredOn: '2024-09-20', scores: { emotional: 8, conduct: 2, hyperactivity: 6, peer: 4, prosocial: 7, total: 20, impact: 2 }, bands: { emotional: 'very_high', conduct: 'close_to_average', hyperactivity: 'slightly_raised', peer: 'high', prosocial: 'close_to_average', total: 'very_high', impact: 'high' } },
      { informant: 'parent', administeredOn: '2024-09-25', scores: { emotional: 5, conduct: 1, hyperactivity: 4, peer: 3, prosocial: 6, total: 13, impact: 1 }, bands: { emotional: 'high', conduct: 'close_to_average', hyperactivity: 'close_to_average', peer: 'slightly_raised', prosocial: 'low', total: 'close_to_average', impact: 'slightly_raised' } },
      { informant: 'teacher', administeredOn: '2024-10-02', scores: { emotional: 4, conduct: 0, hyperactivity: 3, peer: 2, prosocial: 3, total: 9, impact: null }, bands: { emotional: 'slightly_raised', conduct: 'close_to_average', hyperactivity: 'close_to_average', peer: 'close_to_average', prosocial: 'very_low', total: 'close_to_average', impact: null } },
    ],
    attendance: { percent: 88.4 - (i % 5), period: 'this term', baseline: 95.2 },
    ks2: { reading: '98', maths: '104', gps: null, writing: 'WTS' },
    letter: { themes: ['worries about friendships', 'sleep', 'interests: drawing and football'], excerpts: identified ? [excerpt] : null },
    opportunity: i % 2 === 0 ? { name: 'Lunchtime art studio', status: 'placed', sessions: 6, attended: 4 } : null,
    sinceLast: [
      { label: 'Attendance', before: '94.1%', now: `${(88.4 - (i % 5)).toFixed(1)}%`, change: 'worse' },
      { label: 'SDQ total (self-report)', before: '17', now: '20', change: 'worse' },
      { label: 'Level', before: 'Getting Advice', now: 'Getting Help', change: 'worse' },
      { label: 'Art studio attendance', before: null, now: '4 of 6', change: 'new' },
    ],
    lastDiscussion: {
      date: '2024-10-15',
      strengths: 'Kind to others in the form; enjoys drawing and has joined the art studio.',
      concerns: 'Tearful before maths tests; arrives late on Mondays; says the bus is too loud.',
      reasons: 'The move from a small primary; a change in who does the school run.',
      advice: 'Predictable mornings: a named adult at the gate, a quiet place to settle, warning before tests.',
      outcome: 'strategies',
    },
    actions: [action(label, i), action(label, i + 1)],
    goals: [{ goal: 'Feel calm enough to come in on Monday mornings', ratings: [{ date: '2024-09-20', score: 3 }, { date: '2024-10-15', score: 5 }, { date: '2024-11-05', score: 6 }] }],
  })
  const school = base(name.label, true)
  const link = base(code, false)
  return { school, link, identifying: [name.first, name.last, name.label, `Form ${form}`, excerpt.slice(0, 40)] }
}

export interface PackShape {
  copy: PackData['copy']
  pupils: number
  status?: PackData['meeting']['status']
}

/** A whole pack of `pupils` synthetic pupils, as the given copy. */
export function packData(shape: PackShape): PackData {
  const pairs = Array.from({ length: shape.pupils }, (_, i) => packPupil(i))
  const pupils = pairs.map((p) => (shape.copy === 'school' ? p.school : p.link))
  const actions = pupils.flatMap((p) => p.actions)
  return {
    copy: shape.copy,
    school: { name: 'Lantern Demo Academy', urn: '100001' },
    meeting: { date: '2024-11-12', time: '15:30', location: 'Library meeting room', status: shape.status ?? 'planned', linkWorker: 'Jo Byrne (CAMHS link worker)', cover: 'Dr Amara Mensah' },
    attendees: [
      { name: 'Ms Rita Patel', role: 'Head of Year 7 (lead)' },
      { name: 'Mr Kwame Osei', role: 'SENCo' },
      { name: 'Mrs Helen Frost', role: 'Designated Safeguarding Lead' },
      { name: 'Jo Byrne', role: 'CAMHS link worker' },
    ],
    recap: {
      date: '2024-10-15',
      items: pupils.slice(0, Math.min(pupils.length, 8)).map((p) => ({ pupil: p.label, advice: p.lastDiscussion?.advice ?? null, actions: p.actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due })) })),
    },
    actionReview: actions.filter((a) => a.status === 'open' || a.status === 'in_progress'),
    pupils,
    tracker: [...actions, action(null, 5, { text: 'Book the next half term’s dates with the link team' })],
    printedBy: 'Ms Rita Patel',
    printedAt: new Date('2024-11-11T16:05:00Z'),
  }
}
