import t from 'tap'
import { agendaReasons, proposeAgenda, AGENDA_PLACES, NOT_DISCUSSED_DAYS, type AgendaPupilFacts } from '../../server/supervision/agenda'
import { defaultHalfTerms, easterSunday, proposeSchedule, termOf, academicYearOf } from '../../server/supervision/terms'

function facts(pupilId: number, f: Partial<AgendaPupilFacts> = {}): AgendaPupilFacts {
  return {
    pupilId,
    sortName: `Pupil ${String(pupilId).padStart(3, '0')}`,
    level: 'thriving',
    levelAtLast: null,
    hidden: false,
    safeguardingOpen: false,
    openActions: 0,
    overdueActions: 0,
    attendanceNow: null,
    attendanceAtLast: null,
    sdqTotalNow: null,
    sdqTotalAtLast: null,
    placementFalling: null,
    carriedOver: false,
    lastDiscussedOn: null,
    ...f
  }
}

t.test('each reason the issue names, with words staff read', async (t) => {
  const codes = (f: Partial<AgendaPupilFacts>) => agendaReasons(facts(1, f), '2026-12-08', '2026-11-17').map((r) => r.code)
  t.same(codes({}), [], 'a thriving pupil with nothing new is not on the agenda')
  t.same(codes({ level: 'getting_help', levelAtLast: 'getting_advice', lastDiscussedOn: '2026-11-17' }), ['NEWLY_GETTING_HELP', 'WORSENED'])
  t.same(codes({ level: 'getting_more_help', levelAtLast: 'getting_help', lastDiscussedOn: '2026-11-17' }), ['WORSENED'], 'already at Getting Help: worse, not new')
  t.same(codes({ hidden: true }), ['HIDDEN'])
  t.same(codes({ openActions: 2, overdueActions: 1 }), ['OPEN_ACTIONS'])
  t.equal(agendaReasons(facts(1, { openActions: 2, overdueActions: 1 }), '2026-12-08', null)[0]!.text, '2 open actions, 1 overdue')
  t.same(codes({ attendanceNow: 92, attendanceAtLast: 94 }), ['WORSENED'], 'two points down is worse')
  t.same(codes({ attendanceNow: 92.5, attendanceAtLast: 94 }), [], 'one and a half is not')
  t.same(codes({ sdqTotalNow: 17, sdqTotalAtLast: 14 }), ['WORSENED'])
  t.same(codes({ sdqTotalNow: 16, sdqTotalAtLast: 14 }), [])
  t.same(codes({ placementFalling: 'Art Studio' }), ['PLACEMENT_FALLING'])
  t.same(codes({ carriedOver: true }), ['CARRIED_OVER'])
  t.same(codes({ safeguardingOpen: true }), ['DSL_FOLLOW_UP'])
  const worse = agendaReasons(facts(1, { attendanceNow: 88, attendanceAtLast: 94.1, sdqTotalNow: 20, sdqTotalAtLast: 15, level: 'getting_help', levelAtLast: 'getting_advice', lastDiscussedOn: '2026-11-17' }), '2026-12-08', '2026-11-17')
  t.equal(worse.find((r) => r.code === 'WORSENED')!.text, 'Worse since the last meeting: attendance down 6.1 points; SDQ total difficulties up 5; level up from Getting Advice')
})

t.test('Getting Help or above not discussed for six weeks comes back', async (t) => {
  const at = (lastDiscussedOn: string | null) => agendaReasons(facts(1, { level: 'getting_help', levelAtLast: 'getting_help', lastDiscussedOn }), '2026-12-08', '2026-11-17').map((r) => r.text)
  t.same(at(null), ['At Getting Help and not yet discussed'])
  t.same(at('2026-10-28'), [], `${NOT_DISCUSSED_DAYS - 1} days is not yet six weeks`)
  t.same(at('2026-10-27'), ['At Getting Help and not discussed for 6 weeks'])
})

