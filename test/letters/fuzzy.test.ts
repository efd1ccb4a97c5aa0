import t from 'tap'
import { tokenise } from '../../server/letters/analyser'
import { allowedEdits, editDistance } from '../../server/letters/analyser/fuzzy'

const canon = (text: string) => tokenise(text).map((x) => x.word).join(' ')

t.test('edit distance counts swaps as one edit and gives up past the limit', async (t) => {
  t.equal(editDistance('frends', 'friends', 2), 1)
  t.equal(editDistance('nervuos', 'nervous', 2), 1)
  t.equal(editDistance('abc', 'xyz', 1), 2)
})

t.test('allowed edits scale with word length and are none for short words', async (t) => {
  t.same([3, 4, 5, 7, 8, 12].map(allowedEdits), [0, 0, 1, 1, 2, 2])
})

t.test("children's misspellings map onto the lexicon", async (t) => {
  t.equal(canon('scard nervus frends bullyed'), 'scared nervous friends bullied')
  t.equal(canon('wanna kil myself'), 'want to kill myself')
  t.equal(canon('detenshuns homwork worryed'), 'detentions homework worried')
})

t.test('phonetic keys catch misspellings beyond the edit distance', async (t) => {
  t.equal(canon('detenshons'), 'detentions')
})

t.test('short words are never fuzzed into other words', async (t) => {
  t.equal(canon('hot dye hit'), 'hot dye hit')
  t.equal(canon('bit sit'), 'bit sit')
})

t.test('real words near a lexicon word stay themselves', async (t) => {
  t.equal(canon('summer'), 'summer')
  t.equal(canon('hunts'), 'hunts')
})
