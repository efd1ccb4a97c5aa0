// `npm run eval`: the analyser and the sentiment baseline, measured on the development and the
// held-out corpus and the three blind sets separately, with the letters behind every miss.
// Sets named on the command line are measured alone: `npm run eval -- dev blind3` (the blind4 sets are for the lead
// engineer's measurement; whoever builds the analyser runs only the older ones).
import {
  evaluate, familyRecall, loadCorpus, loadProbes, predictWithAnalyser, predictWithBaseline, probeFalseAlarms, queueRecall,
  BASELINE_HIGH_AT_OR_BELOW, BASELINE_NONE_FROM, BASELINE_SAFEGUARDING_AT_OR_BELOW, type CorpusName, type Evaluation, type Score,
} from './corpus'

const pct = (x: number) => x.toFixed(2)

function line(s: Score, showMisses = true): string {
  const head = `  ${s.label.padEnd(18)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`
  if (!showMisses) return head
  const misses = [s.missed.length ? `missed ${s.missed.join(' ')}` : '', s.falseAlarms.length ? `false ${s.falseAlarms.join(' ')}` : ''].filter(Boolean)
  return misses.length ? `${head}\n      ${misses.join('\n      ')}` : head
}

function print(title: string, e: Evaluation, full: boolean): void {
  console.log(`\n== ${title} (${e.letters} letters)`)
  console.log('safeguarding')
  console.log(line(e.safeguardingAny))
  if (full) for (const s of e.safeguarding) console.log(line(s))
  console.log('concern')
  console.log(line(e.concernHigh))
  console.log(`  some raised to high  ${pct(e.someRaisedToHigh.rate)} (${e.someRaisedToHigh.ids.length} of ${e.someRaisedToHigh.of})${e.someRaisedToHigh.ids.length ? ': ' + e.someRaisedToHigh.ids.join(' ') : ''}`)
  console.log('  confusion (rows: labelled, columns: predicted none/some/high)')
  for (const [truth, row] of Object.entries(e.concernConfusion)) console.log(`    ${truth.padEnd(5)} ${row.none} / ${row.some} / ${row.high}`)
  if (!full) return
  console.log('interests')
  console.log(line(e.interestsMicro))
  for (const s of e.interests) console.log(line(s))
  console.log('worry themes')
  console.log(line(e.worriesMicro, false))
  for (const s of e.worries) console.log(line(s))
}

const SETS: readonly CorpusName[] = ['dev', 'heldout', 'blind', 'blind2', 'blind3', 'blind4-subtle', 'blind4-lookalikes', 'blind4-disclosures',
  'blind5-subtle', 'blind5-lookalikes', 'blind5-disclosures', 'blind6-subtle', 'blind6-lookalikes', 'blind6-disclosures',
  'blind7-subtle', 'blind7-lookalikes', 'blind7-disclosures', 'blind8-subtle', 'blind8-lookalikes', 'blind8-disclosures']
const asked = process.argv.slice(2)
const unknown = asked.filter((a) => a !== 'probes' && !(SETS as readonly string[]).includes(a))
if (unknown.length) throw new Error(`unknown set ${unknown.join(', ')}; the sets are ${SETS.join(', ')} and probes`)

for (const name of SETS.filter((s) => asked.length === 0 || asked.includes(s))) {
  const corpus = loadCorpus(name)
  print(`${name}: analyser`, evaluate(corpus, predictWithAnalyser), true)
  const predictions = corpus.map(predictWithAnalyser)
  const q = queueRecall(corpus, predictions)
  console.log(`review queue: high letters in the top 20% by priority (${q.top} letters)  ${q.found} of ${q.of} (best possible ${q.best})${q.missed.length ? `\n      not in it: ${q.missed.join(' ')}` : ''}`)
  const families = familyRecall(corpus, predictions)
  if (families.length) {
    console.log('distress families (labelled: family found / letter read high)')
    for (const f of families) console.log(`  ${f.family.padEnd(14)} ${f.of} letters  found ${f.found}  high ${f.high}${f.missed.length ? `  missed ${f.missed.join(' ')}` : ''}`)
  }
  print(`${name}: sentiment baseline (high at score <= ${BASELINE_HIGH_AT_OR_BELOW}, none from ${BASELINE_NONE_FROM}, safeguarding at <= ${BASELINE_SAFEGUARDING_AT_OR_BELOW}; no themes, interests or categories)`,
    evaluate(corpus, predictWithBaseline), false)
}

if (asked.length === 0 || asked.includes('probes')) {
  const p = probeFalseAlarms(loadProbes())
  console.log(`\n== benign probes (${p.of} sentences and short letters)`)
  console.log(`  safeguarding matches ${p.safeguarding.length}${p.safeguarding.length ? ': ' + p.safeguarding.join(' ') : ''}`)
  console.log(`  high ${p.high.length} (${(p.high.length / p.of * 100).toFixed(1)}%)${p.high.length ? ': ' + p.high.join(' ') : ''}`)
}
