// Words for emotional abuse, read by ../structure/emotional.ts: a carer's words about the child, punishment
// places, threats to send the child away.
import { CLASSES } from './classes'

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

export const SAYS = words(['says', 'said', 'tells', 'told', 'calls', 'called', 'shouts', 'shouted', 'screams', 'screamed', 'yells', 'yelled', 'wishes', 'wished'])
/** What a carer calls the child: the lexicon's INSULT class and more. */
export const INSULTS = words([...CLASSES['INSULT']!, 'disgusting', 'gross', 'vile', 'scum', 'trash', 'filthy', 'worthless', 'unlovable', 'retard',
  'retarded', 'idiot', 'loser', 'brat', 'animal', 'monster', 'accident', 'freak', 'embarrassment', 'nuisance', 'pest', 'mistake', 'burden'])
/** Adults outside the home whose words about the child count too. */
export const SCHOOL_ADULTS = words(['teacher', 'coach'])
export const CALLS = words(['calls', 'called'])
/** "…that i am a…", "…you are a…". */
export const I_AM = words(['am', 'was', 'were', 'should', 'would'])
export const YOU_ARE = words(['are', 'were', 'should'])
/** "you should never have been born", "i was never wanted". */
export const NEVER_WANTED = words(['born', 'his', 'hers', 'theirs', 'had', 'here', 'alive', 'around', 'wanted', 'loved', 'welcome', 'part'])
/** Words that may come between "i am" and the insult: "a total idiot". */
export const BEFORE_AN_INSULT = words(['a', 'an', 'the', 'so', 'such', 'really', 'very', 'just', 'big', 'total', 'complete', 'stupid', 'little'])
export const JOKING = words(['lol', 'joking'])

// ---- made to sleep, stand or stay somewhere as a punishment ("makes me sleep in the hallway") ----
export const MAKES = words(['makes', 'made', 'make'])
export const PUNISHED_TO = words(['sleep', 'stand', 'stay', 'sit', 'kneel', 'eat', 'wait'])
export const PUNISHMENT_PLACES = words(['hallway', 'hall', 'outside', 'floor', 'garden', 'shed', 'garage', 'corner', 'cold', 'dark', 'bathroom',
  'stairs', 'cupboard', 'landing', 'porch', 'car'])

// ---- threats to send the child away ("threatens to send me back", "will kick me out") ----
export const SEND_AWAY = words(['send', 'sending', 'put', 'putting', 'kick', 'kicking', 'throw', 'throwing', 'chuck', 'chucking', 'give', 'giving'])
export const INTO_CARE = words(['in', 'into', 'to'])
export const CARE = words(['care', 'children', 'childrens', 'foster', 'orphanage'])
