// Distress family: eating and the body: not eating, hiding food, counting what one eats, fear of getting fat. A
// fussy eater, a diet for a team, or not liking the school dinners is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['sprouts|broccoli|mushrooms|peas|beans|fish|curry', 'fussy|picky', 'too full|stuffed|so full', 'team|striker|squad|coach says|protein', 'dinner lady|dinner ladies|menu']

export const EATING: FamilyCue[] = [
  ...familyCues('eating', 3, ['put|throw|threw|chuck my sandwiches|lunch|dinner|food in the bin', 'so (mum / my mum / dad / my dad) thinks i (ate / eat / have eaten)', 'make me fat', 'make myself sick after'], { unless: BENIGN }),
  ...familyCues('eating', 2, [
    '(can not / could not) face (food / eating / my lunch / my dinner)', 'read|check|count the labels|calories', 'thinking about everything i eat', 'skip|skipped|skipping lunch|breakfast|dinner|meals',
    'feels wrong eating', '(do not / dont) eat (at school / at lunch / in front of)', 'i am (too)? fat', 'look perfect',
  ], { unless: BENIGN }),
]
