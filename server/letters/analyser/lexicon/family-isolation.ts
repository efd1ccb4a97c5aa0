// Distress family: isolation and withdrawal. Nobody to be with, keeping away from everyone. Liking
// time alone and walking to school on one's own are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['like|love|enjoy|prefer|likes|loves|enjoys * (on my own / by myself / alone / reading / drawing / quiet / peace)',
  'walk|walking|walked|go|going|get|getting|travel|travelling|cycle|bike|bus * to|home school', 'to school|shops|park (on my own / by myself / alone)',
  'allowed to', 'all by myself', 'did|made|cooked|built|baked|finished|learnt|learned * (by myself / on my own)', 'game|games|fortnite|minecraft|roblox|xbox|online|level|solo', 'bedroom to myself|my own', 'room to myself', 'so (nobody / no one)',
  // what nobody minds about others (1.9.0): "my cousin said no one cares about Year 7s"
  'cares about yr|year|them|it|that',
  // growing independence (1.8.0): "walk home on my own", "in the house on my own for 10 minutes"
  'walk|walking|walked|cycle|cycling|come|coming home (on my own / by myself / alone)', '(on my own / by myself / alone) for # minutes|mins|minute|hour|hours']

export const ISOLATION: FamilyCue[] = [
  ...familyCues('isolation', 3, ['no friends', 'not have|got any friends', '(no one / nobody) talks|speaks|plays|sits to|with me', '(no one / nobody) to talk|play|sit to|with',
    'nobody likes me', 'no one likes me', 'lonely|lonley|lonly', 'all alone'], { anySubject: true, unless: BENIGN }),
  ...familyCues('isolation', 2, [
    '(on my own / by myself / alone) (every / at / most / all / again / in the)', 'spend|spent|spending * (break / lunch / lunchtime / playtime) * (alone / on my own / by myself / in the library)',
    'stay|stayed|staying in my room', 'do not talk|speak to (anyone / anybody / people / my friends) (anymore / any more / now / at home)', 'stopped (talking / seeing / playing / going out / messaging)',
    'do not (see / play with / hang out with) (my friends / anyone / anybody) (anymore / any more / now)', 'left out', 'leave|leaves|left me out', 'feel invisible',
    '(nobody / no one) notices|sees|asks|texts|messages|cares|calls', '(nobody / no one) ever asks|notices|texts|messages|plays|talks',
    'not really? got|have a|any|one friend|friends|mates', 'keep|kept to myself', 'not in any group|groups', 'everyone has a|their (group / friends / best friend) except me',
  ], { unless: BENIGN }),
  ...familyCues('isolation', 1, ['not many friends', '(on my own / by myself / alone)', 'quiet one'], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('isolation', 3, ['never had a proper|real|best friend', '(nobody / no one) had|has (noticed / even noticed) (i / i had / that i)'], { unless: BENIGN }),
  ...familyCues('isolation', 2, ['(do not / not) (really)? talk to anyone|anybody', '(they / people / nobody / no one) (do not / never) talk to me', 'my only friends are (online / on the game / in the game / on xbox)', '(nobody / no one) noticed|notices i|me', 'not even my (table / class / friends / best friend)', 'no one (to sit with / sits with me)'], { unless: BENIGN }),
]
