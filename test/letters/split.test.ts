import t from 'tap'
import { tokenise } from '../../server/letters/analyser'
import { split } from '../../server/letters/analyser/split'

const shape = (text: string) => split(tokenise(text)).map((x) => `${x.word}:${x.sentence}.${x.segment}.${x.clause}`).join(' ')

t.test('sentences end at full stops, question marks and new lines', async (t) => {
  t.equal(shape('Hi. Go\nOk'), 'hi:0.0.0 go:1.1.1 ok:2.2.2')
})

t.test('"but" starts a new segment; "because" only a new clause', async (t) => {
  t.equal(shape('I was nervous but now excited'), 'i:0.0.0 was:0.0.0 nervous:0.0.0 but:0.1.1 now:0.1.2 excited:0.1.2')
  t.equal(shape('scared because big'), 'scared:0.0.0 because:0.0.1 big:0.0.1')
})

t.test('"and" starts a clause only before a new subject, so lists stay together', async (t) => {
  t.equal(shape('homework and the teachers'), 'homework:0.0.0 and:0.0.0 the:0.0.0 teachers:0.0.0')
  t.equal(shape('I hate it and I love art'), 'i:0.0.0 hate:0.0.0 it:0.0.0 and:0.0.1 i:0.0.1 love:0.0.1 art:0.0.1')
})

t.test('a sign-off is not part of the letter', async (t) => {
  t.equal(shape('my books. Love Isla'), 'my:0.0.0 books:0.0.0 isla:1.1.1')
})
