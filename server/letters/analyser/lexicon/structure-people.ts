// Words for who does what to whom, read by the structural rules (../structure/): the people who can harm a
// child, the child, the people and bodies harm lands on.
import { CLASSES } from './classes'

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list)

// Beyond the lexicon's CARER, HOME_ADULT and STRANGER classes, more people who can harm a child.
const MORE_ADULTS = ['teenager', 'teenagers', 'teen', 'stepdad', 'stepmum', 'granddad', 'grampa', 'gramps', 'grandparents', 'grandmother',
  'grandfather', 'godfather', 'godmother', 'keyworker', 'worker', 'leader', 'instructor', 'tutor', 'priest', 'imam', 'vicar', 'boss',
  'landlord', 'childminder', 'minder', 'nanny', 'family', 'relatives', 'relative', 'husband', 'wife', 'fiance', 'bloke', 'guys', 'men',
  'women', 'ladies', 'adults', 'grownups', 'someone', 'somebody', 'cousins', 'uncles', 'aunties', 'brothers', 'sisters', 'sibling', 'siblings']
// In CARER, but not an adult: pronouns resolve to the person named (PRONOUNS), friends are children.
const NOT_ADULTS = words(['he', 'she', 'they', 'friend', 'mate', 'mates'])

/** People who can harm a child: family, carers, partners of parents, adults. */
export const ADULTS: ReadonlySet<string> = words([...CLASSES['CARER']!, ...CLASSES['HOME_ADULT']!, ...CLASSES['STRANGER']!, ...MORE_ADULTS]
  .filter((w) => !NOT_ADULTS.has(w)))
export const PRONOUNS = words(['he', 'she', 'they'])
/** Other children: the lexicon's PEER class less anyone who is an adult. */
export const CHILDREN: ReadonlySet<string> = words([...CLASSES['PEER']!].filter((w) => !ADULTS.has(w)))
export const HOME_ADULTS = words(CLASSES['HOME_ADULT']!)
// The people harm to whom is read as harm to a parent (domestic abuse). Not the lexicon's PARENT class, which
// has partners and carers and no grandmothers: the union gives the same output on every letter in the
// snapshot, but not on every letter — "dad throws my carers stuff at me" would become harm to a carer and
// stop being a blow to the child — so the two stay apart until someone decides it.
export const HARMED_PARENTS = words(['mum', 'dad', 'mother', 'father', 'stepmum', 'stepdad', 'nan', 'gran', 'nana', 'grandma', 'stepmother', 'stepfather'])
/** Children who can abuse a child as an adult would (not just bully): older relatives. */
export const RELATIVE_CHILDREN = words(['brother', 'cousin', 'stepbrother'])
export const RELATIVE_CHILDREN_WHO_WATCH = words([...RELATIVE_CHILDREN, 'sister'])
/** Women whose being in the child's bed is ordinary care (indirect.ts). */
export const MOTHERLY = words(['mum', 'nan', 'gran', 'grandma'])
/** Women whose getting into the bath, shower or bed with the child is ordinary care (sexual.ts): the same
 *  and "mother", as each rule was tuned. */
export const MOTHERLY_IN_BATH = words([...MOTHERLY, 'mother'])

// Subjects that end the search for who did it: the child, a thing, a game.
export const OBJECT_MARKERS = words(['of', 'to', 'at', 'with', 'for', 'from', 'about', 'like', 'than'])
export const THINGS_ANYWHERE = words(['i', 'we', 'you'])
export const NOT_ACTOR = words(['i', 'it', 'this', 'that', 'which', 'we', 'you', 'ball', 'dog', 'cat', 'game', 'games'])

/** Parts of the body: the lexicon's BODY class and more. */
export const BODY: ReadonlySet<string> = words([...CLASSES['BODY']!, 'head', 'neck', 'back', 'hair', 'ear', 'ears', 'fingers', 'finger', 'knees',
  'knee', 'tummy', 'belly', 'chest', 'throat', 'bum', 'feet', 'foot', 'cheek', 'cheeks', 'eye', 'eyes', 'nose', 'mouth', 'shoulder', 'shoulders'])
/** Who harm lands on after "my": brothers and sisters, parents, pets, "my self". */
export const KIN = words(['brother', 'sister', 'brothers', 'sisters', 'little', 'baby', 'younger', 'big', 'older', 'twin', 'cousin', 'cousins',
  'mum', 'dad', 'nan', 'mother', 'stepmum', 'stepdad', 'siblings', 'sibling', 'pet', 'dog', 'cat', 'hamster', 'self'])
/** Words between "my" and whom harm lands on: "my little brother", "my poor mum". */
export const KIN_ADJECTIVES = words(['little', 'baby', 'big', 'older', 'younger', 'twin', 'step', 'poor'])
/** The young age of a child who does it: "my little sister bit me". */
export const YOUNG = words(['little', 'baby', 'younger'])
export const FIRST_PERSON = words(['i', 'me', 'we', 'us'])
export const ME_OR_US = words(['me', 'us'])
export const HIS_HER_THEIR = words(['his', 'her', 'their'])
