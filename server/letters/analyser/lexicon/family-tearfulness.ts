// Distress family: tearfulness, crying that keeps coming. Crying with laughter, at a sad film, or from
// onions, is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['laugh|laughing|laughed|happy tears|tears of joy', 'film|films|movie|movies|book|onion|onions|ending|episode|show', 'when i was (a baby / little / small / 3 / 4 / 5)', 'baby|babies']

export const TEARFULNESS: FamilyCue[] = [
  ...familyCues('tearfulness', 3, ['cry myself to sleep', 'cry|crying|cried (every night / every day / every morning / most nights / most mornings / all the time)', 'cry|crying for no reason'], { unless: BENIGN }),
  ...familyCues('tearfulness', 2, [
    'i (still)? cry when', 'i cried|cry so much', 'keep|kept crying', 'cried|cry|crying in the (toilets / toilet / changing room / changing rooms / bathroom / corner)',
    'i (still)? do it most mornings|nights|days', 'feel wobbly|teary|tearful about|when|every',
  ], { unless: BENIGN }),
]
