// Distress family: rumination and compulsions: writing down everything that could go wrong, checking
// again and again, thoughts that go round. A to-do list and checking the timetable once are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['to do list|lists', 'shopping|christmas|birthday|wish list', 'list of (presents / books / games / things i want / films)', 'homework|planner|timetable|diary * (write / writing / wrote)',
  'write|writing|wrote down my homework', 'game|games|fortnite|minecraft|roblox']

export const RUMINATION: FamilyCue[] = [
  ...familyCues('rumination', 3, ['can not stop thinking|worrying', 'go|goes|going over and over', 'round and round', 'over and over in my head'], { unless: BENIGN }),
  ...familyCues('rumination', 2, [
    'write|writing|wrote|writes down (everything / all the things / what / the things / every) * (wrong / could / might / go / happen / bad)',
    'list|lists of (everything / what / things / all the things / every) * (wrong / could / might / happen / bad)', 'in case * (goes / go) wrong',
    'check|checking|checked|checks * (three / four / five / ten / loads of / lots of / a hundred / 3 / 4 / 5 / 10 / 100) times', 'check|checking|checked|checks * (over and over / again and again / every night)',
    'think|thinking|thought about it * (all the time / every / over and over / again and again / constantly)', 'in my head * (all the time / every / constantly)',
    'replay|replaying|replays', 'have to (check / touch / count / do it) * (times / again / right / before)', 'what if ** what if', 'worry|worrying about everything',
    'keep|keeps thinking about', 'plan|planned|planning * everything * (could / might / wrong)',
  ], { unless: BENIGN }),
  ...familyCues('rumination', 1, ['overthink|overthinking', 'think about it a lot', 'check * twice|again'], { unless: BENIGN }),
]
