// Distress family: somatic. Feeling ill with worry: tummy aches, headaches, being sick before school.
// Illness with a cause (a bug, travel sickness, too many sweets) is the benign twin.
import { familyCues, type FamilyCue } from './types'

const CAUSED = ['bug|virus|flu|covid|cold|chickenpox|tonsillitis|germs', 'car|travel|sea sick', 'carsick|seasick', 'ate|eating|eat too much|many',
  'after * (eating / sweets / chocolate / pizza / ride / rollercoaster)', 'after|from * (football / training / pe / running / swimming / the sun / screen / screens / match / netball / rugby)', 'rollercoaster|ride|rides|fair', 'hit my head', 'fell|fall|tripped|crashed', 'bumped']

export const SOMATIC: FamilyCue[] = [
  ...familyCues('somatic', 2, [
    'tummy|stomach|belly|tumy|stomack|tummys ache|aches|hurts|hurt|hurting|pains|pain|ake|akes', 'tummy|stomach|belly ache|aches',
    'headache|headaches|hedache|hedaches', 'head hurts|aches|hurting|pounds', 'throw|threw|throwing up', 'was|being|am sick * before|when|morning|every',
    'feel|felt|feeling|get|gets sick|ill|poorly|queasy * (before / every / in the morning / when i think / thinking about)',
    'chest (hurts / goes tight / feels tight / is tight)', 'heart (races / racing / pounds / pounding / beats really? fast / goes really? fast)',
    'can not eat|breathe', 'not hungry', 'off my food', 'shaking|shaky|shake * (before / every / when)',
    // the body told by what it does, not by an illness word: "my tummy goes tight", "my belly is pain", "my legs go shaky"
    'tummy|stomach|belly|chest|throat goes|gets|feels|went|go (tight / funny / weird / knotted / in knots / all tight / all funny)',
    'tummy|stomach|belly is|feels pain|painful|sore|tight', 'chest aches|ache|aching|hurts',
    'legs|hands|knees go|goes|get|gets|went (shaky / wobbly / jelly / all shaky)',
  ], { unless: CAUSED }),
  ...familyCues('somatic', 1, ['feel|felt|feeling sick|ill|poorly|queasy|dizzy', 'shaking|shaky'], { unless: CAUSED }),
]
