// Distress family: loss and grief; a parent who left. Told in the past, it still tells about now. A
// parent who left for work, and a pet that died years ago, are the benign twins.
import { familyCues, type FamilyCue } from './types'

const PERSON = '(my dad / my mum / dad / mum / my mam / my father / my mother / my nan / my grandad / my grandma / my gran / my nanny / my granny / my grandpa / my brother / my sister / my auntie / my uncle)'
const BENIGN = ['for|to work|holiday|shops|shop|trip|meeting|gym', 'the shop|shops', 'left for|to work|school|the|a', 'left early|late', 'left the house', 'came back|comes back',
  'goldfish|hamster|fish|rabbit|gerbil|hamsters|budgie', 'in the film|book|game|story', 'game|games|fortnite|minecraft']

export const LOSS: FamilyCue[] = [
  ...familyCues('loss', 2, [
    `${PERSON} (left / walked out / moved out / went away / is gone / has gone / has left / left us / left me / never came back)`,
    `${PERSON} (died / passed away / passed / is dead / has died)`, 'since (dad / mum / my dad / my mum / he / she) (left / died / went / passed / moved out)',
    'funeral|grave|cemetery', `never see ${PERSON} (again / anymore / any more)`, `do not see ${PERSON} (anymore / any more / now)`,
    `wish ${PERSON} (was / were / could) (here / still / come back / alive / home)`, 'wish he|she was|were|could (here / still / come back / alive / home)',
    `not the same since`, `cry|cried|crying about|for ${PERSON}`,
  ], { timeless: true, unless: BENIGN }),
  // "i miss my dad he left": the pronoun is the person named before
  ...familyCues('loss', 2, ['he|she (left / moved out / walked out) (us / me / home / $ / at christmas / last / when / after / in)'], { timeless: true, anySubject: true, unless: BENIGN }),
  ...familyCues('loss', 1, [
    `miss|missing ${PERSON}`, 'miss|missing him|her so|every|all|loads', 'goldfish|hamster|dog|cat|pet|fish|rabbit|guinea died|passed',
  ], { unless: ['will|going to|gonna miss', ...BENIGN.slice(0, 2)] }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('loss', 2, ['(mum / dad / nan / grandad / grandma / grandpa / my mum / my dad) would have (loved / liked / been proud)', '(got / was / had to be) put down', '(will not / wont / is not going to) be back for (a long time / ages / years)', 'two|three|four|2|3|4 years * still think about her|him', 'still think about her|him|them (every / all the)', 'since|after (mum / dad / my mum / my dad / nan / my nan / grandad / my grandad) (died / passed away / left)', "(haven't / have not / not) stopped crying", 'everything (is / has) * gone (grey / dark / quiet / wrong)', 'it is not the same (without / since / anymore / any more)'], { unless: BENIGN }),
  ...familyCues('loss', 1, ['(split up / broke up / separated / got divorced)', 'i miss (him / her / them / my dad / my mum) (so much / loads / a lot / every)'], { unless: BENIGN }),
]
