// `npm run eval`: the analyser and the sentiment baseline, measured on the development and the
// held-out corpus and the three blind sets separately, with the letters behind every miss.
import { evaluate, loadCorpus, predictWithAnalyser, predictWithBaseline, BASELINE_HIGH_AT_OR_BELOW, BASELINE_NONE_FROM, BASELINE_SAFEGUARDING_AT_OR_BELOW, type Evaluation, type Score } from './corpus'

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

for (const name of ['dev', 'heldout', 'blind', 'blind2', 'blind3'] as const) {
  const corpus = loadCorpus(name)
  print(`${name}: analyser`, evaluate(corpus, predictWithAnalyser), true)
  print(`${name}: sentiment baseline (high at score <= ${BASELINE_HIGH_AT_OR_BELOW}, none from ${BASELINE_NONE_FROM}, safeguarding at <= ${BASELINE_SAFEGUARDING_AT_OR_BELOW}; no themes, interests or categories)`,
    evaluate(corpus, predictWithBaseline), false)
}
