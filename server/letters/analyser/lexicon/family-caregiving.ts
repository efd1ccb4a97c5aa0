// Distress family: caregiving, looking after a parent or brothers and sisters. Caring for a pet,
// babysitting for pocket money and helping to bake are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['hamster|dog|cat|pet|pets|fish|rabbit|plants|garden|puppy|kitten|guinea', 'pocket money|for money|paid', 'bake|baking|cake|cakes|biscuits',
  'sometimes when (mum / dad / she / he) (goes / go) (out / shopping)', 'when (we / i) (play / go)']
const KIN = '(my mum / my dad / mum / dad / my brother / my sister / my brothers / my sisters / my little / my baby / the baby / my nan / my grandad / my siblings / the little ones / the kids / them / her / him)'

export const CAREGIVING: FamilyCue[] = [
  ...familyCues('caregiving', 3, ['young carer', 'i am a carer', 'i look|looks|looking after everyone', 'i have to do everything'], { unless: BENIGN }),
  ...familyCues('caregiving', 2, [
    'look|looking|looked|looks after (my mum / my dad / mum / dad / my nan / my grandad)', 'my (mum / dad) (is / has been / gets) (ill / poorly / sick / not well / in bed / sad / tired) * (so i / i have to / i do / i look)',
    'i (do / make / cook) (the / all the / our / everyone) (cooking / cleaning / washing / shopping / tea / dinner / dinners / meals / breakfast)',
    '(make / get / take / walk) (my brother / my sister / my brothers / my sisters / them / the little ones / my little) * (to school / breakfast / tea / dinner / ready / to bed / up)',
    'put (my brother / my sister / them / the little ones / the baby) to bed', 'help|helping (my mum / mum / my dad / dad) (get up / get dressed / with her medicine / with his medicine / wash / with her tablets)',
    'give|get (my mum / my dad / her / him / mum / dad) (her / his) (medicine / tablets / pills)', 'i have to look after|help (my mum / my dad / mum / dad / my brother / my sister / my nan / them / everyone)',
  ], { unless: BENIGN }),
  ...familyCues('caregiving', 1, [`look|looking|looked|looks after ${KIN}`, 'babysit|babysitting'], { unless: BENIGN }),
]
