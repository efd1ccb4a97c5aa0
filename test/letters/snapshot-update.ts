// Rewrites test/fixtures/letters/analyser-snapshot.json from the analyser as it now is. Run it only when a
// change to the analyser's output is intended, and read the diff before committing it:
//   npm run -s build && node dist/test/letters/snapshot-update.js
import { writeFileSync } from 'node:fs'
import { SNAPSHOT_FILE, corpusLetters, formatSnapshot, outputFor, testPhrases } from './snapshot'

const entries = [...corpusLetters(), ...testPhrases()].map((l) => ({ ...l, ...outputFor(l.letter) }))
writeFileSync(SNAPSHOT_FILE, formatSnapshot(entries))
console.log(`${entries.length} letters written to ${SNAPSHOT_FILE}`)
