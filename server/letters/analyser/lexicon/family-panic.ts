// Distress family: panic. The body's alarm told as it happens: a racing heart, no breath, walls closing in, having to
// get out. Out of breath after running, a heart racing on a ride or at a goal, is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['after|from * (running / football / pe / race / races / match / training / swimming / cross country)', 'rollercoaster|ride|rides|goal|scored|won|winning|final|penalty|penalties',
  'so excited|excitement|cant wait', 'laughing|laughed|giggling', 'in the game']

export const PANIC: FamilyCue[] = [
  ...familyCues('panic', 3, ['panic attack|attacks', 'walls|room|everything are|is closing in', '(can not / could not) (get a / catch my / get my) breath when|and|in|at'], { unless: BENIGN }),
  ...familyCues('panic', 2, [
    '(my heart / heart) goes|is|starts|starting|was (racing / pounding / really fast / so fast / banging / thumping)', '(can not / could not) breathe properly|when|in|at|and',
    '(had to / have to / need to) go|get outside|out * (breathe / breath / sit)', 'i (panic / panicked / freak out / freaked out) when|if|at|in|every',
    'square breathing', 'breathing exercises',
  ], { unless: BENIGN }),
  ...familyCues('panic', 1, ['(i / i just) (panic / panicked / freak out)', 'shaky and sweaty'], { unless: BENIGN }),
]
