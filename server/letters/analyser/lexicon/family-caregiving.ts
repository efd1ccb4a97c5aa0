// Distress family: caregiving, looking after a parent or brothers and sisters. Caring for a pet,
// babysitting for pocket money and helping to bake are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['hamster|dog|cat|pet|pets|fish|rabbit|plants|garden|puppy|kitten|guinea', 'pocket money|for money|paid', 'baking|cake|cakes|cupcakes|biscuits', 'bake a|some|with|for', 'help|helping (mum / my mum / dad / my dad) (bake / cook / with the cooking)',
  'flu|bug|virus|covid|chickenpox|cold|operation', 'mothers|fathers day', 'birthday', 'breakfast in bed', 'sometimes when mum|dad|she|he goes|go out|shopping', 'when we|i play|go']
const KIN = '(my mum / my dad / mum / dad / my brother / my sister / my brothers / my sisters / my little / my baby / the baby / my nan / my grandad / my siblings / the little ones / the kids / them / her / him)'

export const CAREGIVING: FamilyCue[] = [
  ...familyCues('caregiving', 3, ['young carer', 'i am a carer', 'i look|looks|looking after everyone', 'i have to do everything'], { unless: BENIGN }),
  ...familyCues('caregiving', 2, [
    'look|looking|looked|looks after (my mum / my dad / mum / dad / my nan / my grandad)', 'my mum|dad (is / has been / gets) (ill / poorly / sick / not well / in bed / sad / tired) * (so i / i have to / i do / i look)',
    'i do|make|cook (the / all the / our / everyone) cooking|cleaning|washing|shopping|tea|dinner|dinners|meals|breakfast',
    'make|get|take|walk (my brother / my sister / my brothers / my sisters / them / the little ones / my little) * (to school / breakfast / tea / dinner / ready / to bed / up)',
    'put (my brother / my sister / them / the little ones / the baby) to bed', 'help|helping (my mum / mum / my dad / dad) (get up / get dressed / with her medicine / with his medicine / wash / with her tablets)',
    'give|get (my mum / my dad / her / him / mum / dad) her|his medicine|tablets|pills', 'i have to look after|help (my mum / my dad / mum / dad / my brother / my sister / my nan / them / everyone)',
    // the child does a carer's jobs: "I help look after him", "get them dressed", "I do all the phone calls for my mum"
    `i help (look after / care for) ${KIN}`, 'get|got|getting (them / the twins / the babies / my brother / my sister / my brothers / my sisters) dressed|washed',
    'i do (all / most / most of / all of) the (letters / phone calls / shopping / cooking / cleaning / washing / forms)',
    'i sit|stay with (nan / my nan / grandad / my grandad / mum / my mum / dad / my dad) * because she|he (gets / is / has / can not)',
    'make|made (him / her / mum / dad / my mum / my dad) (cups of tea / a cup of tea / tea / breakfast / dinner / toast)',
  ], { unless: BENIGN }),
  ...familyCues('caregiving', 1, [`look|looking|looked|looks after ${KIN}`, 'babysit|babysitting'], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('caregiving', 2, ['(mum / dad / my mum / my dad) (has / has got / got) (ms / cancer / epilepsy / dementia / arthritis / depression / a bad back / diabetes / lupus)', 'help (her / him / mum / dad / my mum / my dad) (with the stairs / up the stairs / in the bath / in the shower / get up / out of bed)', 'i hope (mum / my mum / dad / my dad) is ok|okay|alright today', 'ring|call|text (her / him / mum / my mum / dad / my dad) at lunch|break|dinner *', '(i / so i) do most of the shopping|cooking|cleaning|washing'], { unless: BENIGN }),
]
