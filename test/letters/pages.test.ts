// The letter and alert page views are pure: plain objects in, the page's model out.
import t from 'tap'
import { alertListView, alertPageView, letterPageView } from '../../server/letters/pages'

const letterRow = {
  id: 7, pupil_id: 3, text: 'I hurt myself and I like art.', written_on: '2026-07-01', concern: 'high', review_concern: null,
  review_worries: null, review_interests: null, forename: 'Aisha', surname: 'Khan', preferred_forename: 'Ash',
  analysis: {
    concern: 'high',
    worries: [],
    interests: [{ interest: 'art', text: 'art', start: 25, end: 28 }],
    safeguarding: [{ category: 'self_harm', text: 'I hurt myself', start: 0, end: 13 }]
  }
}

t.test('a letter page: name, marks, one word per category, the analyser’s reading preselected', async (t) => {
  const view = letterPageView({ letter: letterRow, history: [] } as never, '123456')
  t.equal(view.title, 'Letter from Ash Khan')
  t.equal(view.backHref, '/s/123456/pupils/3')
  t.same(view.safeguarding.map((s) => s.label), ['self-harm'])
  t.same(view.segments.filter((s) => s.mark).map((s) => s.mark!.label), ['Safeguarding: self-harm', 'Interest: art'])
  t.equal(view.concerns.find((c) => c.checked)?.value, 'high')
  t.ok(view.interests.find((i) => i.value === 'art')?.checked, 'the analyser’s interests are ticked until staff review')
  t.equal(view.staffConcern, null)
})

t.test('an alert page and list: categories in words, the chosen outcome kept on a re-render', async (t) => {
  const alert = {
    id: 9, pupil_id: 3, status: 'open', outcome: null, categories: ['self_harm', 'neglect'], letter_text: 'I hurt myself.',
    passages: [{ category: 'self_harm', text: 'I hurt myself', start: 0, end: 13 }], forename: 'Aisha', surname: 'Khan', preferred_forename: null
  }
  const view = alertPageView({ alert, events: [] } as never, '123456', 'already_known')
  t.equal(view.title, 'Safeguarding alert: Aisha Khan')
  t.equal(view.categoryLabels, 'self-harm, neglect')
  t.equal(view.outcomes.find((o) => o.checked)?.value, 'already_known')
  const list = alertListView([alert, { ...alert, id: 10, status: 'handled', outcome: 'not_a_concern' }] as never)
  t.same(list.open.map((a) => a.id), [9])
  t.same(list.handled.map((a) => a.id), [10])
  t.match(list.handled[0]!.outcomeLabel, 'Not a safeguarding concern')
})
