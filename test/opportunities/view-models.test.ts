// The catalogue and form views with plain objects: grouping, words, clashes, and the form's fields.
import t from 'tap'
import { catalogueView, eligibilityText, formValuesOf, needText, NEW_FORM_VALUES, opportunityFormView, placesText, yearGroupsText, type CatalogueRow } from '../../server/opportunities/view-models'

const row = (over: Partial<CatalogueRow>): CatalogueRow => ({
  id: 1, name: 'Code club', category: 'stem', min_places: 4, capacity: 12, interests: ['computing', 'martial_arts'], needs: ['friendships', 'KS2_READING_BELOW_EXPECTED'],
  year_groups: [7], forms: [], rule: null, lead: 'Mr Lindqvist', schedule: 'Wednesday after school', slots: [{ weekday: 3, start: '15:15', end: '16:15' }],
  pupil_description: 'Make games.', archived_at: null, ...over
})

t.test('words for places, years, needs and who it is for', async (t) => {
  t.equal(placesText(0, 12), 'Up to 12 places')
  t.equal(placesText(4, 12), '4 to 12 places')
  t.equal(placesText(1, 1), '1 place')
  t.equal(placesText(8, 8), '8 places')
  t.equal(yearGroupsText([7]), 'Year 7')
  t.equal(yearGroupsText([8, 7]), 'Years 7 and 8')
  t.equal(yearGroupsText([7, 9, 11]), 'Years 7, 9 and 11')
  t.equal(yearGroupsText([9, 7, 8]), 'Years 7 to 9')
  t.equal(needText('KS2_READING_BELOW_EXPECTED'), 'KS2 reading below expected')
  t.equal(needText('workload'), 'homework and workload')
  t.equal(eligibilityText({ year_groups: [7], forms: [], rule: null }), 'Year 7 · every form')
  t.equal(eligibilityText({ year_groups: [7], forms: ['7A'], rule: 'sen_support' }), 'Year 7 · form 7A · only pupils with SEN support')
  t.equal(eligibilityText({ year_groups: [7, 8], forms: ['7A', '8B'], rule: 'ehcp' }), 'Years 7 and 8 · forms 7A, 8B · only pupils with an education, health and care plan')
})

t.test('the catalogue groups current opportunities by category and keeps archived ones apart', async (t) => {
  const view = catalogueView([
    row({ id: 1 }),
    row({ id: 2, name: 'Art studio', category: 'creative', slots: [{ weekday: 3, start: '15:30', end: '16:30' }], interests: [], needs: [], lead: null }),
    row({ id: 3, name: 'Buddy walk', category: 'mentoring', slots: [], schedule: 'First half term', min_places: 0, capacity: 10 }),
    row({ id: 4, name: 'Old club', category: 'sport', archived_at: new Date('2026-10-01T10:00:00Z'), slots: [{ weekday: 3, start: '15:15', end: '16:15' }] })
  ], '100001', true)
  t.same(view.groups.map((g) => [g.heading, g.items.map((i) => i.name)]), [['Creative', ['Art studio']], ['STEM', ['Code club']], ['Mentoring', ['Buddy walk']]], 'in the issue’s order; an empty category is left out')
  t.equal(view.count, 3)
  t.equal(view.places, 34, 'the most places of current opportunities only')
  t.equal(view.timeNotSet, 1)
  const code = view.groups[1]!.items[0]!
  t.match(code, { places: '4 to 12 places', when: ['Wednesday 15:15–16:15'], interests: 'computing, martial arts', needs: 'friendships, KS2 reading below expected', clashes: 'Art studio', editHref: '/s/100001/opportunities/1/edit', eligibility: 'Year 7 · every form' })
  t.match(view.groups[2]!.items[0], { timeNotSet: true, schedule: 'First half term', clashes: '' })
  t.same(view.archived.map((a) => [a.name, a.restoreAction]), [['Old club', '/s/100001/opportunities/4/restore']], 'an archived one clashes with nothing')
  t.equal(catalogueView([], '100001', false).canEdit, false)
})

t.test('the form for a new opportunity starts at Year 7, every form, no rule', async (t) => {
  const view = opportunityFormView({ urn: '100001', opportunity: null, values: NEW_FORM_VALUES, schoolForms: ['7B', '7A'] })
  t.match(view, { title: 'Add an opportunity', action: '/s/100001/opportunities', archiveAction: null, submitText: 'Add opportunity', backHref: '/s/100001/opportunities' })
  t.same(view.yearGroups.filter((y) => y.checked).map((y) => y.value), ['7'])
  t.same(view.forms.map((f) => [f.id, f.value, f.checked]), [['forms', '7A', false], ['forms-2', '7B', false]], 'the first box carries the field’s id, for the error summary')
  t.same(view.rules.filter((r) => r.checked).map((r) => r.value), ['none'])
  t.equal(view.categories[0]!.id, 'category')
  t.notOk(view.reasons.some((r) => r.value === 'LETTER_SAFEGUARDING' || r.value === 'LETTER_MISSING'), 'a safeguarding match is for the DSL, not a need a club serves')
  t.same(view.slots.map((s) => [s.dayId, s.days.find((d) => d.selected)!.text]), [['slot1_day', 'Choose a day'], ['slot2_day', 'No second session']])
})

t.test('the edit form shows the opportunity as it is, and keeps needs the lists do not name', async (t) => {
  const o = row({ forms: ['7C'], needs: ['friendships', 'SDQ_SOMETHING_NEW'], rule: 'sen_any', slots: [{ weekday: 2, start: '08:30', end: '08:55' }, { weekday: 5, start: '08:30', end: '08:55' }] })
  const view = opportunityFormView({ urn: '100001', opportunity: o, values: formValuesOf(o), schoolForms: ['7A'] })
  t.match(view, { title: 'Edit Code club', action: '/s/100001/opportunities/1', archiveAction: '/s/100001/opportunities/1/archive', unreadWording: null, text: { name: 'Code club', min_places: '4', capacity: '12', pupil_description: 'Make games.' } })
  t.same(view.forms.map((f) => [f.value, f.checked]), [['7A', false], ['7C', true]], 'a form no pupil has yet stays ticked')
  t.same(view.otherNeeds, ['SDQ_SOMETHING_NEW'])
  t.same(view.worries.filter((w) => w.checked).map((w) => w.value), ['friendships'])
  t.same(view.rules.filter((r) => r.checked).map((r) => r.value), ['sen_any'])
  t.same(view.slots.map((s) => [s.days.find((d) => d.selected)!.text, s.start, s.end]), [['Tuesday', '08:30', '08:55'], ['Friday', '08:30', '08:55']])

  const unread = row({ slots: [], schedule: 'First half term', archived_at: new Date() })
  const archived = opportunityFormView({ urn: '100001', opportunity: unread, values: { ...formValuesOf(unread), interests: 'computing', name: ['Two', 'names'] }, schoolForms: [] })
  t.match(archived, { archiveAction: null, archived: true, unreadWording: 'First half term', text: { name: 'Two' } })
  t.same(archived.interests.filter((i) => i.checked).map((i) => i.value), ['computing'], 'one ticked box comes as one text')
})
