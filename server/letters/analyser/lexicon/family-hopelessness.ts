// Distress family: hopelessness, nothing good ahead. Nothing good on the television, or a team that
// never wins, is the benign twin.
import { familyCues, type FamilyCue } from './types'

const BENIGN = ['on tv|telly|netflix|youtube', 'tv|telly|netflix|film|films|movie|team|match|league|arsenal|united|city|spurs|game|menu|dinner|lunch|weather']

export const HOPELESSNESS: FamilyCue[] = [
  ...familyCues('hopelessness', 3, [
    'nothing good (ever / will / is going to / ever will / ever happens / happens / is ever going to)', 'nothing (will / is going to / is ever going to / ever) (change / get better / be good / be ok / be okay)',
    'never going? to? get|be|feel better', 'no point', 'what is the point', 'nothing to look forward to', 'not looking forward to anything',
    'everything (will be / is going to be / always goes / goes) (bad / rubbish / wrong / awful / horrible / the same)', 'always (be / going to be / be like) like this',
    'no future', 'do not see the point', 'will not get better', 'never be happy|ok|okay|normal',
  ], { unless: BENIGN }),
  ...familyCues('hopelessness', 2, [
    'things never get|go better|right|well', 'nothing ever goes|works right|out|well', 'why bother|try', 'no one can help|fix',
    'nobody can help|fix', 'do not care (anymore / any more) about', 'it (will / is going to) be|go bad|wrong|rubbish (anyway / like always / like everything)',
    'probably be|go bad|wrong|rubbish (anyway / like always)', 'given up', 'give up on|trying', 'doesnt|does not matter what i do',
  ], { unless: BENIGN }),
  // second generation (1.6.0): what the child does and expects, not the word for the feeling
  ...familyCues('hopelessness', 3, ['nothing i (want / wish for / hope for) (ever / will ever) (happens / comes true / works out)', '(do not / not) (really)? have any hopes', 'no hopes', 'things always (go wrong / turn out bad / turn bad / turn rubbish / go bad) for me'], { unless: BENIGN }),
  ...familyCues('hopelessness', 2, ['(do not / not) think (it / secondary / year 7 / things / anything / that / school / the new school) (will / is going to / is gonna) be|get|change|go (better / different / any better / well / good)', '(i think / for me) (there is)? no chance', 'it|things (just)? stays|stay|staying (bad / the same / rubbish)', 'been bad for (ages / years / a long time)', '(always / it is always) (it is)? not getting better', 'it|that|they|things (will / is going to / is gonna) turn (rubbish / bad / out bad / out rubbish) in the end', 'things always do for me', '(do not / not) think (that is / it is) going to change', 'same me * different school', 'probably (you are / it is) still the same', '(do not / not) believe it'], { unless: BENIGN }),
]
