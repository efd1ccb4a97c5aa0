// The whole-letter reading: weights regenerated from the labelled letters are the committed ones; the
// reading raises concern only, never lowers it, and never touches safeguarding.
import t from 'tap'
import { analyseLetter, tokenise } from '../../server/letters/analyser'
import { LEARNED_HIGH, readWhole } from '../../server/letters/analyser/learned'
import { featuresOf } from '../../server/letters/analyser/learned/features'
import { train } from '../../server/letters/analyser/learned/train'
import { BIAS, WEIGHTS } from '../../server/letters/analyser/learned/weights'
import { trainingLetters } from './training'

const words = (text: string) => tokenise(text).map((x) => x.word)

t.test('the committed weights are what the labelled letters train (run scripts/letters-train.mjs)', async (t) => {
  const trained = train(trainingLetters())
  t.equal(trained.bias, BIAS)
  t.equal(trained.weights.length, WEIGHTS.size)
  t.same(trained.weights.filter(([k, v]) => WEIGHTS.get(k) !== v).slice(0, 5), [], 'every weight as committed')
})

t.test('training is deterministic and learns which words go with high letters', async (t) => {
  const letters = [
    ...Array.from({ length: 6 }, () => ({ words: words('nobody notices me and I cry at night'), high: true })),
    ...Array.from({ length: 6 }, () => ({ words: words('I love football and my dog'), high: false })),
  ]
  t.same(train(letters), train(letters))
  const w = new Map(train(letters).weights)
  t.ok((w.get('u:nobody') ?? 0) > 0 && (w.get('u:football') ?? 0) < 0)
})

t.test('features are words and word pairs, each once, without the words every letter has', async (t) => {
  t.same(featuresOf(['dear', 'me', 'i', 'cry', 'i', 'cry']).sort(), ['b:cry_i', 'b:dear_me', 'b:i_cry', 'b:me_i', 'u:cry'])
  t.same(featuresOf([]), [])
})

t.test('the reading names the words that weighed most and scores 0 to 1', async (t) => {
  const r = readWhole(words('Nobody would notice if I was not there. I stay in my room every break.'))
  t.ok(r.score >= 0 && r.score <= 1)
  t.ok(r.words.length > 0 && r.words.length <= 4)
  const since = readWhole(words('Since mum has been poorly I have to help a lot at home and I am always tired. I am scared when I am at school.'))
  t.notOk(since.words.some((w) => ['since', 'been', 'when', 'do not', 'i am'].includes(w)), `words that tell staff something: ${since.words.join(', ')}`)
  t.same(readWhole([]), { score: Math.round(1000 / (1 + Math.exp(-BIAS))) / 1000, words: [] })
})

t.test('it raises concern to high at LEARNED_HIGH and never lowers concern or changes safeguarding', async (t) => {
  const quiet = 'Dear me, I dont really have anyone at break. I walk round the field until the bell goes. Mum thinks I have loads of mates. Maybe it will be different but probably not.'
  const a = analyseLetter(quiet)
  t.ok(a.resemblance.score >= LEARNED_HIGH, `score ${a.resemblance.score}`)
  t.same(a.families, [], 'no family cue found: the words as a whole raise it')
  t.equal(a.concern, 'high')
  const disclosure = analyseLetter('I love football. My dad hits me when he is drunk.')
  t.equal(disclosure.concern, 'high')
  t.same(disclosure.safeguarding.map((s) => s.category), ['physical_abuse'])
  const happy = analyseLetter('I love football and my dog Max. I cannot wait for science!')
  t.ok(happy.resemblance.score < LEARNED_HIGH)
  t.equal(happy.concern, 'none')
})
