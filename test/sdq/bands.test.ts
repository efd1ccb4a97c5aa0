import t from 'tap'
import { bandSdq, DEFAULT_SDQ_BANDS, type SdqBandTable } from '../../server/sdq/bands'
import type { Informant, SdqScores } from '../../server/sdq/score'

function scores(partial: Partial<SdqScores>): SdqScores {
  return { emotional: null, conduct: null, hyperactivity: null, peer: null, prosocial: null, total: null, externalising: null, internalising: null, impact: null, ...partial }
}

// Each edge of the DOMAIN.md table: [informant, scale, score, band]
const edges: [Informant, keyof SdqScores, number, string][] = [
  ['self', 'total', 14, 'close_to_average'], ['self', 'total', 15, 'slightly_raised'], ['self', 'total', 17, 'slightly_raised'],
  ['self', 'total', 18, 'high'], ['self', 'total', 19, 'high'], ['self', 'total', 20, 'very_high'], ['self', 'total', 40, 'very_high'],
  ['self', 'emotional', 4, 'close_to_average'], ['self', 'emotional', 5, 'slightly_raised'], ['self', 'emotional', 6, 'high'], ['self', 'emotional', 7, 'very_high'],
  ['self', 'conduct', 2, 'close_to_average'], ['self', 'conduct', 3, 'slightly_raised'], ['self', 'conduct', 4, 'high'], ['self', 'conduct', 5, 'very_high'],
  ['self', 'hyperactivity', 5, 'close_to_average'], ['self', 'hyperactivity', 6, 'slightly_raised'], ['self', 'hyperactivity', 7, 'high'], ['self', 'hyperactivity', 8, 'very_high'],
  ['self', 'peer', 2, 'close_to_average'], ['self', 'peer', 3, 'slightly_raised'], ['self', 'peer', 4, 'high'], ['self', 'peer', 5, 'very_high'],
  ['self', 'prosocial', 7, 'close_to_average'], ['self', 'prosocial', 6, 'slightly_lowered'], ['self', 'prosocial', 5, 'low'], ['self', 'prosocial', 4, 'very_low'],
  ['self', 'impact', 0, 'close_to_average'], ['self', 'impact', 1, 'slightly_raised'], ['self', 'impact', 2, 'high'], ['self', 'impact', 3, 'very_high'], ['self', 'impact', 10, 'very_high'],
  ['parent', 'total', 13, 'close_to_average'], ['parent', 'total', 14, 'slightly_raised'], ['parent', 'total', 16, 'slightly_raised'],
  ['parent', 'total', 17, 'high'], ['parent', 'total', 19, 'high'], ['parent', 'total', 20, 'very_high'],
  ['parent', 'emotional', 3, 'close_to_average'], ['parent', 'emotional', 4, 'slightly_raised'], ['parent', 'emotional', 5, 'high'], ['parent', 'emotional', 6, 'high'], ['parent', 'emotional', 7, 'very_high'],
  ['parent', 'conduct', 2, 'close_to_average'], ['parent', 'conduct', 3, 'slightly_raised'], ['parent', 'conduct', 5, 'high'], ['parent', 'conduct', 6, 'very_high'],
  ['parent', 'hyperactivity', 5, 'close_to_average'], ['parent', 'hyperactivity', 7, 'slightly_raised'], ['parent', 'hyperactivity', 8, 'high'], ['parent', 'hyperactivity', 9, 'very_high'],
  ['parent', 'peer', 2, 'close_to_average'], ['parent', 'peer', 3, 'slightly_raised'], ['parent', 'peer', 4, 'high'], ['parent', 'peer', 5, 'very_high'],
  ['parent', 'prosocial', 8, 'close_to_average'], ['parent', 'prosocial', 7, 'slightly_lowered'], ['parent', 'prosocial', 6, 'low'], ['parent', 'prosocial', 5, 'very_low'],
  ['parent', 'impact', 0, 'close_to_average'], ['parent', 'impact', 2, 'high'], ['parent', 'impact', 3, 'very_high'],
  ['teacher', 'total', 11, 'close_to_average'], ['teacher', 'total', 12, 'slightly_raised'], ['teacher', 'total', 15, 'slightly_raised'],
  ['teacher', 'total', 16, 'high'], ['teacher', 'total', 18, 'high'], ['teacher', 'total', 19, 'very_high'],
  ['teacher', 'emotional', 3, 'close_to_average'], ['teacher', 'emotional', 4, 'slightly_raised'], ['teacher', 'emotional', 5, 'high'], ['teacher', 'emotional', 6, 'very_high'],
  ['teacher', 'conduct', 2, 'close_to_average'], ['teacher', 'conduct', 3, 'slightly_raised'], ['teacher', 'conduct', 4, 'high'], ['teacher', 'conduct', 5, 'very_high'],
  ['teacher', 'hyperactivity', 5, 'close_to_average'], ['teacher', 'hyperactivity', 6, 'slightly_raised'], ['teacher', 'hyperactivity', 7, 'slightly_raised'], ['teacher', 'hyperactivity', 8, 'high'], ['teacher', 'hyperactivity', 9, 'very_high'],
  ['teacher', 'peer', 2, 'close_to_average'], ['teacher', 'peer', 3, 'slightly_raised'], ['teacher', 'peer', 4, 'slightly_raised'], ['teacher', 'peer', 5, 'high'], ['teacher', 'peer', 6, 'very_high'],
  ['teacher', 'prosocial', 6, 'close_to_average'], ['teacher', 'prosocial', 5, 'slightly_lowered'], ['teacher', 'prosocial', 4, 'low'], ['teacher', 'prosocial', 3, 'very_low'], ['teacher', 'prosocial', 0, 'very_low'],
  ['teacher', 'impact', 0, 'close_to_average'], ['teacher', 'impact', 1, 'slightly_raised'], ['teacher', 'impact', 2, 'high'], ['teacher', 'impact', 3, 'very_high'], ['teacher', 'impact', 6, 'very_high']
]

t.test('band edges for each informant', async (t) => {
  for (const [informant, scale, score, band] of edges) {
    const bands = bandSdq(scores({ [scale]: score }), informant) as Record<string, string | null>
    t.equal(bands[scale], band, `${informant} ${scale} ${score}`)
  }
})

t.test('the table covers every score with no gap or overlap', async (t) => {
  for (const [informant, table] of Object.entries(DEFAULT_SDQ_BANDS)) {
    for (const [scale, ranges] of Object.entries(table)) {
      const max = scale === 'total' ? 40 : scale === 'impact' && informant === 'teacher' ? 6 : 10
      for (let s = 0; s <= max; s++) {
        t.equal(ranges.filter(([lo, hi]) => s >= lo && s <= hi).length, 1, `${informant} ${scale} ${s}`)
      }
    }
  }
})

t.test('missing scores have no band; a school can pass its own table', async (t) => {
  const b = bandSdq(scores({ total: 16 }), 'teacher')
  t.equal(b.emotional, null)
  t.equal(b.total, 'high')
  const adjusted: SdqBandTable = { ...DEFAULT_SDQ_BANDS, teacher: { ...DEFAULT_SDQ_BANDS.teacher, total: [[0, 16], [17, 17], [18, 18], [19, 40]] } }
  t.equal(bandSdq(scores({ total: 16 }), 'teacher', adjusted).total, 'close_to_average')
})
