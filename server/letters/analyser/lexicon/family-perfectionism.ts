// Distress family: perfectionism: nothing short of perfect will do, and a mistake feels like failing at everything.
// Trying one's best, or a proud 100% in a spelling test, is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['lol|haha', 'proud|got 100|100 percent|well done me|yay', 'in (the game / minecraft / fortnite)']

export const PERFECTIONISM: FamilyCue[] = [
  ...familyCues('perfectionism', 3, ['i must get (all)? top|full marks', 'feel like i (have)? failed everything', 'rewrite|redo|redid|rewrote * (if there is / because of) one|a (mistake / crossing out / smudge)'], { unless: BENIGN }),
  ...familyCues('perfectionism', 2, [
    '(is not / isnt / not) (100 / 100 percent / perfect) remember|$', 'know exactly where the', 'if i get anything wrong', 'has to be perfect', 'everyone will find out i am not',
    '(already)? dread (them / the tests / tests / exams)', 'not (actually)? clever',
  ], { unless: BENIGN }),
]
