// Distress family: rumination and compulsions: writing down everything that could go wrong, checking
// again and again, thoughts that go round. A to-do list and checking the timetable once are the benign twins.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['to do list|lists', 'shopping|christmas|birthday|wish list', 'list of (presents / books / games / things i want / films)', 'homework|planner|timetable|diary * (write / writing / wrote)',
  'write|writing|wrote down my homework', 'game|games|fortnite|minecraft|roblox', 'song|songs|tune|jingle', 'fitbit|pedometer', 'what to get|buy|wear|make|pick']

export const RUMINATION: FamilyCue[] = [
  ...familyCues('rumination', 3, ['can not stop thinking|worrying', 'go|goes|going over and over', 'round and round', 'over and over in my head',
    '(can not / could not) stop asking|wondering|checking|counting|it'], { unless: BENIGN }),
  ...familyCues('rumination', 2, [
    'write|writing|wrote|writes down (everything / all the things / what / the things / every) * (wrong / could / might / go / happen / bad)',
    'list|lists of (everything / what / things / all the things / every) * (wrong / could / might / happen / bad)', 'in case * (goes / go) wrong',
    'check|checking|checked|checks * (three / four / five / ten / loads of / lots of / a hundred / 3 / 4 / 5 / 10 / 100) times', 'check|checking|checked|checks * (over and over / again and again / every night)',
    'think|thinking|thought about it * (all the time / every / over and over / again and again / constantly)', 'in my head * (all the time / every / constantly)',
    'replay|replaying|replays', 'have to (check / touch / count / do it) * (times / again / right / before)', 'what if ** what if', 'worry|worrying about everything',
    'keep|keeps thinking about', 'plan|planned|planning * everything * (could / might / wrong)',
    // thoughts that will not stop and rituals: "it goes round my head", "my head would not go quiet", "I think and think",
    // "I count my steps or something bad will happen", "I do it ten times before bed"
    'goes|go|going|went round (my head / in my head)', 'my head (would not / will not / can not / does not) (go quiet / switch off / stop)',
    'plays|playing|played in my head', 'think and think', 'written|write|wrote down every single thing',
    'count|counting my steps', 'or (something bad / something terrible / something awful) will|would|might happen',
    'do|doing it three|four|five|ten|twenty|3|4|5|10|20 times before', 'the same questions * (every / over / again)',
    'thinking (all the time / constantly)',
  ], { unless: BENIGN }),
  ...familyCues('rumination', 1, ['overthink|overthinking', 'think about it a lot', 'check * twice|again'], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('rumination', 3, ['touch|tap|check|count * (three / 3 / four / 4 / five / 5 / ten / 10) times before|or|every', 'if i (do not / dont) * (everything / something bad) (will / is going to) (go wrong / happen)'], { unless: BENIGN }),
  ...familyCues('rumination', 2, ['in the right order', '(it feels / feels) like (everything / something bad) will (go wrong / happen)'], { unless: BENIGN }),
]
