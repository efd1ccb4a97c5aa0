// Spans point at the child's own words; the JSON shape is the CLI contract.
import t from 'tap'
import { ANALYSER_VERSION, analyseLetter } from '../../server/letters/analyser'
import { loadCorpus } from './corpus'

t.test('every span is a slice of the original letter', async (t) => {
  let spans = 0
  for (const l of [...loadCorpus('dev'), ...loadCorpus('heldout')]) {
    const a = analyseLetter(l.letter)
    for (const s of [...a.worries, ...a.interests, ...a.strengths, ...a.safeguarding]) {
      spans++
      if (s.text !== l.letter.slice(s.start, s.end)) t.fail(`${l.id}: "${s.text}" at ${s.start}-${s.end}`)
    }
  }
  t.ok(spans > 100, `${spans} spans checked`)
})

t.test('spans keep the original spelling and capitals', async (t) => {
  const letter = 'ngl Im SCARD ill get LOST and i wanna kil myself'
  const a = analyseLetter(letter)
  t.same(a.safeguarding.map((s) => s.text), ['kil myself'])
  t.ok(a.worries.some((w) => w.text === 'get LOST'))
})

t.test('the result has exactly the contract keys, in order', async (t) => {
  const a = analyseLetter("I'm a bit nervous about getting lost but I love football. I'm good at art.")
  t.same(Object.keys(a), ['concern', 'worries', 'interests', 'strengths', 'safeguarding', 'families', 'resemblance', 'priority'])
  const b = analyseLetter('I lie awake every night.')
  t.same(Object.keys(b.families[0]!), ['family', 'strength', 'text', 'start', 'end'])
  t.ok(Number.isInteger(b.priority) && b.priority >= 0 && b.priority <= 100)
  t.same(Object.keys(a.worries[0]!), ['theme', 'text', 'start', 'end'])
  t.same(Object.keys(a.interests[0]!), ['interest', 'text', 'start', 'end'])
  t.same(Object.keys(a.strengths[0]!), ['strength', 'text', 'start', 'end'])
  t.match(ANALYSER_VERSION, /^\d+\.\d+\.\d+$/)
})
