import t from 'tap'
import { collapseRepeats, normalise } from '../../server/letters/analyser/normalise'

const words = (text: string) => normalise(text).map((tok) => tok.word)

t.test('lower-cases and expands contractions, keeping the original offsets', async (t) => {
  const text = "I'm not scared, I can't wait"
  const tokens = normalise(text)
  t.same(tokens.map((x) => x.word), ['i', 'am', 'not', 'scared', 'i', 'can', 'not', 'wait'])
  for (const tok of tokens) t.ok(text.slice(tok.start, tok.end).length > 0)
  t.equal(text.slice(tokens[0]!.start, tokens[0]!.end), "I'm")
  t.equal(text.slice(tokens[6]!.start, tokens[6]!.end), "can't")
})

t.test('unifies curly apostrophes and drops possessives', async (t) => {
  t.same(words('I don’t like my mum’s car'), ['i', 'do', 'not', 'like', 'my', 'mum', 'car'])
  t.same(words("it's fine"), ['it', 'is', 'fine'])
})

t.test('expands text-speak without inventing negations', async (t) => {
  t.same(words('ngl idk'), ['honestly', 'i', 'do', 'not', 'know'])
  t.same(words('wanna gonna kms lol'), ['want', 'to', 'going', 'to', 'kill', 'myself', 'lol'])
  t.same(words('dont cant wont im'), ['do', 'not', 'can', 'not', 'will', 'not', 'i', 'am'])
  t.same(words('ill be ok'), ['i', 'will', 'be', 'ok'])
  t.same(words('i am ill'), ['i', 'am', 'ill'])
})

t.test('an expanded word keeps the whole original span', async (t) => {
  const text = 'i wanna go'
  const tokens = normalise(text)
  t.same(tokens.slice(1, 3).map((x) => text.slice(x.start, x.end)), ['wanna', 'wanna'])
})

t.test('collapses repeated letters and remembers the emphasis', async (t) => {
  const known = (w: string) => ['so', 'please', 'cool'].includes(w)
  t.same(collapseRepeats('sooo', known), { word: 'so', collapsed: true })
  t.same(collapseRepeats('pleeease', known), { word: 'please', collapsed: true })
  t.same(collapseRepeats('coool', known), { word: 'cool', collapsed: true })
  t.same(collapseRepeats('good', known), { word: 'good', collapsed: false })
  const tokens = normalise('I am sooo scared', known)
  t.equal(tokens[2]!.word, 'so')
  t.equal(tokens[2]!.emphasis, true)
})

t.test('capitals are emphasis only in a letter that is not all capitals', async (t) => {
  t.equal(normalise('I am SO scared')[2]!.emphasis, true)
  t.equal(normalise('I AM SO SCARED')[2]!.emphasis, false)
  t.equal(normalise('PE is fun')[0]!.emphasis, false)
})

t.test('punctuation becomes breaks between tokens', async (t) => {
  const tokens = normalise('Hi. I am here, and happy; really\nyes')
  t.same(tokens.map((x) => x.breakBefore), [null, 'sentence', null, null, 'comma', null, 'clause', 'sentence'])
})
