// Distress family: sleep. Lying awake, nightmares, scared to go to bed. Excitement, sleepovers and
// staying up for fun are the benign twins ("couldn't sleep because I was so excited").
import { familyCues, type FamilyCue } from './types'

const FUN = ['sleepover|sleepovers|birthday|holiday|camping|party', 'christmas eve', 'stay|stayed|staying up late? * (watching / playing / gaming / to watch / to play / with)', 'allowed to stay up']

export const SLEEP: FamilyCue[] = [
  ...familyCues('sleep', 2, [
    '(can not / could not) sleep', '(can not / could not) get to sleep', '(can not / could not) fall asleep', 'lie|lay|lying|laid awake', 'stay|stayed|staying awake',
    'awake (all night / at night / for hours / till late / until late / in bed / half the night)', 'nightmares|nightmare|nitemares|nitemare', 'bad dreams|dream',
    'wake|woke|waking|wakes up * (in the night / at night / crying / scared / sweating / shaking)', 'not sleeping|sleep', 'hardly|barely|never sleep|slept|sleeping',
    'trouble|problems|hard sleeping', 'keeps|kept|keep me awake|up', 'scared|afraid|frightened to go to sleep|bed', 'sleep with the light on',
    // late and long: "up till 3 most nights", "I do not really sleep much", "it takes hours before I drop off", "wake up all sweaty"
    'up till|until|to 1|2|3|4|5|one|two|three|four * (most / every / all)', '(do not / does not) really? sleep much',
    'takes|took hours * (drop off / get to sleep / fall asleep / go to sleep)', 'wake|woke|waking|wakes up (all sweaty / sweaty / sweating / with my heart)',
  ], { unless: FUN }),
  ...familyCues('sleep', 1, ['tired|exhausted|knackered', 'no sleep'], { unless: [...FUN, 'after|from * (football / training / swimming / pe / trip / match / dance)', 'swimming|football|training|match|dance|rugby|netball|gymnastics|practice|sleepover', 'hands|legs|arms|feet'] }),
]
