// The letter's marked segments: plain text in, segments out; never markup.
import t from 'tap'
import { familySummary, markLetter, strengthWord, wholeReading } from '../../server/letters/view-models'

const text = 'I like art. I am scared of the big kids. I hurt myself.'
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })

t.test('spans become labelled segments in order, with the text between them', async (t) => {
  const segments = markLetter(text, {
    interests: [{ interest: 'art', text: 'art', ...at('art') }],
    worries: [{ theme: 'older_pupils', text: 'the big kids', ...at('the big kids') }],
    safeguarding: [{ category: 'self_harm', text: 'I hurt myself', ...at('I hurt myself') }]
  })
  t.equal(segments.map((s) => s.text).join(''), text, 'nothing lost or repeated')
  t.same(
    segments.filter((s) => s.mark).map((s) => [s.text, s.mark!.kind, s.mark!.label]),
    [
      ['art', 'interest', 'Interest: art'],
      ['the big kids', 'worry', 'Worry: older pupils'],
      ['I hurt myself', 'safeguarding', 'Safeguarding: self-harm']
    ]
  )
})

t.test('overlaps keep the more serious span; bad spans are dropped or clipped', async (t) => {
  const segments = markLetter(text, {
    worries: [{ theme: 'general_anxiety', ...at('scared of the big kids') }, { theme: 'x', start: 'a', end: 3 }, { theme: 'y', start: 5, end: 2 }],
    safeguarding: [{ category: 'physical_abuse', ...at('the big kids') }, { category: 'neglect', start: text.length - 3, end: text.length + 50 }],
    interests: 'not a list'
  })
  t.equal(segments.map((s) => s.text).join(''), text)
  t.same(
    segments.filter((s) => s.mark).map((s) => [s.text, s.mark!.kind]),
    [
      ['the big kids', 'safeguarding'],
      ['lf.', 'safeguarding']
    ]
  )
  t.same(markLetter('Hello', null), [{ text: 'Hello', mark: null }], 'no analysis: the letter as it is')
  t.same(markLetter('', { worries: [{ theme: 'x', start: 0, end: 4 }] }), [], 'an empty letter')
})

t.test('distress families: marked in the letter with their strength, summarised strongest first', async (t) => {
  const letter = 'i lie awake every night. i hide my arms.'
  const analysis = {
    families: [
      { family: 'sleep', strength: 'strong', text: 'lie awake every night', start: 2, end: 23 },
      { family: 'hiding', strength: 'clear', text: 'hide my arms', start: 27, end: 39 },
      { family: 'hiding', strength: 'weak', text: 'hide my arms', start: 27, end: 39 },
      { strength: 'clear' }, 'nonsense'
    ]
  }
  t.same(markLetter(letter, analysis).filter((s) => s.mark).map((s) => [s.text, s.mark!.kind, s.mark!.label]), [
    ['lie awake every night', 'family', 'Distress: sleep, persistent'],
    ['hide my arms', 'family', 'Distress: hiding and covering up, clear']
  ])
  t.same(familySummary(analysis.families), [
    { family: 'sleep', label: 'sleep', strength: 'persistent', words: ['lie awake every night'] },
    { family: 'hiding', label: 'hiding and covering up', strength: 'clear', words: ['hide my arms'] }
  ])
  t.same(familySummary(undefined), [], 'an analysis from before 1.4.0 has no families')
  t.equal(strengthWord('odd'), 'found')
})

t.test('the whole-letter reading as staff see it, read tolerantly from a stored analysis', async (t) => {
  t.same(wholeReading({ score: 0.953, words: ['nobody', 'my room', 7] }), { percent: 95, words: ['nobody', 'my room'], raised: true, ordinary: false })
  t.same(wholeReading({ score: 0.42 }), { percent: 42, words: [], raised: false, ordinary: false })
  t.same(wholeReading({ score: 0.001 }), { percent: 0, words: [], raised: false, ordinary: true }, 'words that read as an ordinary letter')
  t.equal(wholeReading(undefined), null, 'an analysis from before 1.7.0 has none')
  t.equal(wholeReading({ score: 'high' }), null)
  t.equal(wholeReading({ score: Number.NaN }), null)
})
