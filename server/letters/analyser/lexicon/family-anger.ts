// Distress family: anger the child cannot hold, and is frightened or ashamed of. Anger at a game, a referee or a
// sibling who took the charger, told with a laugh, is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['lol|haha|jk', 'referee|ref|fifa|fortnite|minecraft|roblox|game|controller|charger|remote', 'in (the game / fortnite / fifa)']

export const ANGER: FamilyCue[] = [
  ...familyCues('anger', 3, ['i (just)? explode at people|everyone|my', 'get|got|gets so angry (and)? i (do not / dont) know why', 'lost (two / three / my / all my) friends because|cos of (it / my temper)'], { unless: BENIGN }),
  ...familyCues('anger', 2, [
    'i lose|lost my temper', 'hot|angry feeling in my chest|tummy|head', 'i slam|slammed doors', '(sent out / sent out of class / excluded) (twice / again / three times / loads)',
    'i get so|really|too angry', 'red mist', 'count to ten', 'then i feel bad|awful|terrible|guilty',
  ], { unless: BENIGN }),
]