t.test('the agenda: priority order, each pupil once with all their reasons, the lead’s changes', async (t) => {
  const agenda = proposeAgenda(
    [
      facts(1, { carriedOver: true }),
      facts(2, { hidden: true, level: 'getting_advice' }),
      facts(3, { hidden: true, level: 'getting_more_help', levelAtLast: 'getting_more_help', lastDiscussedOn: '2026-11-17', openActions: 1 }),
      facts(4, { safeguardingOpen: true, level: 'getting_risk_support', levelAtLast: 'getting_risk_support', lastDiscussedOn: '2026-11-17' }),
      facts(5),
      facts(6, { placementFalling: 'Chess club' }),
      facts(7)
    ],
    [
      { pupilId: 5, change: 'add', reason: 'Form tutor worried about lunchtimes' },
      { pupilId: 6, change: 'remove', reason: 'Discussed with the SENCo this week' },
      { pupilId: 7, change: 'add', reason: 'first thought' },
      { pupilId: 7, change: 'remove', reason: 'second thought' }
    ],
    '2026-12-08',
    '2026-11-17'
  )
  t.same(agenda.map((i) => i.pupilId), [4, 3, 2, 6, 1, 5], 'DSL first; among hidden pupils the higher level first; the lead’s additions last')
  t.equal(agenda[0]!.dsl, true)
  t.same(agenda[1]!.reasons.map((r) => r.code), ['HIDDEN', 'OPEN_ACTIONS'])
  t.same(agenda.find((i) => i.pupilId === 6)!.removed, { reason: 'Discussed with the SENCo this week' }, 'a removal is kept, marked, so the lead can put the pupil back')
  t.equal(agenda.find((i) => i.pupilId === 5)!.reasons[0]!.text, 'Added by the lead: Form tutor worried about lunchtimes')
  t.notOk(agenda.some((i) => i.pupilId === 7), 'the latest change wins: added then removed, with no other reason, is off')
})

t.test('England’s six half terms, as the editable default', async (t) => {
  t.equal(easterSunday(2027).toISOString().slice(0, 10), '2027-03-28')
  t.equal(easterSunday(2026).toISOString().slice(0, 10), '2026-04-05')
  const terms = defaultHalfTerms(2026)
  t.same(terms.map((x) => [x.name, x.starts_on, x.ends_on]), [
    ['Autumn 1 2026–27', '2026-09-02', '2026-10-23'],
    ['Autumn 2 2026–27', '2026-11-02', '2026-12-18'],
    ['Spring 1 2026–27', '2027-01-04', '2027-02-12'],
    ['Spring 2 2026–27', '2027-02-22', '2027-03-19'],
    ['Summer 1 2026–27', '2027-04-05', '2027-05-28'],
    ['Summer 2 2026–27', '2027-06-07', '2027-07-22']
  ])
  for (let i = 1; i < terms.length; i++) t.ok(terms[i]!.starts_on > terms[i - 1]!.ends_on, 'in order, never overlapping')
  t.equal(academicYearOf('2027-03-01'), 2026)
  t.equal(academicYearOf('2026-09-01'), 2026)
  t.equal(termOf(terms, '2026-12-01')?.name, 'Autumn 2 2026–27')
  t.equal(termOf(terms, '2026-12-25'), null, 'a holiday is in no term')
})

t.test('two meetings in each half term, on the chosen weekday', async (t) => {
  const schedule = proposeSchedule(defaultHalfTerms(2026), 2)
  t.equal(schedule.length, 12)
  for (const m of schedule) t.equal(new Date(`${m.date}T00:00:00Z`).getUTCDay(), 2, `${m.date} is a Tuesday`)
  t.same(schedule.slice(0, 2), [
    { term: 'Autumn 1 2026–27', date: '2026-09-15' },
    { term: 'Autumn 1 2026–27', date: '2026-10-06' }
  ])
  t.same(proposeSchedule([{ name: 'One week', starts_on: '2026-12-14', ends_on: '2026-12-18' }], 2), [{ term: 'One week', date: '2026-12-15' }], 'a half term with one Tuesday has one meeting')
  t.same(proposeSchedule([{ name: 'Weekend', starts_on: '2026-12-19', ends_on: '2026-12-20' }], 2), [])
})

t.test('a meeting has its places: the rest of the proposal waits, DSL items and the lead’s additions always have one', async (t) => {
  const many = Array.from({ length: AGENDA_PLACES + 5 }, (_, i) => facts(i + 1, { level: 'getting_help', levelAtLast: 'getting_help', lastDiscussedOn: null }))
  many.push(facts(100, { safeguardingOpen: true }), facts(101))
  const agenda = proposeAgenda(many, [{ pupilId: 101, change: 'add', reason: 'Tutor asked' }, { pupilId: 1, change: 'remove', reason: 'Seen this week' }], '2026-12-08', '2026-11-17')
  const placed = agenda.filter((i) => !i.removed && !i.waiting)
  t.equal(placed.length, AGENDA_PLACES, 'exactly the places')
  t.ok(placed.some((i) => i.pupilId === 100) && placed.some((i) => i.pupilId === 101), 'the DSL item and the lead’s addition are among them')
  t.equal(agenda.filter((i) => i.waiting).length, AGENDA_PLACES + 5 - 1 - (AGENDA_PLACES - 2), 'the rest wait, in order')
  t.notOk(agenda.find((i) => i.pupilId === 1)!.waiting, 'a removed pupil neither takes a place nor waits')
  const waitingIds = agenda.filter((i) => i.waiting).map((i) => i.pupilId)
  t.same(waitingIds, [...waitingIds].sort((a, b) => a - b), 'waiting in the agenda’s own order')
})
