// Distress family: self-worth. What the child says of themself. Being bad at one game or subject
// ("I'm rubbish at FIFA lol") is the benign twin.
import { familyCues, type FamilyCue } from './types'

const ONE_THING = ['at|in (maths / football / fifa / fortnite / minecraft / spelling / drawing / singing / pe / art / that game / games / sport / sports / rugby / netball)', 'lol']

export const SELF_WORTH: FamilyCue[] = [
  ...familyCues('self_worth', 3, ['hate myself', 'i am worthless|useless|pathetic|disgusting', 'i am a failure|waste|burden|disappointment|mistake', 'i am rubbish|bad|useless at everything']),
  ...familyCues('self_worth', 2, [
    'i am (not good enough / never good enough / not good at anything / stupid / ugly / fat / thick / dumb / annoying / a mess / the problem / too much / not worth)',
    'everyone|everybody * better than me', 'not as good|clever|pretty|smart|nice as (everyone / the others / my)', 'i ruin|mess up|spoil|wreck everything',
    'it is all? my fault', 'i always (mess up / get it wrong / get everything wrong / ruin)', 'why would anyone like|want', 'not good at anything',
    'something wrong with me', 'i am not clever|smart|good|pretty enough', 'i am weird|different * (nobody / no one / everyone)',
  ], { unless: ONE_THING }),
  ...familyCues('self_worth', 1, ['i am not clever|smart|pretty', 'i am bad at', 'not very good at'], { unless: ONE_THING }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('self_worth', 3, ['i am (rubbish / bad / useless / no good / hopeless) at (most things / everything / anything / all of it)', 'things|everything (that is / that are / which are) wrong with me', 'i hate (how i look / the way i look / my face / my body / being me)'], { unless: ONE_THING }),
  ...familyCues('self_worth', 2, ['i feel|felt like a stupid|useless|dumb|thick (boy / girl / person / idiot)?', 'everyone|everybody * (prettier / cleverer / smarter / thinner / cooler / nicer) than me', 'i am not good at nothing|anything', 'rubbish people like me', 'watch me mess up', 'i am the stupid|dumb|annoying|ugly|fat one'], { unless: ONE_THING }),
]
