// The whole-letter reading: weights regenerated from the labelled letters are the committed ones; the
// reading raises concern only, never lowers it, and never touches safeguarding.
import t from 'tap'
import { analyseLetter, tokenise } from '../../server/letters/analyser'
import { DISCLOSURE_AT, LEARNED_HIGH, LEARNED_ORDINARY, pushOf, readDisclosure, readWhole, settleConcern } from '../../server/letters/analyser/learned'
import { CATEGORY_MODELS, DISCLOSURE_BIAS, DISCLOSURE_WEIGHTS } from '../../server/letters/analyser/learned/disclosure-weights'
import { featuresOf } from '../../server/letters/analyser/learned/features'
import { CATEGORY_KEEP_ABOVE, TRAINING, train, trainDisclosures } from '../../server/letters/analyser/learned/train'
import { BIAS, WEIGHTS } from '../../server/letters/analyser/learned/weights'
import { SAFEGUARDING_CATEGORIES } from '../../server/letters/analyser/labels'
import { split } from '../../server/letters/analyser/split'
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

t.test('it raises concern to high at LEARNED_HIGH and never changes safeguarding', async (t) => {
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

t.test('settleConcern: the one place the lexicon and the whole-letter reading settle concern', async (t) => {
  const at = (score: number, disclosed = false, firm = false) => ({ score, disclosed, firm })
  // a disclosure is high whatever the reading says
  t.equal(settleConcern('none', at(0, true)), 'high')
  t.equal(settleConcern('high', at(0, true)), 'high')
  // the reading raises any letter at LEARNED_HIGH
  t.equal(settleConcern('none', at(LEARNED_HIGH)), 'high')
  t.equal(settleConcern('some', at(LEARNED_HIGH)), 'high')
  t.equal(settleConcern('some', at(LEARNED_HIGH - 0.01)), 'some')
  t.equal(settleConcern('none', at(LEARNED_HIGH - 0.01)), 'none')
  // a lexicon high the whole letter reads as ordinary is ordinary nerves, unless a family is strong
  // pushed towards ordinary from the prior (a letter with no words) by more than LEARNED_ORDINARY, in log-odds
  const pushed = (push: number) => 1 / (1 + Math.exp(-(BIAS + push)))
  t.ok(Math.abs(pushOf(pushed(-0.7)) + 0.7) < 1e-9)
  t.equal(settleConcern('high', at(pushed(-LEARNED_ORDINARY - 0.01))), 'some')
  t.equal(settleConcern('high', at(pushed(-LEARNED_ORDINARY + 0.01))), 'high')
  t.equal(settleConcern('high', at(pushed(0))), 'high', 'a letter whose words say nothing either way keeps the lexicon\'s high')
  t.equal(settleConcern('high', at(pushed(-5), false, true)), 'high', 'a strong family or pervasive worry is firm')
  t.equal(settleConcern('high', at(0)), 'some')
})

t.test('a one-line letter keeps the lexicon\'s high: its few words are no evidence that it is ordinary', async (t) => {
  for (const letter of ['I cry every night.', 'Nobody likes me.', 'help me help me', "I'm really really scared about secondary."]) {
    t.equal(analyseLetter(letter).concern, 'high', letter)
  }
  t.equal(analyseLetter("I'm worried about getting lost. I'm worried about the homework. I'm worried about the big kids.").concern, 'high', 'pervasive worry is firm')
})

t.test('in a letter: one worrying phrase among ordinary nerves and a plan is some; a disclosure or a strong family stays high', async (t) => {
  const coping = 'hiya future me so im kinda nervous cos none of my mates are going to my school. what if i end up sitting alone at lunch lol. my big sister says just ask someone about fortnite n ull be fine. anyway cant wait for the science labs. from dev'
  const a = analyseLetter(coping)
  t.ok(pushOf(a.resemblance.score) <= -LEARNED_ORDINARY, `score ${a.resemblance.score}`)
  t.equal(a.concern, 'some')
  // "sitting alone" is a worry the lexicon reads as high on its own: the whole letter settles it
  t.ok(a.worries.some((w) => w.text === 'sitting alone'), 'its worries are still listed for staff')
  const told = analyseLetter(`${coping} ps my stepdad hits me when mum is at work`)
  t.equal(told.concern, 'high')
  t.ok(told.safeguarding.some((s) => s.category === 'physical_abuse'))
})

t.test('the committed disclosure weights are what the labelled letters train (run scripts/letters-train.mjs)', async (t) => {
  const trained = trainDisclosures(trainingLetters(), SAFEGUARDING_CATEGORIES)
  t.equal(trained.any.bias, DISCLOSURE_BIAS)
  t.equal(trained.any.weights.length, DISCLOSURE_WEIGHTS.size)
  t.same(trained.any.weights.filter(([k, v]) => DISCLOSURE_WEIGHTS.get(k) !== v).slice(0, 5), [], 'every weight as committed')
  t.same(CATEGORY_MODELS.map((m) => m.category), [...SAFEGUARDING_CATEGORIES])
  for (const [category, m] of trained.categories) {
    const committed = CATEGORY_MODELS.find((c) => c.category === category)!
    t.equal(m.bias, committed.bias, category)
    t.same(m.weights.filter(([k, v]) => committed.weights.get(k) !== v).slice(0, 5), [], `${category}: every weight as committed`)
    t.ok(m.weights.every(([, v]) => Math.abs(v) >= CATEGORY_KEEP_ABOVE), `${category}: only the weights that name a category`)
  }
})

t.test('the disclosure models learn which letters disclose and in which category', async (t) => {
  const letters = [
    ...Array.from({ length: 6 }, () => ({ words: words('my dad hits me with a belt'), high: true, safeguarding: ['physical_abuse'] })),
    ...Array.from({ length: 6 }, () => ({ words: words('nobody feeds us and the fridge is empty'), high: true, safeguarding: ['neglect'] })),
    ...Array.from({ length: 6 }, () => ({ words: words('I love football and my dog'), high: false })),
  ]
  const d = trainDisclosures(letters, ['physical_abuse', 'neglect'], TRAINING)
  t.ok((new Map(d.any.weights).get('u:football') ?? 0) < 0)
  const [physical, neglect] = d.categories.map(([, m]) => new Map(m.weights))
  t.ok((physical!.get('u:belt') ?? 0) > 0 && (neglect!.get('u:belt') ?? 0) < 0)
  t.ok((neglect!.get('u:fridge') ?? 0) > 0)
})

t.test('the disclosure reading adds one match for the DSL where no rule found one, names a category and a sentence', async (t) => {
  const told = 'He says it is our special secret and I must not tell Mum. I do not like it when he comes in my room at night. I like drawing.'
  const reading = readDisclosure(split(tokenise(told)))
  t.ok(reading && reading.score >= DISCLOSURE_AT, `score ${reading?.score}`)
  const a = analyseLetter(told)
  t.same(a.safeguarding, [{ category: 'sexual_abuse', text: 'He says it is our special secret and I must not tell Mum', start: 0, end: 56, learned: true }])
  t.equal(a.concern, 'high')
  // its benign twin, and a letter a rule reads: the reading adds nothing
  const twin = 'He says it is our special surprise for Mum and I must not tell Mum. I like drawing.'
  t.equal(readDisclosure(split(tokenise(twin))), null)
  t.same(analyseLetter(twin).safeguarding, [])
  const ruled = analyseLetter('He says it is our special thing and I must not tell Mum. My dad hits me.')
  t.notOk(ruled.safeguarding.some((s) => s.learned), 'a rule found it: no learned match beside it')
  t.equal(readDisclosure(split(tokenise('I love football and my dog Max.'))), null)
})
