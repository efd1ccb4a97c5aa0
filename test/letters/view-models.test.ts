import t from 'tap'
import { markLetter } from '../../server/letters/view-models'

t.test('marks split the letter at every span; the most serious mark wins where they overlap', async (t) => {
  const text = 'I love art but my dad hits me'
  const segments = markLetter(text, {
    interests: [{ interest: 'art', text: 'love art', start: 2, end: 10 }],
    worries: [{ theme: 'family', text: 'my dad hits me', start: 15, end: 29 }],
    safeguarding: [{ category: 'physical_abuse', text: 'dad hits me', start: 18, end: 29 }]
  })
  t.equal(segments.map((s) => s.text).join(''), text, 'nothing lost or repeated')
  t.same(segments.map((s) => s.mark?.kind ?? null), [null, 'interest', null, 'worry', 'safeguarding'])
  t.equal(segments[4]!.mark!.label, 'safeguarding: physical abuse')
})

t.test('no analysis, or spans outside the text, leave the letter unmarked', async (t) => {
  t.same(markLetter('hello', null), [{ text: 'hello', mark: null }])
  t.same(markLetter('hello', { interests: [{ interest: 'art', text: 'x', start: 3, end: 99 }], worries: [], safeguarding: [] }), [{ text: 'hello', mark: null }])
})
