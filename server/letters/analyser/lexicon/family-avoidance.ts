// Distress family: avoidance and refusal, and planning to stay invisible at the new school. An
// invisibility cloak, staying home when ill and sitting at the back of the bus are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['invisibility|cloak|harry|potter|superpower|superpowers', 'game|games|hide and|n seek', 'when i am ill|poorly|sick', 'bus|coach|cinema|car']

export const AVOIDANCE: FamilyCue[] = [
  ...familyCues('avoidance', 3, [
    'stay|be|keep|staying invisible|unnoticed', 'plan|planning|going to * (keep my head down / stay invisible / not talk to anyone / not be noticed / not speak)',
    'pretend|pretended|pretending to be ill|sick|poorly', 'refuse|refused|refusing', 'not going to go (at all / ever / in)',
  ], { unless: BENIGN }),
  ...familyCues('avoidance', 2, [
    'keep|keeping my head down', 'sit|sitting at the back * (so / no one / nobody / notice / not)', 'not|never put my hand up', 'not be noticed|seen',
    'be invisible', 'avoid|avoiding|avoided everyone|people|going|school|the|them|talking', 'stay|stayed|staying (home / at home / off school / off / in my room / in bed) * (because / so / every / most / again)',
    'stopped going to|out', 'do not go out|outside (anymore / any more)', 'make myself small', 'try|trying not to be seen|noticed', 'not talk to anyone',
    'not want to go (in / back / at all / anywhere)', 'not (speak / talk / say anything) (at all / in class / to anyone)',
  ], { unless: BENIGN }),
  ...familyCues('avoidance', 1, ['blend in', 'stay quiet', 'keep quiet', 'try not to talk'], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('avoidance', 2, ['i will not (do / go / get / join / sit / eat / go on / go in / take) * $', 'i am not (getting / going on / joining / going to join / going in / doing) the|any', 'keep my head down', 'never put my hand up', 'sit (nearest / next to / by) the door so', 'so i can get out first', 'just go to lessons and go home', 'not joining any clubs|teams', 'walk the long way', 'duck|hide|hid behind the|a * when', 'so (mum / my mum / dad / my dad) (would not / wouldnt / will not / cant) make me go'], { unless: BENIGN }),
]
