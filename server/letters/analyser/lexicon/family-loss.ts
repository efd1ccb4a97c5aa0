// Distress family: loss and grief; a parent who left. Told in the past, it still tells about now. A
// parent who left for work, and a pet that died years ago, are the benign twins.
import { familyCues, type FamilyCue } from './types'

const PERSON = '(my dad / my mum / dad / mum / my mam / my father / my mother / my nan / my grandad / my grandma / my gran / my nanny / my granny / my grandpa / my brother / my sister / my auntie / my uncle)'
const BENIGN = ['for|to work|holiday|shops|shop|the shop|the shops|trip|meeting|gym', 'left for|to work|school|the|a', 'left early|late', 'left the house', 'came back|comes back',
  'goldfish|hamster|fish|rabbit|gerbil|hamsters|budgie', 'in the film|book|game|story', 'game|games|fortnite|minecraft']

export const LOSS: FamilyCue[] = [
  ...familyCues('loss', 2, [
    `${PERSON} (left / walked out / moved out / went away / is gone / has gone / has left / left us / left me / never came back)`,
    `${PERSON} (died / passed away / passed / is dead / has died)`, 'since (dad / mum / my dad / my mum / he / she) (left / died / went / passed / moved out)',
    'funeral|grave|cemetery', `never see ${PERSON} (again / anymore / any more)`, `do not see ${PERSON} (anymore / any more / now)`,
    `wish ${PERSON} (was / were / could) (here / still / come back / alive / home)`, 'wish (he / she) (was / were / could) (here / still / come back / alive / home)',
    `not the same since`, `cry|cried|crying about|for ${PERSON}`,
  ], { timeless: true, unless: BENIGN }),
  // "i miss my dad he left": the pronoun is the person named before
  ...familyCues('loss', 2, ['(he / she) (left / moved out / walked out) (us / me / home / $ / at christmas / last / when / after / in)'], { timeless: true, anySubject: true, unless: BENIGN }),
  ...familyCues('loss', 1, [
    `miss|missing ${PERSON}`, 'miss|missing (him / her) (so / every / all / loads)', 'goldfish|hamster|dog|cat|pet|fish|rabbit|guinea (died / passed)',
  ], { unless: ['will|going to|gonna miss', ...BENIGN.slice(0, 2)] }),
]
