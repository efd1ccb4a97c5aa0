// Interests (DOMAIN.md keys). A term counts when the child likes, does or wants it now
// (see context.ts for the "like" words); `selfEvident` phrases say so by themselves.
import { entries, type Entry } from './types'
import { lookupTable } from '../../../lookup'

const TERMS = lookupTable<string>({
  football: 'football footy soccer footballer goalkeeper goalie striker defender | premier league',
  rugby: 'rugby',
  netball: 'netball',
  basketball: 'basketball',
  cricket: 'cricket cricketer',
  swimming: 'swimming swim swimmer swims',
  athletics: 'athletics running runner sprinting sprint hurdles parkrun | cross country | sports day | long jump | high jump',
  gymnastics: 'gymnastics gym gymnast trampolining trampoline cartwheels backflips',
  dance: 'dance dancing dancer ballet breakdancing cheerleading | street dance',
  martial_arts: 'karate judo taekwondo kickboxing boxing jujitsu | martial arts | kung fu | black belt',
  art: 'art drawing draw painting paint sketching sketch colouring crafts craft pottery collages anime manga artist designing',
  music: 'music guitar piano drums drum violin keyboard band trumpet flute cello ukulele clarinet saxophone instrument musician',
  drama: 'drama acting actor actress theatre musical musicals stage | school play | school show',
  singing: 'singing sing sings singer choir songs song',
  reading: 'reading read books book novels reader library | harry potter',
  writing: 'writing write stories story poems poetry author writer diary',
  science: 'science scientist experiments experiment lab chemistry physics biology space planets',
  computing: 'computing coding code programming computers computer python scratch ict robotics technology',
  maths: 'maths math numbers sums | times tables',
  engineering: 'engineering engineer building lego robots robotics inventing inventions mechanics | design technology | things apart | how they work',
  animals: 'animals animal vet pets pet dog dogs puppy cat cats kitten horse horses pony hamster rabbit zoo | guinea pig | guinea pigs',
  cooking: 'cooking cook baking bake cakes chef pancakes recipes | food tech',
  gaming: 'gaming games gamer xbox playstation ps5 fifa minecraft fortnite roblox nintendo switch console mario pokemon | call of duty | video games',
  languages: 'french spanish german languages language italian mandarin chinese polish urdu arabic japanese latin',
  history: 'history romans tudors egyptians vikings victorians historian castles greeks',
  nature: 'nature outside outdoors birds bugs insects gardening garden plants trees wildlife camping walks hiking forest fishing flowers',
})

/** "a b c | two words" -> ["a|b|c", "two words"]. */
function patternsOf(spec: string): string[] {
  const [words = '', ...phrases] = spec.split('|').map((s) => s.trim())
  return [words.split(/\s+/).join('|'), ...phrases].filter((p) => p !== '')
}

const SELF_EVIDENT = lookupTable<string[]>({
  football: ['football|footy team|club|match|training|practice|tournament', 'play|plays|playing football|footy'],
  rugby: ['rugby team|club|match|training|tournament', 'tag rugby', 'play|playing rugby'],
  netball: ['netball team|club|match|training', 'play|playing netball'],
  basketball: ['basketball team|club|match|training', 'play|playing basketball'],
  cricket: ['cricket team|club|match|training', 'play|playing cricket', 'hit * for six|four'],
  swimming: ['swimming club|team|lessons|gala|training', 'go|goes|going swimming'],
  athletics: ['athletics club|team', 'running club'],
  gymnastics: ['gymnastics club|team|competition', 'do gymnastics'],
  dance: ['dance club|class|classes|lessons|team|show', 'street dance'],
  martial_arts: ['black belt', 'belt in', 'yellow|orange|green|blue|red|brown|purple|white belt', 'in|at karate|judo|taekwondo|kickboxing|jujitsu'],
  singing: ['in a|the choir', 'sing in'],
  drama: ['school play', 'drama club', 'in the|a school? show|musical|play|panto'],
  music: ['play the drums|guitar|piano|violin|keyboard|trumpet|flute|cello', 'in a band'],
  animals: ['got|get|getting|have a new? puppy|dog|kitten|cat|hamster|rabbit|pony'],
  computing: ['make|making|design|designing|create|creating|code|coding my? own? games|game|apps|app|website|websites'],
})

export const INTEREST_TERMS: Entry[] = Object.entries(TERMS).flatMap(([key, spec]) => entries('interest', key, patternsOf(spec)))
export const INTEREST_SELF_EVIDENT: Entry[] = Object.entries(SELF_EVIDENT).flatMap(([key, patterns]) => entries('interest', key, patterns, { selfEvident: true }))

// Interest words used in other senses: "read this", "write a book" (writing, not reading), "waste of space".
export const NOT_INTEREST: Entry[] = [
  ...entries('notInterest', 'reading', ['read this|it', 'write|wrote|writing a|my book|books', 'read|reading out loud|aloud']),
  ...entries('notInterest', 'cooking', ['do|does|doing the cooking']),
  ...entries('notInterest', 'science', ['waste of space', 'space for', 'my space', 'personal space']),
  ...entries('notInterest', 'gaming', ['make|making|design|designing|create|creating|code|coding my? own? games|game', 'a game $', 'it is a game', 'game of']),
]
