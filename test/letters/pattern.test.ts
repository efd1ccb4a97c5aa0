import t from 'tap'
import { tokenise } from '../../server/letters/analyser'
import { compilePattern, expandGroups, matchAt } from '../../server/letters/analyser/pattern'
import { split } from '../../server/letters/analyser/split'

const classes = { PARENT: ['mum', 'dad'] }
function matches(source: string, text: string, at = 0): string | null {
  const tokens = split(tokenise(text))
  const end = matchAt(compilePattern(source, classes), tokens, at)
  return end === -1 ? null : tokens.slice(at, end).map((x) => x.word).join(' ')
}

t.test('alternatives, optional words and word classes', async (t) => {
  t.equal(matches('scared|afraid of', 'afraid of dogs'), 'afraid of')
  t.equal(matches('i really? scared', 'i scared'), 'i scared')
  t.equal(matches('my @PARENT', 'my dad'), 'my dad')
  t.equal(matches('my @PARENT', 'my dog'), null)
})

t.test('gaps stay inside the sentence', async (t) => {
  t.equal(matches('dad * hits me', 'dad often hits me'), 'dad often hits me')
  t.equal(matches('dad * hits me', 'dad. hits me'), null)
  t.equal(matches('dad * hits me', 'dad a b c d hits me'), null)
})

t.test('"$" anchors the end of a clause', async (t) => {
  t.equal(matches('want to dye $', 'i want to dye', 1), 'want to dye')
  t.equal(matches('want to dye $', 'i want to dye my hair', 1), null)
})

t.test('phrase groups expand into plain patterns', async (t) => {
  t.same(expandGroups('eat (on my own / alone) at lunch'), ['eat on my own at lunch', 'eat alone at lunch'])
  t.throws(() => compilePattern('* scared', classes))
  t.throws(() => compilePattern('@NOPE', classes))
})
