// The opportunity form's checks: what a lead sends, what Lantern keeps, and a message per field.
import t from 'tap'
import { parseOpportunityForm } from '../../server/opportunities/schemas'

const good = { name: '  Code club ', category: 'stem', min_places: '', capacity: '12', interests: 'computing', needs: ['friendships', 'LETTER_WORRY'], year_groups: ['8', '7'], forms: ['7B', '7A'], rule: 'none', lead: '', schedule: 'Wednesday after school', pupil_description: 'Make games.', slot1_day: '3', slot1_start: '15.15', slot1_end: '16:15', slot2_day: '', slot2_start: '', slot2_end: '' }
const errorsOf = (body: Record<string, unknown>) => Object.fromEntries((parseOpportunityForm(body).errors ?? []).map((e) => [e.field, e.message]))

t.test('a good form becomes an opportunity', async (t) => {
  const parsed = parseOpportunityForm(good).data
  t.same(parsed, {
    name: 'Code club', category: 'stem', minPlaces: 0, capacity: 12, interests: ['computing'], needs: ['friendships', 'LETTER_WORRY'], yearGroups: [7, 8], forms: ['7A', '7B'],
    rule: null, lead: null, schedule: 'Wednesday after school', slots: [{ weekday: 3, start: '15:15', end: '16:15' }], pupilDescription: 'Make games.'
  })
  t.same(parseOpportunityForm({ ...good, rule: 'ehcp', slot2_day: '1', slot2_start: '8:30', slot2_end: '08:55', interests: undefined }).data?.slots, [{ weekday: 1, start: '08:30', end: '08:55' }, { weekday: 3, start: '15:15', end: '16:15' }], 'sessions in weekday order')
})

t.test('each problem has a message on its field', async (t) => {
  t.same(errorsOf({ ...good, name: ' ', category: 'chess', capacity: '', year_groups: undefined, rule: undefined }), {
    name: 'Enter the opportunity’s name', category: 'Choose the kind of opportunity', capacity: 'Enter the most places it has, for example 12',
    year_groups: 'Choose at least one year group', rule: 'Choose who else it is for, or “No other rule”'
  })
  t.match(errorsOf({ ...good, min_places: '13' }), { min_places: 'The fewest places (13) cannot be more than the most places (12)' })
  t.match(errorsOf({ ...good, capacity: '0' }), { capacity: 'The most places must be at least 1' })
  t.match(errorsOf({ ...good, capacity: 'twelve' }), { capacity: 'Enter the most places as a whole number, for example 12' })
  t.match(errorsOf({ ...good, interests: ['computing', 'knitting'], needs: 'hunger', year_groups: '6' }), { interests: 'Choose interests from the list', needs: 'Choose needs from the list', year_groups: 'Choose year groups from 7 to 13' })
  t.match(errorsOf({ ...good, slot1_day: '', slot1_start: '3pm', slot1_end: '' }), { slot1_day: 'Choose the day for session 1', slot1_start: 'Enter the start time for session 1 as hours and minutes, for example 15:15', slot1_end: 'Enter the end time for session 1, for example 16:15' })
  t.match(errorsOf({ ...good, slot1_start: '', slot1_end: '1615' }), { slot1_start: 'Enter the start time for session 1, for example 15:15', slot1_end: 'Enter the end time for session 1 as hours and minutes, for example 16:15' })
  t.match(errorsOf({ ...good, slot1_end: '15:00' }), { slot1_end: 'The end time for session 1 must be after its start time (15:15)' })
  t.match(errorsOf({ ...good, slot2_day: '3', slot2_start: '16:00', slot2_end: '17:00' }), { slot2_start: 'Session 2 overlaps session 1 (Wednesday 15:15–16:15) — change the day or the times' })
  t.match(errorsOf({ ...good, slot1_day: '6' }), { slot1_day: 'Choose the day for session 1' })
  t.match(errorsOf({ ...good, lead: 'x'.repeat(121), pupil_description: 'a\u0000b' }), { lead: 'The staff lead can be up to 120 characters', pupil_description: /NUL character/ })
  t.same(errorsOf({ ...good, needs: 'SDQ_FROM_AN_IMPORT' }), {}, 'a code an import brought in is kept')
  t.same(parseOpportunityForm({ ...good, name: '', min_places: '20', slot1_end: '15:00' }).errors?.map((e) => e.field), ['name', 'min_places', 'slot1_end'], 'every problem at once, in page order')
})
