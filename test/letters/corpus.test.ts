// The targets, asserted on the development corpus, the held-out corpus and the three blind sets, so a
// regression fails `npm test`. Each blind set was written before its author read the analyser, then used
// for one round of improvement (fixtures README): they guard against regressions, they no longer measure
// unseen letters.
import t from 'tap'
import { evaluate, loadCorpus, predictWithAnalyser } from './corpus'

for (const name of ['dev', 'heldout', 'blind', 'blind2', 'blind3'] as const) {
  t.test(`${name} corpus meets the targets`, async (t) => {
    const e = evaluate(loadCorpus(name), predictWithAnalyser)
    t.equal(e.safeguardingAny.recall, 1, `safeguarding recall 1.0; missed ${e.safeguardingAny.missed.join(' ')}`)
    t.ok(e.safeguardingAny.precision >= 0.9, `safeguarding precision ${e.safeguardingAny.precision.toFixed(2)} >= 0.9; false ${e.safeguardingAny.falseAlarms.join(' ')}`)
    for (const s of e.safeguarding) t.equal(s.recall, 1, `${s.label} recall; missed ${s.missed.join(' ')}`)
    t.ok(e.concernHigh.recall >= 0.9, `concern=high recall ${e.concernHigh.recall.toFixed(2)} >= 0.9; missed ${e.concernHigh.missed.join(' ')}`)
    t.ok(e.someRaisedToHigh.rate <= 0.1, `some raised to high ${e.someRaisedToHigh.rate.toFixed(2)} <= 0.10: ${e.someRaisedToHigh.ids.join(' ')}`)
    t.ok(e.interestsMicro.f1 >= 0.85, `interests F1 ${e.interestsMicro.f1.toFixed(2)} >= 0.85`)
  })
}

t.test('the corpus covers every label', async (t) => {
  const all = [...loadCorpus('dev'), ...loadCorpus('heldout')]
  t.ok(all.length >= 150, `${all.length} letters`)
  const e = evaluate(all, predictWithAnalyser)
  for (const s of [...e.safeguarding, ...e.interests, ...e.worries]) t.ok(s.tp + s.fn > 0, `${s.label} appears in the corpus`)
})
