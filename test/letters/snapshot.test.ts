// The analyser's output on every corpus letter and test phrasing equals the committed snapshot
// (test/fixtures/letters/analyser-snapshot.json), so a refactor that changes what any letter says fails
// here, naming the letter. This test never rewrites the snapshot: see the fixtures README.
import t from 'tap'
import { corpusLetters, outputFor, readSnapshot } from './snapshot'

const snapshot = readSnapshot()

t.test('every letter gives the output in the snapshot', async (t) => {
  t.ok(snapshot.length > 0, `${snapshot.length} letters in the snapshot`)
  for (const { set, id, letter, ...expected } of snapshot) {
    t.strictSame(outputFor(letter), expected, `${set}/${id}: ${letter.slice(0, 80)}`)
  }
})

t.test('the snapshot holds every corpus letter as it now reads', async (t) => {
  const byKey = new Map(snapshot.map((e) => [`${e.set}/${e.id}`, e.letter]))
  for (const l of corpusLetters()) {
    t.equal(byKey.get(`${l.set}/${l.id}`), l.letter, `${l.set}/${l.id} is in the snapshot (after a corpus change, rewrite it)`)
  }
})
