// Step 3d: structural rules. The phrase lexicon finds disclosures one wording at a time; these rules
// find them by the shape of the clause instead — who does what to whom — so a new wording of a known
// kind is found without a new phrase:
//   - harm to the child:   a person (family, carer, adult, or he/she/they meaning one) + a harm verb
//                          (any form or misspelling) + me/us/my brother/my arm;
//   - harm to a parent:    an adult at home + a harm verb + my mum/dad, her/him (domestic abuse);
//   - sexual harm:         a person + touch/film/watch… + me, with undressing, bathing or secrecy near;
//   - harm to oneself:     a harm verb + myself, or "I" + a harm verb + my arm/head;
//   - wishing not to be:   I + want/wish/think about… + die/disappear/not wake up/not exist…;
//   - neglect:             no food/hot water/bed at home, hungry at night, nobody home till late,
//                          a carer who starves or does not feed the child, clothes too small;
//   - exploitation:        someone pays/gives me… to carry/hold/hide/deliver things, a threat unless
//                          I carry or sell for them, keeping things for others;
//   - rejection:           a carer threatening to send the child away.
// Each finding is an ordinary Match (a synthetic lexicon entry), so figures of speech, negation,
// and "another child did it" are read by the same context rules as every phrase.
import { doubleMetaphone } from 'double-metaphone'
import { editDistance } from './fuzzy'
import type { CompiledEntry } from './lexicon'
import { CLASSES } from './lexicon/classes'
import type { Entry } from './lexicon/types'
import { NEGATORS } from './lexicon/words'
import type { Match } from './match'
import type { Placed } from './split'
import { lookupTable } from '../../lookup'

// ---- word classes -------------------------------------------------------------------------------

/** Harm verbs by lemma, with the forms children write. Misspellings are found by sound (harmVerb). */
const HARM_LEMMAS = lookupTable<readonly string[]>({
  hit: ['hit', 'hits', 'hitting', 'hitted'], punch: ['punch', 'punches', 'punched', 'punching'],
  kick: ['kick', 'kicks', 'kicked', 'kicking'], slap: ['slap', 'slaps', 'slapped', 'slapping', 'slapt'],
  smack: ['smack', 'smacks', 'smacked', 'smacking'], whack: ['whack', 'whacks', 'whacked', 'whacking'],
  thump: ['thump', 'thumps', 'thumped', 'thumping'], beat: ['beat', 'beats', 'beaten', 'beating', 'beated'],
  batter: ['batter', 'batters', 'battered', 'battering'], hurt: ['hurt', 'hurts', 'hurting', 'hurted'],
  smash: ['smashes', 'smashed'],
  choke: ['choke', 'chokes', 'choked', 'choking'], strangle: ['strangle', 'strangles', 'strangled', 'strangling'],
  burn: ['burn', 'burns', 'burnt', 'burned', 'burning'], shove: ['shove', 'shoves', 'shoved', 'shoving'],
  push: ['push', 'pushes', 'pushed', 'pushing'], grab: ['grab', 'grabs', 'grabbed', 'grabbing'],
  drag: ['drag', 'drags', 'dragged', 'dragging'], throw: ['throw', 'throws', 'threw', 'thrown', 'throwing', 'throwed'],
  chuck: ['chuck', 'chucks', 'chucked', 'chucking'], bite: ['bite', 'bites', 'bit', 'bitten', 'biting'],
  pinch: ['pinch', 'pinches', 'pinched', 'pinching'], scratch: ['scratch', 'scratches', 'scratched', 'scratching'],
  twist: ['twists', 'twisted', 'twisting'], squeeze: ['squeezes', 'squeezed'], stamp: ['stamps', 'stamped', 'stamping'],
  strike: ['strikes', 'struck'], belt: ['belts', 'belted', 'belting'], spank: ['spank', 'spanks', 'spanked', 'spanking'],
  whip: ['whip', 'whips', 'whipped', 'whipping'], knock: ['knocks', 'knocked'], shake: ['shakes', 'shook', 'shaking'],
  headbutt: ['headbutt', 'headbutts', 'headbutted'], stab: ['stab', 'stabs', 'stabbed', 'stabbing'],
  cut: ['cut', 'cuts', 'cutting'], bang: ['bang', 'bangs', 'banged', 'banging'], bash: ['bash', 'bashes', 'bashed', 'bashing'],
  injure: ['injure', 'injures', 'injured', 'injuring'], harm: ['harm', 'harms', 'harmed', 'harming'],
  starve: ['starve', 'starves', 'starved', 'starving'], suffocate: ['suffocates', 'suffocated'], scald: ['scalds', 'scalded'],
  spit: ['spits', 'spat', 'spitting'], knee: ['kneed', 'kneeing'], lash: ['lash', 'lashes', 'lashed', 'lashing'],
  elbow: ['elbows', 'elbowed'], slam: ['slams', 'slammed', 'slamming'], scrape: ['scrape', 'scrapes', 'scraped', 'scraping'],
  cane: ['canes', 'caned'], clout: ['clout', 'clouts', 'clouted'], boot: ['boots', 'booted', 'booting'],
  wallop: ['wallop', 'wallops', 'walloped'], leather: ['leathers', 'leathered'], lamp: ['lamps', 'lamped'], deck: ['decks', 'decked'],
  yank: ['yanks', 'yanked', 'yanking'], swipe: ['swipes', 'swiped'], thwack: ['thwacks', 'thwacked'], pummel: ['pummels', 'pummelled'],
  nut: ['nutted'], floor: ['floored'], hold: ['holds', 'held'], pin: ['pins', 'pinned'], tie: ['ties', 'tied'], pull: ['pulls', 'pulled', 'pulling'],
})
const HARM_FORMS = new Map<string, string>()
for (const [lemma, forms] of Object.entries(HARM_LEMMAS)) for (const f of forms) HARM_FORMS.set(f, lemma)
// the base form of every verb too ("slam", "pummel"), unless it is a common noun or word ("boot", "lamp", "deck", "floor")
for (const lemma of Object.keys(HARM_LEMMAS)) {
  if (!HARM_FORMS.has(lemma) && !['boot', 'lamp', 'deck', 'floor', 'nut', 'leather', 'knee', 'elbow', 'pin', 'tie', 'hold', 'belt', 'cane', 'strike', 'knock', 'twist', 'squeeze', 'shake', 'stamp', 'headbutt', 'pull', 'swipe', 'deck'].includes(lemma)) HARM_FORMS.set(lemma, lemma)
}
// "holds me down", "pins me down", "ties me up" only with the particle (see victimAfter).
const NEEDS_PARTICLE = new Set(['hold', 'pin', 'tie'])
// Lemmas that are harm to oneself (self_harm) when the object is myself or my body.
// ("kick myself", "pinch myself" and "beat myself up" are idioms, not self-harm.)
const SELF_LEMMAS = new Set(['hit', 'punch', 'slap', 'smack', 'whack', 'thump', 'beat', 'hurt', 'choke', 'strangle', 'burn', 'bite',
  'scratch', 'scrape', 'stab', 'cut', 'slam', 'bang', 'bash', 'injure', 'harm', 'starve', 'suffocate', 'scald'])

// Real words that sound like a harm verb and are not one.
const SOUND_ALIKES = new Set(['bets', 'bits', 'beets', 'boats', 'bats', 'heats', 'hats', 'huts', 'kits', 'pets', 'puts', 'checks', 'checked',
  'shaves', 'shaved', 'burst', 'bursts', 'birds', 'herds', 'hearts', 'pushy', 'punish', 'picks', 'packs', 'pokes', 'kisses', 'cooks', 'chokers',
  'slips', 'slops', 'smokes', 'smiles', 'strokes', 'shops', 'chips', 'beds', 'bids', 'hides', 'heads', 'hates', 'hated',
  'kites', 'starts', 'starred', 'stars', 'stays', 'tips', 'taps', 'types', 'texts', 'tickles', 'drugs'])

const metaphoneCache = new Map<string, string | null>()
const HARM_BY_KEY = new Map<string, string[]>()
for (const [form, lemma] of HARM_FORMS) {
  if (form.length < 4) continue
  const key = doubleMetaphone(form)[0]
  const list = HARM_BY_KEY.get(key) ?? []
  if (!list.includes(lemma)) list.push(lemma)
  HARM_BY_KEY.set(key, list)
}

/** The harm lemma a word stands for: a listed form, or a misspelling that sounds like one ("kiks", "slapps"). */
export function harmVerb(word: string): string | null {
  const listed = HARM_FORMS.get(word)
  if (listed !== undefined) return listed
  if (word.length < 4 || word.length > 11 || !/^[a-z]+$/.test(word) || SOUND_ALIKES.has(word)) return null
  let found = metaphoneCache.get(word)
  if (found === undefined) {
    // Same sound, same first letter, and close in spelling: "hitts", "punshes", "kiks", "smaks", "chokd";
    // of several lemmas with that sound, the one spelt nearest ("chokd" is choke, not chuck).
    found = null
    let best = Infinity
    for (const lemma of HARM_BY_KEY.get(doubleMetaphone(word)[0]) ?? []) {
      if (!nearAnyForm(word, lemma)) continue
      const d = Math.min(...(HARM_LEMMAS[lemma] ?? []).map((f) => editDistance(word, f, 4)))
      if (d < best) { best = d; found = lemma }
    }
    if (metaphoneCache.size > 20_000) metaphoneCache.clear()
    metaphoneCache.set(word, found)
  }
  return found
}

function nearAnyForm(word: string, lemma: string): boolean {
  return (HARM_LEMMAS[lemma] ?? []).some((f) => f[0] === word[0] && Math.abs(f.length - word.length) <= 2 && sharedPrefix(f, word) >= 2)
}

function sharedPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

/** People who can harm a child: family, carers, partners of parents, adults. */
const ADULTS = new Set<string>([...CLASSES['CARER']!, ...CLASSES['HOME_ADULT']!, ...CLASSES['STRANGER']!,
  'teenager', 'teenagers', 'teen', 'stepdad', 'stepmum', 'granddad', 'grampa', 'gramps', 'grandparents', 'grandmother', 'grandfather', 'godfather', 'godmother', 'keyworker', 'worker', 'leader',
  'instructor', 'tutor', 'priest', 'imam', 'vicar', 'boss', 'landlord', 'childminder', 'minder', 'nanny', 'family', 'relatives',
  'relative', 'husband', 'wife', 'fiance', 'bloke', 'guys', 'men', 'women', 'ladies', 'adults', 'grownups', 'someone', 'somebody',
  'cousins', 'uncles', 'aunties', 'brothers', 'sisters', 'sibling', 'siblings'].filter((w) => !['he', 'she', 'they', 'friend', 'mate', 'mates'].includes(w)))
const PRONOUNS = new Set(['he', 'she', 'they'])
const CHILDREN = new Set<string>([...CLASSES['PEER']!].filter((w) => !ADULTS.has(w)))
const HOME_ADULTS = new Set(CLASSES['HOME_ADULT'])
const PARENTS = new Set(['mum', 'dad', 'mother', 'father', 'stepmum', 'stepdad', 'nan', 'gran', 'nana', 'grandma', 'stepmother', 'stepfather'])
// Subjects that end the search for who did it: the child, a thing, a game.
const OBJECT_MARKERS = new Set(['of', 'to', 'at', 'with', 'for', 'from', 'about', 'like', 'than'])
const THINGS_ANYWHERE = new Set(['i', 'we', 'you'])
const NOT_ACTOR = new Set(['i', 'it', 'this', 'that', 'which', 'we', 'you', 'ball', 'dog', 'cat', 'game', 'games'])
const BODY = new Set([...CLASSES['BODY']!, 'head', 'neck', 'back', 'hair', 'ear', 'ears', 'fingers', 'finger', 'knees', 'knee', 'tummy',
  'belly', 'chest', 'throat', 'bum', 'feet', 'foot', 'cheek', 'cheeks', 'eye', 'eyes', 'nose', 'mouth', 'shoulder', 'shoulders'])
const KIN = new Set(['brother', 'sister', 'brothers', 'sisters', 'little', 'baby', 'younger', 'big', 'older', 'twin', 'cousin', 'cousins',
  'mum', 'dad', 'nan', 'mother', 'stepmum', 'stepdad', 'siblings', 'sibling', 'pet', 'dog', 'cat', 'hamster', 'self'])
const GAME = new Set([...CLASSES['GAME']!, 'edge', 'map', 'stage', 'level', 'ring', 'pool', 'trampoline', 'pitch', 'court', 'bros'])
const PLAYTHINGS = new Set(['pillow', 'pillows', 'cushion', 'cushions', 'balloon', 'balloons', 'snowball', 'snowballs', 'nerf', 'teddy',
  'sock', 'socks', 'foam', 'water', 'toy', 'lightsaber', 'sword', 'ball', 'swing', 'swings', 'slide', 'sledge', 'roundabout'])
// Accidents, play and care that explain a knock ("by accident", "in my sleep", "when she hugs me", "the nurse").
// Laughter and "a joke" are not among them: "he chokes me and says its a joke" is still a disclosure.
const ACCIDENT = new Set(['accident', 'accidentally', 'accidently', 'sleep', 'wrestling', 'tickle', 'tickling', 'tickles', 'hug',
  'hugs', 'hugged', 'hugging', 'cuddle', 'cuddles', 'injection', 'nurse', 'doctor', 'dentist'])
// What explains a hurt to oneself: falls, kitchens, sports and play.
const SPORT_STEMS = ['play', 'fell', 'fall', 'trip', 'slip', 'cook', 'bak', 'oven', 'hob', 'iron', 'kettle', 'stove', 'toast', 'pan',
  'skat', 'rid', 'trampolin', 'footb', 'rugby', 'pe', 'train', 'bike', 'cycl', 'scooter', 'tackl', 'match', 'climb', 'gymnast', 'swim',
  'netball', 'hockey', 'karate', 'judo', 'boxing', 'dance', 'danc', 'run', 'jump', 'sport', 'game', 'park', 'skiing', 'sledg',
  'dt', 'art', 'lesson', 'class', 'science', 'woodwork', 'taster', 'craft', 'paper', 'knife', 'knives', 'onion', 'veg']

// ---- findings -------------------------------------------------------------------------------------

const entryCache = new Map<string, CompiledEntry>()
function entryFor(rule: string, label: string, extra: Partial<Entry> = {}): CompiledEntry {
  const key = `${rule}:${label}:${extra.carer ? 1 : 0}`
  let c = entryCache.get(key)
  if (!c) {
    const entry: Entry = { kind: 'safeguarding', pattern: `structure: ${rule}`, label, timeless: true, ...extra }
    c = { entry, pattern: { source: entry.pattern, elements: [], firstWords: [] } }
    entryCache.set(key, c)
  }
  return c
}

interface Finding { rule: string; label: string; start: number; end: number; carer?: boolean }

/** Every structural finding in a letter, as matches the context rules read like any phrase. */
export function findStructures(tokens: readonly Placed[]): Match[] {
  const out: Finding[] = []
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word
    const lemma = harmVerb(w)
    if (lemma !== null) harmAt(tokens, i, lemma, out)
    if (WISH.has(w)) deathWishAt(tokens, i, out)
    neglectAt(tokens, i, out)
    sharpIntoSelf(tokens, i, out)
    onPurpose(tokens, i, out)
    betterWithout(tokens, i, out)
    neglectCare(tokens, i, out)
    exploitationAt(tokens, i, out)
    rejectionAt(tokens, i, out)
    threatAt(tokens, i, out)
    sexualAt(tokens, i, out)
    indirectAt(tokens, i, out)
  }
  return out.map((f) => ({ compiled: entryFor(f.rule, f.label, f.carer ? { carer: true } : {}), start: f.start, end: f.end }))
}

const sameSentence = (tokens: readonly Placed[], a: number, b: number) => tokens[a]?.sentence === tokens[b]?.sentence
const sameClause = (tokens: readonly Placed[], a: number, b: number) => tokens[a]?.clause === tokens[b]?.clause

/** A negator between the subject and the verb, or just before the verb: "he never hits me", "she does not hurt me". */
function negatedBetween(tokens: readonly Placed[], from: number, verb: number): boolean {
  for (let j = Math.max(from, verb - 3); j < verb; j++) if (NEGATORS.has(tokens[j]!.word) && sameClause(tokens, j, verb)) return true
  return false
}

type Actor = { index: number; kind: 'adult' | 'child' | 'self' | 'none'; word: string }

/** Who does the verb at `verb`: the nearest person before it in its sentence; he/she/they resolve to the
 *  nearest person named earlier (up to two sentences back). */
function actorOf(tokens: readonly Placed[], verb: number): Actor {
  const sentence = tokens[verb]!.sentence
  for (let j = verb - 1; j >= 0 && verb - j <= 14 && tokens[j]!.sentence === sentence; j--) {
    const w = tokens[j]!.word
    // "stares at me when i am on the toilet": a verb in -s cannot have "I" as its subject
    if (w === 'i' && /[^s]s$/.test(tokens[verb]!.word)) continue
    // "me" is the object ("messages me asking…") unless it opens the subject ("me and my brother")
    if (w === 'me' && tokens[j + 1]?.word !== 'and') continue
    if (w === 'i' || w === 'me') return { index: j, kind: 'self', word: w }
    if (ADULTS.has(w)) return { index: j, kind: 'adult', word: w }
    // a child after a preposition is not who does it: "makes fun of me in front of everyone and calls me thick"
    // (an adult has already been taken above, preposition or not)
    if (CHILDREN.has(w) && OBJECT_MARKERS.has(tokens[j - 1]?.word ?? '') && j < verb - 1) continue
    // "my dads friend", "mums mate": an adult's friend is an adult
    if (CHILDREN.has(w)) return { index: j, kind: HOME_ADULTS.has(tokens[j - 1]?.word ?? '') ? 'adult' : 'child', word: w }
    if (PRONOUNS.has(w)) return resolvePronoun(tokens, j)
    // a thing as the subject: "the door hit me", "it hurts me" (not "punches the wall and then punches me")
    if (NOT_ACTOR.has(w) && (j === verb - 1 || THINGS_ANYWHERE.has(w))) return { index: j, kind: 'none', word: w }
  }
  return { index: verb, kind: 'none', word: '' }
}

function resolvePronoun(tokens: readonly Placed[], at: number): Actor {
  const sentence = tokens[at]!.sentence
  for (let j = at - 1; j >= 0 && tokens[j]!.sentence >= sentence - 2; j--) {
    const w = tokens[j]!.word
    if (ADULTS.has(w)) return { index: at, kind: 'adult', word: w }
    if (CHILDREN.has(w)) return { index: at, kind: 'child', word: w }
  }
  // "he hits me" with nobody named: recall first, a person for the DSL to judge; an unnamed "they" is
  // usually other children ("I'm scared they'll push me").
  const w = tokens[at]!.word
  return { index: at, kind: w === 'they' ? 'child' : 'adult', word: w }
}

type Victim = { end: number; kind: 'me' | 'body' | 'kin' | 'parent' | 'self' | 'other' }

/** What the harm verb at `verb` lands on: me/us, my arm, my little brother, my mum/her, myself. */
function victimAfter(tokens: readonly Placed[], verb: number, lemma: string): Victim | null {
  let k = verb + 1
  const word = (n: number) => (sameClause(tokens, verb, n) ? tokens[n]?.word : undefined)
  // "stamps on my fingers", "spat on me"
  if (word(k) === 'on' && (lemma === 'stamp' || lemma === 'spit')) k++
  // with something, over or at someone: "smashed a bottle over her head", "burnt a lighter on my arm"
  if (['a', 'the', 'his', 'her', 'their'].includes(word(k) ?? '') && !['me', 'us', 'my', 'him', 'her'].includes(word(k + 1) ?? '')) {
    for (let n = k + 1; n <= k + 3; n++) {
      if (['over', 'across', 'into', 'onto', 'at', 'on'].includes(word(n) ?? '') && ['me', 'us', 'my', 'her', 'him', 'mum', 'dad'].includes(word(n + 1) ?? '')) { k = n + 1; break }
    }
  }
  // "hits me", "hits me and my brother", "kicked us", "punched my arm", "hurt myself"
  const w = word(k)
  if (w === undefined) return null
  let victim: Victim | null = null
  if (w === 'myself' || (w === 'my' && word(k + 1) === 'self') || w === 'meself') victim = { end: k + (w === 'my' ? 2 : 1), kind: 'self' }
  else if (w === 'me' || w === 'us') victim = { end: k + 1, kind: 'me' }
  else if (w === 'my' || w === 'our') {
    let n = k + 1
    while (word(n) !== undefined && ['little', 'baby', 'big', 'older', 'younger', 'twin', 'step', 'poor'].includes(word(n)!)) n++
    const noun = word(n)
    if (noun === undefined) return null
    if (BODY.has(noun)) victim = { end: n + 1, kind: 'body' }
    else if (PARENTS.has(noun)) victim = { end: n + 1, kind: 'parent' }
    else if (KIN.has(noun)) victim = { end: n + 1, kind: 'kin' }
    else return null
  } else if (w === 'her' || w === 'him' || PARENTS.has(w)) {
    // "her" as a possessive ("hit her head") still lands on her
    victim = { end: k + 1, kind: 'parent' }
  } else return null
  if (NEEDS_PARTICLE.has(lemma) && !['down', 'under'].includes(word(victim.end) ?? '') && !(lemma === 'tie' && word(victim.end) === 'up')) return null
  return victim
}

/** Games, play and accidents around a harm clause: "punches me off the edge", "hit me with a pillow",
 *  "drags me out of bed". Used for every physical-harm finding, phrase or structure. */
export function playOrAccident(tokens: readonly Placed[], from: number, to: number, self = false): boolean {
  if (!tokens.slice(from, to).some((t) => harmVerb(t.word) !== null)) return false
  const sentence = tokens[from]!.sentence
  const after = (n: number) => tokens[to + n]?.word
  const verb = tokens.slice(from, to).map((t) => harmVerb(t.word)).find((l) => l !== null)
  // "drags me out of bed", "pushes me to do my best", "throws me up in the air"
  if (after(0) === 'out' && after(1) === 'of' && after(2) === 'bed') return true
  if (verb === 'push' && after(0) === 'to') return true
  // "drags me to the football every week", "dragged me round the shops"
  if (verb === 'drag' && (after(0) === 'along' || after(0) === 'round' || after(0) === 'around' ||
    (after(0) === 'to' && ['the', 'a', 'church', 'football', 'shops', 'town', 'work', 'school', 'gym', 'swimming', 'cinema', 'museum', 'park', 'see', 'visit'].includes(after(1) ?? '')))) return true
  if ((verb === 'throw' || verb === 'chuck') && (after(0) === 'up' || (after(0) === 'in' && after(2) === 'air'))) return true
  for (let j = from; j < tokens.length && j <= to + 6 && tokens[j]!.sentence === sentence; j++) {
    const w = tokens[j]!.word
    if (PLAYTHINGS.has(w) || ACCIDENT.has(w)) return true
    // a sport or activity only counts for harm to oneself ("hurt my wrist at trampolining"); a blow from someone
    // else "when I lose at football" is still a blow
    if (self && (SPORT_STEMS.some((stem) => w.startsWith(stem)) || (j > to && tokens[j - 1]!.word === 'at' && w.endsWith('ing')))) return true
    if (j > to && j <= to + 4 && GAME.has(w) && tokens.slice(to, j).some((t) => ['at', 'on', 'in', 'off', 'playing', 'out'].includes(t.word)) &&
      !tokens.slice(to, j).some((t) => ['when', 'if', 'because', 'after', 'cos'].includes(t.word))) return true
  }
  // the game named before, in the same sentence: "on smash bros he punches me off the edge"
  for (let j = from - 1; j >= 0 && tokens[j]!.sentence === sentence; j--) {
    const w = tokens[j]!.word
    if (PLAYTHINGS.has(w) || ['accident', 'accidentally', 'sleep', 'wrestling', 'tickle', 'tickling'].includes(w)) return true
    if ((w === 'fight' || w === 'fights' || w === 'fighting' || w === 'play' || w === 'playing' || w === 'plays') &&
      tokens.slice(j + 1, j + 5).some((t) => t.sentence === sentence && GAME.has(t.word))) return true
  }
  return false
}

const FEAR = new Set(['scared', 'afraid', 'worried', 'frightened', 'nervous', 'terrified', 'worry', 'scare'])
const MODAL = new Set(['will', 'would', 'might', 'could', 'going', 'gonna', 'may'])
function feared(tokens: readonly Placed[], verb: number): boolean {
  const sentence = tokens[verb]!.sentence
  let modal = false
  for (let j = verb - 1; j >= 0 && verb - j <= 8 && tokens[j]!.sentence === sentence; j--) {
    if (MODAL.has(tokens[j]!.word)) modal = true
    if (modal && FEAR.has(tokens[j]!.word)) return true
  }
  return false
}

const SHARP = new Set(['pins', 'pin', 'needles', 'needle', 'compass', 'blade', 'blades', 'razor', 'knife', 'scissors', 'glass', 'sharpener', 'nails', 'pen', 'lighter', 'lighters', 'matches'])
/** "i stick pins in my legs", "i dig my nails into my arms", "i press a lighter on my arm": something sharp or hot into one's own body. */
function sharpIntoSelf(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  if (!['stick', 'sticks', 'stuck', 'push', 'pushes', 'put', 'puts', 'dig', 'digs', 'jab', 'jabs', 'press', 'presses', 'use', 'used'].includes(w)) return
  if (actorOf(tokens, i).kind !== 'self') return
  const rest = tokens.slice(i + 1, i + 8).filter((t) => sameClause(tokens, i, t.index))
  const sharp = rest.findIndex((t) => SHARP.has(t.word))
  if (sharp === -1) return
  const into = rest.slice(sharp + 1).findIndex((t, n, a) => ['in', 'into', 'on', 'onto'].includes(t.word) && a[n + 1]?.word === 'my' && BODY.has(a[n + 2]?.word ?? ''))
  if (into === -1) return
  out.push({ rule: 'harm to oneself', label: 'self_harm', start: i, end: rest[sharp + 1 + into + 2]!.index + 1 })
}

/** "on purpose" with I and my own body: "i slam my hand in the door on purpose", "i bang my knees on purpose". */
function onPurpose(tokens: readonly Placed[], i: number, out: Finding[]): void {
  if (!((tokens[i]!.word === 'on' && tokens[i + 1]?.word === 'purpose') || tokens[i]!.word === 'deliberately')) return
  const clause = tokens.filter((t) => t.clause === tokens[i]!.clause && t.index < i)
  const mine = clause.findIndex((t, n) => t.word === 'my' && BODY.has(clause[n + 1]?.word ?? ''))
  const me = clause.findIndex((t) => t.word === 'i')
  if (mine === -1 || me === -1 || me > mine) return
  out.push({ rule: 'harm to oneself', label: 'self_harm', start: clause[me]!.index, end: i + 2 })
}

function harmAt(tokens: readonly Placed[], i: number, lemma: string, out: Finding[]): void {
  let victim = victimAfter(tokens, i, lemma)
  // "throws things at me", "chucked a plate at us"
  if (victim === null && (lemma === 'throw' || lemma === 'chuck')) {
    for (let k = i + 1; k <= i + 4 && k + 1 < tokens.length && sameClause(tokens, i, k + 1); k++) {
      if (tokens[k]!.word === 'at' && ['me', 'us'].includes(tokens[k + 1]!.word)) { victim = { end: k + 2, kind: 'me' }; break }
    }
    if (victim !== null && !playOrAccident(tokens, i, victim.end)) {
      const actor = actorOf(tokens, i)
      if (actor.kind === 'adult' && !negatedBetween(tokens, actor.index, i)) out.push({ rule: 'a person harms the child', label: 'physical_abuse', start: Math.min(actor.index, i), end: victim.end })
    }
    return
  }
  if (victim === null) return
  // "pushes me to do my best", "pushed me on the swing", "holds me up"
  const next = tokens[victim.end]?.word
  if (lemma === 'push' && (next === 'to' || next === 'on')) return
  if (lemma === 'cut' && ['hair', 'nails', 'fringe'].includes(tokens[victim.end - 1]!.word)) return
  if (victim.kind === 'self' && lemma === 'beat' && next === 'up') return
  if (lemma === 'hurt' && tokens[victim.end]?.word === 'feelings') return
  if (lemma === 'throw' && next !== 'at' && next !== 'about' && next !== 'around' && next !== 'against' && next !== 'down' && next !== 'into' && next !== 'across' && next !== 'out' && victim.kind !== 'me') return
  if (lemma === 'throw' && (next === 'a' || next === 'the' || next === 'in')) return
  if (playOrAccident(tokens, i, victim.end)) return
  const actor = actorOf(tokens, i)
  if (negatedBetween(tokens, actor.index, i)) return
  if (victim.kind === 'self' || (victim.kind === 'body' && actor.kind === 'self')) {
    if (SELF_LEMMAS.has(lemma) && !playOrAccident(tokens, i, victim.end, true)) out.push({ rule: 'harm to oneself', label: 'self_harm', start: i, end: victim.end })
    return
  }
  if (actor.kind !== 'adult') return // another child is bullying; a thing or the child is no disclosure
  // a toddler biting or a hug squeezing: "my little sister bit me because she is 2"
  if (['little', 'baby', 'younger'].includes(tokens[actor.index - 1]?.word ?? '') && ['bite', 'pinch', 'scratch', 'pull', 'grab', 'kick', 'hit'].includes(lemma)) return
  // feared, not happening, from someone outside the home: "I'm worried the man at the shop will shout"
  if (!HOME_ADULTS.has(actor.word) && feared(tokens, i)) return
  const start = Math.min(actor.index, i)
  if (lemma === 'starve') { out.push({ rule: 'a carer starves the child', label: 'neglect', start, end: victim.end }); return }
  if (victim.kind === 'parent') {
    if (HOME_ADULTS.has(actor.word) || PRONOUNS.has(actor.word) || actor.word === 'boyfriend' || actor.word === 'girlfriend') {
      out.push({ rule: 'an adult harms a parent', label: 'domestic_abuse', start, end: victim.end })
    }
    return
  }
  out.push({ rule: 'a person harms the child', label: 'physical_abuse', start, end: victim.end })
}

// ---- wishing not to exist ----
const WISH = new Set(['want', 'wanted', 'wants', 'wish', 'wished', 'wishing', 'think', 'thinking', 'thought', 'thoughts', 'dream',
  'dreaming', 'imagine', 'imagining', 'plan', 'planning', 'planned', 'tried', 'try', 'trying', 'feel', 'felt', 'rather', 'hope', 'pray',
  'looked', 'searched', 'googled', 'better'])
const DEATH_WORDS = new Set(['die', 'dying', 'dead', 'death', 'disappear', 'disappearing', 'vanish', 'vanishing', 'suicide', 'heaven'])
const NOT_BE = new Set(['exist', 'existing', 'here', 'alive', 'living', 'born', 'around'])
// Thinking of death is a disclosure when it is about dying ("think about dying", "feel like dying"), not a fear
// ("I thought I was going to die", "I felt like I would die").
const THOUGHT = new Set(['think', 'thinking', 'thought', 'thoughts', 'feel', 'felt', 'imagine', 'imagining', 'dream', 'dreaming'])
const FEARED = new Set(['will', 'would', 'going', 'gonna', 'might', 'could', 'nearly', 'almost'])
// Words that may stand between the wish and what is wished without changing whose it is.
const FILLER = new Set(['to', 'i', 'could', 'would', 'just', 'be', 'was', 'were', 'about', 'of', 'like', 'myself', 'me', 'sometimes',
  'really', 'so', 'not', 'never', 'had', 'am', 'go', 'can', 'might', 'will', 'being', 'been', 'simply', 'honestly', 'actually', 'all',
  'forever', 'off', 'the', 'a', 'up', 'in', 'front', 'going', 'get', 'away', 'quietly', 'somewhere', 'again', 'that', 'if', 'did',
  'do', 'does', 'stop', 'stopped', 'how', 'it', 'is', 'wish', 'want', 'wanted', 'think', 'dead', 'asleep', 'sleep', 'and', 'everyday', 'every', 'day', 'night',
  'with', 'my', 'in', 'there', 'off', 'grandma', 'grandad', 'nan', 'nana', 'gran', 'grandpa', 'mum', 'dad', 'brother', 'sister', 'dog', 'go', 'ways'])
const EMBARRASSED = new Set(['embarrassed', 'embarrassing', 'embarrassment', 'cringe', 'cringey', 'shame', 'ashamed', 'laughing', 'boredom', 'bored'])

function deathWishAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  // the wish is the child's own: "I" before it in the clause ("sometimes i think about…", "i just want to…")
  let subject = false
  for (let j = i - 1; j >= 0 && i - j <= 4 && sameClause(tokens, i, j); j--) if (tokens[j]!.word === 'i') { subject = true; break }
  if (!subject) return
  const sentence = tokens[i]!.sentence
  if (tokens.some((t) => t.sentence === sentence && EMBARRASSED.has(t.word))) return
  const thought = THOUGHT.has(tokens[i]!.word)
  for (let k = i + 1; k < tokens.length && k - i <= 7 && sameClause(tokens, i, k); k++) {
    const w = tokens[k]!.word
    const prev = tokens[k - 1]!.word
    const after = tokens[k + 1]?.word
    let hit = false
    const between = tokens.slice(i + 1, k).map((t) => t.word)
    if (DEATH_WORDS.has(w) && after !== 'to' && after !== 'for' && after !== 'of' && after !== 'from' && after !== 'into' && !(w === 'dying' && prev === 'not') &&
      !between.some((b) => FEARED.has(b)) && (!thought || between.some((b) => b === 'about' || b === 'of' || b === 'like'))) hit = true
    // not waking up, never waking, stop breathing, not exist, not be here/alive, be gone (forever)
    if ((w === 'wake' || w === 'waking' || w === 'woke') && (prev === 'not' || prev === 'never')) hit = true
    if ((w === 'breathing' || w === 'living' || w === 'existing' || w === 'being') && (prev === 'stop' || prev === 'stopped')) hit = true
    if (NOT_BE.has(w) && tokens.slice(i + 1, k).some((t) => t.word === 'not' || t.word === 'never')) hit = true
    if (w === 'gone' && ['be', 'was', 'were'].includes(prev)) hit = true
    // jumping off or in front of something high or moving
    if ((w === 'jump' || w === 'jumping' || w === 'step' || w === 'stepping' || w === 'walk' || w === 'walking' || w === 'run' || w === 'running') &&
      (after === 'off' || (after === 'in' && tokens[k + 2]?.word === 'front'))) {
      const place = tokens.slice(k + 2, k + 7).map((t) => t.word)
      if (place.some((p) => ['bridge', 'building', 'roof', 'cliff', 'window', 'balcony', 'car', 'train', 'bus', 'lorry', 'motorway', 'road', 'tower', 'flats'].includes(p))) hit = true
    }
    let end = k + 1
    // "thought about taking all of mums pills"
    if (['take', 'taking', 'swallow', 'swallowing', 'drink', 'drinking'].includes(w) &&
      tokens.slice(k + 1, k + 6).some((t) => ['pills', 'tablets', 'medicine', 'paracetamol', 'bleach', 'overdose'].includes(t.word))) hit = true
    if ((w === 'kill' || w === 'killing' || w === 'hang' || w === 'hanging' || w === 'drown' || w === 'drowning' || w === 'overdose') && ['myself', 'me'].includes(after ?? '')) { hit = true; end = k + 2 }
    if (hit) {
      // "I don't want to die", "I never think about dying": the wish itself is denied
      for (let j = Math.max(0, i - 3); j < i; j++) if (NEGATORS.has(tokens[j]!.word) && sameClause(tokens, j, i)) return
      // the span is what is wished, in the child's words ("not waking up", "disappear")
      let from = ['not', 'never', 'stop', 'stopped'].includes(prev) ? Math.max(i + 1, k - 1) : k
      if (NOT_BE.has(w)) for (let j = k - 1; j > i; j--) if (tokens[j]!.word === 'not' || tokens[j]!.word === 'never') { from = j; break }
      out.push({ rule: 'wishing not to exist', label: 'suicidal', start: from, end })
      return
    }
    // something else is the subject of the wish: "i wish the homework would disappear"
    if (!FILLER.has(w)) return
  }
}

/** "it would be easier if i just wasnt around", "everyone would be happier if i was gone". */
const BETTER = new Set(['easier', 'better', 'happier', 'best', 'nicer', 'calmer', 'nobody', 'everyone', 'miss', 'notice', 'care'])
function betterWithout(tokens: readonly Placed[], i: number, out: Finding[]): void {
  if (tokens[i]!.word !== 'if' || tokens[i + 1]?.word !== 'i') return
  const sentence = tokens[i]!.sentence
  if (!tokens.some((t) => t.sentence === sentence && BETTER.has(t.word))) return
  const rest = tokens.slice(i + 2, i + 8).filter((t) => t.sentence === sentence)
  for (let n = 0; n < rest.length; n++) {
    const w = rest[n]!.word
    const negated = rest.slice(0, n).some((t) => t.word === 'not' || t.word === 'never')
    if ((NOT_BE.has(w) && negated) || w === 'gone' || w === 'dead' || w === 'died' || w === 'disappeared') {
      out.push({ rule: 'better if I was not here', label: 'suicidal', start: i, end: rest[n]!.index + 1 })
      return
    }
    if (!FILLER.has(w)) return
  }
}

// ---- neglect ----
const BASIC = new Set(['food', 'dinner', 'tea', 'breakfast', 'supper', 'meals', 'meal', 'water', 'heating', 'electricity', 'electric',
  'gas', 'bed', 'beds', 'blanket', 'blankets', 'shower', 'bath', 'soap', 'toothbrush', 'toothpaste', 'clothes', 'coat'])
const WITHOUT = new Set(['no', 'without'])
const CLOTHING = new Set(['clothes', 'shoes', 'uniform', 'trainers', 'coat', 'jumper', 'trousers', 'socks'])
const MEALS = new Set(['food', 'dinner', 'tea', 'breakfast', 'supper', 'meals', 'meal'])
const HUNGRY = new Set(['hungry', 'starving', 'starved'])
const HOME_TIME = new Set(['home', 'house', 'night', 'nights', 'bed', 'bedtime', 'weekend', 'weekends', 'holidays', 'evening', 'evenings'])
const LATE = new Set(['late', 'night', 'nights', 'midnight', 'weekend', 'weekends', 'alone', 'days', 'dark'])

function neglectAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  // "we dont have hot water", "there is never any food", "no heating", "i did not have tea"
  if (['have', 'has', 'had', 'got', 'get', 'gets', 'eat', 'eaten', 'ate'].includes(w) || WITHOUT.has(w) || w === 'never') {
    const negated = WITHOUT.has(w) || w === 'never' || (i > 0 && ['not', 'never', 'nothing'].includes(tokens[i - 1]!.word))
    if (!negated) return
    const from = WITHOUT.has(w) || w === 'never' ? i : i - 1 // the negation is part of the finding
    for (let k = i + 1; k <= i + 4 && k < tokens.length && sameClause(tokens, i, k); k++) {
      const x = tokens[k]!.word
      if (BASIC.has(x)) {
        // "no food in lessons", "no water bottles", "no bed time", "not have breakfast because i am not hungry"
        const after = tokens[k + 1]?.word
        if (['bottle', 'bottles', 'fight', 'fights', 'time', 'allowed', 'tech', 'technology', 'money', 'ladies', 'lady', 'hall', 'queue'].includes(after ?? '')) return
        // a meal skipped once is not neglect: "no food" / "never any tea" / "not have any dinner", or at home
        if (MEALS.has(x) && !(w === 'no' || w === 'never' || w === 'without' || tokens[k - 1]!.word === 'any' ||
          tokens.some((t) => t.sentence === tokens[i]!.sentence && ['home', 'house', 'night', 'nights', 'weekend', 'weekends', 'days', 'mum', 'dad', 'carer', 'carers'].includes(t.word)))) return
        if (x === 'water' && !['hot', 'running', 'clean'].includes(tokens[k - 1]!.word)) return
        if (x === 'clothes' && tokens[k - 1]!.word !== 'clean') return
        if ((x === 'coat' || x === 'bed' || x === 'beds') && !['a', 'no', 'own', 'proper', 'any'].includes(tokens[k - 1]!.word)) return
        if (x === 'shower' || x === 'bath') { if (!tokens.slice(k + 1, k + 4).some((t) => t.word === 'for' || t.word === 'weeks' || t.word === 'days')) return }
        const sentence = tokens[i]!.sentence
        if (MEALS.has(x) && tokens.some((t) => t.sentence === sentence && ['today', 'yesterday', 'once', 'overslept', 'party', 'pizza', 'late', 'rushing', 'nervous'].includes(t.word))) return
        if (tokens.some((t) => t.sentence === sentence && ['lol', 'diet', 'fasting', 'ramadan', 'camping', 'holiday', 'trip', 'sleepover', 'lesson', 'lessons', 'class', 'lunch', 'canteen', 'library'].includes(t.word))) return
        out.push({ rule: 'no food or basics at home', label: 'neglect', start: from, end: k + 1 })
        return
      }
    }
    return
  }
  // hungry at home or at night: "im always hungry at night", "hungry all weekend"
  if (HUNGRY.has(w)) {
    const sentence = tokens[i]!.sentence
    const near = tokens.filter((t) => t.sentence === sentence && Math.abs(t.index - i) <= 5)
    if (tokens.some((t) => t.sentence === sentence && ['lol', 'after', 'before', 'by', 'football', 'pe', 'swimming', 'training', 'dance'].includes(t.word))) return
    if (near.some((t) => HOME_TIME.has(t.word) || t.word === 'always' || t.word === 'every')) out.push({ rule: 'hungry at home', label: 'neglect', start: i, end: i + 1 })
    return
  }
  // "theres nothing for tea", "nothing to eat at home"
  if (w === 'nothing' && (tokens[i + 1]?.word === 'for' || tokens[i + 1]?.word === 'to') && (MEALS.has(tokens[i + 2]?.word ?? '') || tokens[i + 2]?.word === 'eat')) {
    const sentence = tokens[i]!.sentence
    if (!tokens.some((t) => t.sentence === sentence && ['lol', 'party', 'menu', 'canteen', 'lunch', 'trip', 'like', 'vegetarian', 'vegan'].includes(t.word))) {
      out.push({ rule: 'no food or basics at home', label: 'neglect', start: i, end: i + 3 }); return
    }
  }
  // on our own at night: "my brother and me are on our own most nights till really late", "home alone every weekend"
  if ((w === 'own' && ['my', 'our'].includes(tokens[i - 1]?.word ?? '') && tokens[i - 2]?.word === 'on') || w === 'alone') {
    const sentence = tokens[i]!.sentence
    const near = tokens.filter((t) => t.sentence === sentence && t.index > i && t.index <= i + 6).map((t) => t.word)
    const night = near.some((x) => ['nights', 'overnight', 'weekend', 'weekends', 'late', 'midnight', 'dark'].includes(x)) ||
      near.some((x, n) => ['all', 'every', 'most'].includes(x) && ['night', 'nights', 'weekend', 'evening', 'evenings'].includes(near[n + 1] ?? ''))
    const firstPerson = tokens.some((t) => t.sentence === sentence && t.index < i && ['i', 'me', 'we', 'us'].includes(t.word))
    const ordinary = tokens.some((t) => t.sentence === sentence && ['walk', 'walking', 'sleep', 'sleeping', 'room', 'bedroom', 'read', 'reading', 'bus', 'film'].includes(t.word))
    if (night && firstPerson && !ordinary) { out.push({ rule: 'on our own at night', label: 'neglect', start: i, end: i + 1 }); return }
  }
  // clothes that do not fit or are falling apart: "my uniform is too small", "shoes have holes in"
  if (CLOTHING.has(w)) {
    const rest = tokens.slice(i + 1, i + 7).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    const tooSmall = rest.some((r, n) => (r === 'too' || r === 'to' || r === 'way') && ['small', 'tight', 'short', 'big'].includes(rest[n + 1] ?? ''))
    const worn = rest.some((r) => ['holes', 'hole', 'ripped', 'torn', 'dirty', 'smelly', 'smell', 'stink', 'filthy'].includes(r)) ||
      rest.some((r, n) => r === 'falling' && rest[n + 1] === 'apart')
    const sentence = tokens[i]!.sentence
    const ordinary = tokens.some((t) => t.sentence === sentence && ['new', 'shop', 'back', 'lol', 'mud', 'muddy', 'football', 'rugby', 'pe', 'grew', 'growing', 'buying'].includes(t.word))
    if ((tooSmall || worn) && !ordinary) out.push({ rule: 'clothes that do not fit or are worn out', label: 'neglect', start: i, end: i + 1 })
    return
  }
  // left alone at night or for days: "mum goes out and leaves us on our own all night"
  if ((w === 'leaves' || w === 'left' || w === 'leave' || w === 'leaving') && (tokens[i + 1]?.word === 'me' || tokens[i + 1]?.word === 'us')) {
    const rest = tokens.slice(i + 2, i + 13).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const alone = rest.includes('alone') || rest.includes('ourselves') || rest.includes('myself') || (rest.includes('own') && (rest.includes('our') || rest.includes('my')))
    const long = rest.some((r) => ['night', 'nights', 'weekend', 'weekends', 'days', 'hours', 'overnight', 'week'].includes(r))
    if (alone && long) out.push({ rule: 'left alone at night or for days', label: 'neglect', start: i, end: i + 2 })
    return
  }
  // a carer who forgets the child's needs: "mum forgets to buy food", "dad forgets to pick us up"
  if ((w === 'forgets' || w === 'forget') && tokens[i + 1]?.word === 'to' &&
    ['buy', 'get', 'make', 'cook', 'feed', 'pick', 'collect', 'wash', 'give'].includes(tokens[i + 2]?.word ?? '')) {
    const actor = actorOf(tokens, i)
    const need = tokens.slice(i + 3, i + 7).some((t) => ['food', 'dinner', 'tea', 'us', 'me', 'breakfast', 'clothes', 'shopping', 'meals'].includes(t.word))
    if (actor.kind === 'adult' && need) { out.push({ rule: 'a carer forgets the child', label: 'neglect', start: actor.index, end: i + 3 }); return }
  }
  // looking after oneself: "i look after myself most days" (not "i can look after myself")
  if ((w === 'look' || w === 'looks' || w === 'looking' || w === 'feed' || w === 'feeding') && (tokens[i + 1]?.word === 'after' || w.startsWith('feed'))) {
    const obj = tokens[i + (w.startsWith('feed') ? 1 : 2)]?.word
    const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.word)
    if ((obj === 'myself' || obj === 'ourselves') && !before.some((b) => ['can', 'could', 'able', 'will', 'learn', 'learning', 'how'].includes(b))) {
      out.push({ rule: 'looking after oneself', label: 'neglect', start: i, end: i + 3 }); return
    }
  }
  // "nobody is home when i get back till late", "no one cares for us", "nobody feeds me"
  if (w === 'nobody' || (w === 'no' && tokens[i + 1]?.word === 'one') || w === 'nobodys') {
    const sentence = tokens[i]!.sentence
    for (let k = i + 1; k < tokens.length && k - i <= 10 && tokens[k]!.sentence === sentence; k++) {
      const x = tokens[k]!.word
      if (['feeds', 'fed', 'cooks', 'cooked', 'washes', 'washed', 'bathes', 'cares', 'collects', 'collected', 'buys', 'bought'].includes(x) && k - i <= 4) {
        out.push({ rule: 'nobody looks after me', label: 'neglect', start: i, end: k + 1 }); return
      }
      if (x === 'home' && k - i <= 4) {
        const rest = tokens.slice(k + 1).filter((t) => t.sentence === sentence).map((t) => t.word)
        if (rest.some((r) => LATE.has(r))) { out.push({ rule: 'nobody home till late', label: 'neglect', start: i, end: k + 1 }); return }
      }
    }
  }
}

function neglectCare(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  const next = tokens[i + 1]?.word
  // "there is never anyone to make my packed lunch", "not anybody to pick me up"
  // ("no anyone" is "know anyone": "i wont no anyone in my form")
  if (((w === 'never' || w === 'not') && ['anyone', 'anybody', 'adult', 'grown'].includes(next ?? '')) || (w === 'no' && ['one', 'adult', 'grown'].includes(next ?? ''))) {
    const rest = tokens.slice(i + 2, i + 6).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    if (rest.some((r) => ['make', 'makes', 'cook', 'cooks', 'feed', 'wash', 'pick', 'collect', 'look', 'help', 'buy', 'put', 'wake', 'care'].includes(r)) &&
      !rest.includes('play') && !rest.includes('talk') && !rest.includes('sit')) {
      out.push({ rule: 'nobody to look after me', label: 'neglect', start: i, end: i + 2 }); return
    }
  }
  // "so i go without", "we went without"
  if (['go', 'goes', 'went', 'going'].includes(w) && next === 'without' && (tokens[i + 2] === undefined || !sameClause(tokens, i, i + 2) || MEALS.has(tokens[i + 2]!.word))) {
    out.push({ rule: 'going without', label: 'neglect', start: i, end: i + 2 }); return
  }
  // "we havent eaten", "i had not eaten"
  if ((w === 'eaten' || w === 'ate') && ['not', 'never'].includes(tokens[i - 1]?.word ?? '') && (tokens[i + 1] === undefined || !sameClause(tokens, i, i + 1) || ['since', 'for', 'all', 'properly', 'anything', 'today'].includes(next ?? ''))) {
    out.push({ rule: 'going without', label: 'neglect', start: i - 1, end: i + 1 }); return
  }
  // a carer too drunk or out of it to look after the children
  if (w === 'too' && ['drunk', 'high', 'wasted', 'stoned', 'hungover'].includes(next ?? '') && tokens[i + 2]?.word === 'to') {
    const actor = actorOf(tokens, i)
    if (actor.kind === 'adult' && HOME_ADULTS.has(actor.word)) {
      out.push({ rule: 'a carer too drunk to care', label: 'neglect', start: actor.index, end: i + 3 })
    }
  }
}

// ---- exploitation ----
const PAY = new Set(['pays', 'paid', 'pay', 'paying', 'gives', 'gave', 'give', 'giving', 'offers', 'offered', 'offering', 'promised',
  'promises', 'buys', 'bought', 'bribes', 'bribed'])
const TASK = new Set(['carry', 'carrying', 'hold', 'holding', 'keep', 'keeping', 'hide', 'hiding', 'stash', 'stashing', 'deliver',
  'delivering', 'drop', 'dropping', 'move', 'moving', 'mind', 'minding', 'sell', 'selling', 'take', 'taking', 'bring', 'bringing', 'run', 'running'])
const GOODS = new Set(['box', 'boxes', 'stuff', 'things', 'bag', 'bags', 'package', 'packages', 'parcel', 'parcels', 'drugs', 'weed', 'phone', 'phones',
  'knife', 'knives', 'money', 'it', 'them', 'something', 'boxes', 'box', 'envelopes', 'envelope', 'packets', 'packet', 'sim', 'cash', 'gear'])
const FOR_THEM = new Set(['them', 'him', 'people', 'someone', 'somebody', 'others', 'his', 'their', 'a', 'an', 'this', 'that', 'these', 'those', 'some'])
const EXPLOITERS = new Set([...CLASSES['EXPLOITER']!, ...CLASSES['STRANGER']!, 'lads', 'boys', 'teenagers', 'guy', 'guys', 'bloke', 'gang', 'year', 'older'])
const MONEY = new Set(['money', 'cash', 'tenner', 'fiver', 'quid', 'pounds', 'twenty', 'fifty', 'hundred', 'notes'])
const BLACKMAIL = new Set(['show', 'post', 'share', 'upload', 'send', 'leak'])
const THREAT = new Set(['stab', 'hurt', 'kill', 'beat', 'batter', 'jump', 'shank', 'get', 'smash', 'hit', 'punch', 'cut', 'find'])

function exploitationAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  // someone pays or gives me … to/if/for carrying, holding, hiding, delivering
  if (PAY.has(w) && tokens[i + 1]?.word === 'me') {
    const actor = actorOf(tokens, i)
    if (actor.kind === 'self') return
    const family = HOME_ADULTS.has(actor.word) // "my nan gives me money and i keep it": pocket money
    // older lads or strangers paying a child to do anything: "the lads by the shops give me a tenner to stand on the corner"
    if (EXPLOITERS.has(actor.word) && !family) {
      const rest = tokens.slice(i + 2, i + 9).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
      if (rest.some((r) => MONEY.has(r) || /^\d+$/.test(r)) && rest.some((r) => r === 'to' || r === 'if' || r === 'for')) {
        out.push({ rule: 'paid by older lads or strangers', label: 'exploitation', start: i, end: i + 2 }); return
      }
    }
    for (let k = i + 2; k < tokens.length && k - i <= 9 && sameSentence(tokens, i, k); k++) {
      if (TASK.has(tokens[k]!.word) && goodsNear(tokens, k, family, 5)) { out.push({ rule: 'paid to carry or hold', label: 'exploitation', start: i, end: k + 1 }); return }
      if (['secret', 'meet', 'photos', 'pictures', 'pics', 'owe', 'jobs', 'favours', 'favour', 'favors', 'errands'].includes(tokens[k]!.word) && actor.kind !== 'none') {
        out.push({ rule: 'paid for secrecy or meeting', label: 'exploitation', start: i, end: k + 1 }); return
      }
    }
    return
  }
  // made to carry, keep or hide things: "my cousins friends make me keep their phones"
  if (['make', 'makes', 'made', 'force', 'forces', 'forced', 'get', 'gets', 'got', 'tell', 'tells', 'told', 'ask', 'asks', 'asked'].includes(w) && tokens[i + 1]?.word === 'me') {
    const task = tokens[i + 2]?.word === 'to' ? i + 3 : i + 2
    if (TASK.has(tokens[task]?.word ?? '') && (goodsNear(tokens, task, true) || ['their', 'his'].includes(tokens[task + 1]?.word ?? ''))) {
      const actor = actorOf(tokens, i)
      if (actor.kind !== 'self' && actor.kind !== 'none' && !HOME_ADULTS.has(actor.word)) {
        out.push({ rule: 'made to carry or hold things', label: 'exploitation', start: i, end: task + 1 }); return
      }
    }
  }
  // a reward for holding things: "if i hide her stuff in my locker she will give me a phone"
  if (TASK.has(w) && goodsNear(tokens, i, true) && tokens.slice(Math.max(0, i - 3), i).some((t) => t.word === 'if')) {
    const rest = tokens.slice(i + 1, i + 14).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    if (rest.some((r, n) => PAY.has(r) && rest[n + 1] === 'me')) { out.push({ rule: 'rewarded for holding things', label: 'exploitation', start: i, end: i + 1 }); return }
  }
  // watching out for the police, running from them: "stand on the corner and watch for police"
  if ((w === 'watch' || w === 'look' || w === 'lookout' || w === 'keep') && tokens.slice(i + 1, i + 4).some((t) => t.word === 'police' || t.word === 'feds' || t.word === 'coppers') &&
    tokens.some((t) => t.sentence === tokens[i]!.sentence && ['stand', 'standing', 'corner', 'estate', 'block', 'lads', 'them', 'him', 'pay', 'pays', 'paid', 'give', 'gives', 'tenner', 'fiver', 'money'].includes(t.word))) {
    out.push({ rule: 'keeping lookout for the police', label: 'exploitation', start: i, end: i + 3 }); return
  }
  // taking things to people or houses: "take stuff to people", "drop bags at houses"
  if (TASK.has(w) && goodsNear(tokens, i, true)) {
    const rest = tokens.slice(i + 2, i + 7).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    if (rest.some((r, n) => (r === 'to' || r === 'at') && ['people', 'houses', 'flats', 'addresses', 'strangers', 'cars', 'men'].includes(rest[n + 1] ?? ''))) {
      out.push({ rule: 'taking things to people', label: 'exploitation', start: i, end: i + 2 }); return
    }
  }
  // running for someone: "go to different towns on the train for my brothers friend and bring back money"
  if ((w === 'bring' || w === 'bringing' || w === 'brought' || w === 'collect' || w === 'collecting') &&
    ((tokens[i + 1]?.word === 'back' && ['money', 'cash', 'stuff'].includes(tokens[i + 2]?.word ?? '')) || (['money', 'cash'].includes(tokens[i + 1]?.word ?? '') && tokens[i + 2]?.word === 'back'))) {
    const sentence = tokens[i]!.sentence
    if (tokens.some((t) => t.sentence === sentence && ['for', 'towns', 'train', 'trains', 'cities', 'city', 'house', 'flat'].includes(t.word))) {
      out.push({ rule: 'running money for someone', label: 'exploitation', start: i, end: i + 3 }); return
    }
  }
  // carrying, holding, hiding things for them: "i hold stuff for my cousins mate", "carry bags for the older lads"
  if (TASK.has(w) && goodsNear(tokens, i, true)) {
    for (let k = i + 1; k < tokens.length && k - i <= 7 && sameClause(tokens, i, k); k++) {
      if (tokens[k]!.word === 'for' && (FOR_THEM.has(tokens[k + 1]?.word ?? '') || (tokens[k + 1]?.word === 'the' && ['older', 'lads', 'boys', 'men', 'gang'].includes(tokens[k + 2]?.word ?? '')))) {
        out.push({ rule: 'carrying or holding for others', label: 'exploitation', start: i, end: k + 2 }); return
      }
    }
  }
  // a threat unless the child does something: "they will stab me if i dont carry", "he will show everyone if i
  // dont send more" (blackmail)
  if ((THREAT.has(w) && tokens[i + 1]?.word === 'me') || BLACKMAIL.has(w)) {
    const rest = tokens.slice(i + 2, i + 12).filter((t) => t.sentence === tokens[i]!.sentence).map((t) => t.word)
    const unless = rest.indexOf('if') !== -1 && (rest.includes('not') || rest.includes('refuse') || rest.includes('stop')) &&
      rest.some((r) => TASK.has(r) || ['pay', 'sell', 'meet', 'send', 'steal', 'deliver', 'more'].includes(r))
    const actor = actorOf(tokens, i)
    // "mum will kill me if I do not take my PE kit" is a figure of speech at home, not coercion
    if (unless && !rest.includes('tell') && !HOME_ADULTS.has(actor.word) && actor.word !== 'teacher') {
      out.push({ rule: 'threatened unless I do things', label: 'exploitation', start: i, end: i + 2 })
    }
  }
}

function goodsNear(tokens: readonly Placed[], k: number, specific = false, reach = 3): boolean {
  for (let n = k + 1; n <= k + reach && n < tokens.length && sameSentence(tokens, k, n); n++) {
    const g = tokens[n]!.word
    if (GOODS.has(g) && !(specific && GENERIC_GOODS.has(g))) return true
  }
  return false
}
const GENERIC_GOODS = new Set(['it', 'them', 'money', 'cash', 'something'])

// ---- threats to a parent ----
function threatAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  // "dad said he would kill her", "he threatens to stab mum"
  const w = tokens[i]!.word
  if (!['kill', 'hurt', 'hit', 'stab', 'batter', 'strangle', 'shoot', 'beat', 'burn'].includes(w)) return
  const victim = tokens[i + 1]?.word === 'my' ? tokens[i + 2]?.word : tokens[i + 1]?.word
  if (!['her', 'him', 'mum', 'dad', 'mother', 'father', 'nan', 'us'].includes(victim ?? '')) return
  const before = tokens.slice(Math.max(0, i - 6), i).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
  if (!before.some((b) => ['will', 'would', 'going', 'gonna', 'threatens', 'threatened', 'threatening', 'to'].includes(b))) return
  if (!before.some((b) => ['said', 'says', 'threatens', 'threatened', 'threatening', 'shouted', 'screamed', 'yelled', 'told'].includes(b))) return
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' || !(HOME_ADULTS.has(actor.word) || PRONOUNS.has(actor.word))) return
  if (tokens.some((t) => t.sentence === tokens[i]!.sentence && (t.word === 'lol' || t.word === 'if'))) return
  out.push({ rule: 'an adult at home threatens to kill or hurt a parent', label: 'domestic_abuse', start: actor.index, end: i + 2 })
}

// ---- rejection ----
const SAYS = new Set(['says', 'said', 'tells', 'told', 'calls', 'called', 'shouts', 'shouted', 'screams', 'screamed', 'yells', 'yelled', 'wishes', 'wished'])
const INSULTS = new Set([...CLASSES['INSULT']!, 'disgusting', 'gross', 'vile', 'scum', 'trash', 'filthy', 'worthless', 'unlovable', 'retard', 'retarded', 'idiot', 'loser', 'brat', 'animal', 'monster', 'accident', 'freak', 'embarrassment', 'nuisance', 'pest'])

function rejectionAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  // a carer telling the child what they are: "my mum tells me everyday that im a mistake", "dad wishes i was never his"
  if (SAYS.has(w)) {
    const actor = actorOf(tokens, i)
    if (actor.kind !== 'adult' || (!HOME_ADULTS.has(actor.word) && !PRONOUNS.has(actor.word) && !['teacher', 'coach'].includes(actor.word))) return
    const clause = tokens.slice(i + 1, i + 11).filter((t) => sameSentence(tokens, i, t.index))
    for (let n = 0; n < clause.length; n++) {
      const a = clause[n]!.word
      const b = clause[n + 1]?.word
      // "calls me a freak"
      if ((w === 'calls' || w === 'called') && n === 0 && a === 'me' && clause.slice(1, 4).some((t) => INSULTS.has(t.word))) {
        out.push({ rule: 'a carer says the child is worthless or unwanted', label: 'emotional_abuse', start: Math.min(actor.index, i), end: clause[Math.min(3, clause.length - 1)]!.index + 1 })
        return
      }
      if ((a === 'i' && (b === 'am' || b === 'was' || b === 'were' || b === 'should' || b === 'would')) || (a === 'you' && (b === 'are' || b === 'were' || b === 'should'))) {
        const rest = clause.slice(n + 2, n + 6).map((t) => t.word)
        const insult = rest.findIndex((r) => INSULTS.has(r))
        const never = ((rest[0] === 'never' || rest[0] === 'not') && ['born', 'his', 'hers', 'theirs', 'had', 'here', 'alive', 'around', 'wanted', 'loved', 'welcome', 'part'].includes(rest[1] ?? '')) ||
          (rest.includes('born') && (rest.includes('never') || rest.includes('not')))
        if ((insult !== -1 && rest.slice(0, insult).every((r) => ['a', 'an', 'the', 'so', 'such', 'really', 'very', 'just', 'big', 'total', 'complete', 'stupid', 'little'].includes(r))) || never) {
          if (rest.includes('lol') || tokens.some((t) => t.sentence === tokens[i]!.sentence && (t.word === 'lol' || t.word === 'joking'))) return
          out.push({ rule: 'a carer says the child is worthless or unwanted', label: 'emotional_abuse', start: Math.min(actor.index, i), end: clause[Math.min(n + 3, clause.length - 1)]!.index + 1 })
          return
        }
      }
    }
    return
  }
  // made to sleep, stand or stay somewhere as a punishment: "makes me sleep in the hallway"
  if (['makes', 'made', 'make'].includes(w) && tokens[i + 1]?.word === 'me' && ['sleep', 'stand', 'stay', 'sit', 'kneel', 'eat', 'wait'].includes(tokens[i + 2]?.word ?? '')) {
    const rest = tokens.slice(i + 3, i + 8).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const where = rest.some((r) => ['hallway', 'hall', 'outside', 'floor', 'garden', 'shed', 'garage', 'corner', 'cold', 'dark', 'bathroom', 'stairs', 'cupboard', 'landing', 'porch', 'car'].includes(r)) ||
      rest.some((r, n) => r === 'all' && rest[n + 1] === 'night') || rest.includes('hours')
    const actor = actorOf(tokens, i)
    if (where && actor.kind === 'adult' && (HOME_ADULTS.has(actor.word) || PRONOUNS.has(actor.word))) {
      out.push({ rule: 'made to sleep or stand somewhere as a punishment', label: 'emotional_abuse', start: Math.min(actor.index, i), end: i + 3, carer: true }); return
    }
  }
  // "threatens to send me back", "says she will put me in care", "will kick me out"
  if (!['send', 'sending', 'put', 'putting', 'kick', 'kicking', 'throw', 'throwing', 'chuck', 'chucking', 'give', 'giving'].includes(w)) {
    return
  }
  if (tokens[i + 1]?.word !== 'me') return
  const after = tokens.slice(i + 2, i + 5).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
  const back = after[0] === 'back' && (after[1] !== 'to' || after[2] === 'care' || after[2] === 'the')
  const intoCare = ['in', 'into', 'to'].includes(after[0] ?? '') && tokens.slice(i + 2, i + 7).some((t) => ['care', 'children', 'childrens', 'foster', 'orphanage'].includes(t.word))
  const away = back || intoCare || after[0] === 'away' || after.includes('care') || (after[0] === 'out' && !after.includes('of'))
  if (!away) return
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' || !HOME_ADULTS.has(actor.word) && !PRONOUNS.has(actor.word)) return
  out.push({ rule: 'a carer threatens to send the child away', label: 'emotional_abuse', start: Math.min(actor.index, i), end: i + 3, carer: true })
}

// ---- sexual harm ----
// Looking at the child: sexual when the child is undressed, bathing or asleep.
const LOOK = new Set(['films', 'filmed', 'filming', 'film', 'records', 'recorded', 'recording', 'photographs', 'photographed', 'photos',
  'watches', 'watched', 'watching', 'stares', 'stared', 'staring', 'looks', 'looked', 'looking', 'peeks', 'peeked', 'spies', 'spied', 'videos', 'videoed'])
// Touching the child: sexual when it is the body under clothes, or a secret.
const TOUCH = new Set(['touches', 'touched', 'touching', 'touch', 'kisses', 'kissed', 'kissing', 'strokes', 'stroked', 'undresses',
  'undressed', 'rubs', 'rubbed', 'feels', 'licks', 'licked'])
const UNDRESSED = new Set(['changing', 'changed', 'undressed', 'undressing', 'naked', 'shower', 'showering', 'bath', 'bathroom', 'toilet',
  'bed', 'asleep', 'sleeping', 'pants', 'knickers', 'underwear', 'privates', 'private', 'bum', 'nothing', 'clothes', 'pyjamas', 'nightie',
  'dressed', 'swimsuit', 'costume', 'bedroom'])
const INTIMATE = new Set(['pants', 'knickers', 'underwear', 'privates', 'private', 'bum', 'chest', 'boobs', 'willy', 'secret', 'lap', 'body',
  'clothes', 'pyjamas', 'nightie', 'costume', 'swimsuit', 'legs', 'leg', 'thigh', 'thighs', 'where', 'there', 'naked', 'tell', 'weird', 'funny', 'uncomfortable'])

const PUT = new Set(['puts', 'put', 'putting', 'shoves', 'shoved', 'sticks', 'stuck', 'slides', 'slid'])
const PICTURES = new Set(['photos', 'photo', 'pictures', 'picture', 'pics', 'pic', 'videos', 'video', 'selfies'])

const COERCE = new Set(['makes', 'made', 'make', 'asks', 'asked', 'ask', 'tells', 'told', 'wants', 'wanted', 'forces', 'forced', 'gets', 'got'])
// what a child is made to do that exposes them: undress, pull down, get in the bath with him, touch him
function exposing(words: readonly string[]): boolean {
  const has = (w: string) => words.includes(w)
  if (has('undress') || has('strip') || has('naked') || has('nude') || has('nudes')) return true
  if ((has('pull') || has('take') || has('took') || has('pulled')) && (has('down') || has('off')) && words.some((w) => ['trousers', 'pants', 'knickers', 'clothes', 'top', 'shorts', 'skirt', 'underwear', 'pyjamas'].includes(w))) return true
  if ((has('get') || has('have')) && (has('bath') || has('shower') || has('bed')) && (has('with') || has('his') || has('her'))) return true
  if ((has('touch') || has('kiss') || has('rub') || has('lick') || has('hold')) && words.some((w) => ['him', 'his', 'her', 'them', 'their', 'privates', 'private'].includes(w))) return true
  if ((has('sit') || has('lie') || has('lay')) && words.some((w) => ['lap', 'knee', 'bed'].includes(w)) && words.some((w) => ['his', 'her', 'their'].includes(w))) return true
  if (has('show') && words.some((w) => ['body', 'privates', 'private', 'chest', 'bum'].includes(w))) return true
  // "made me do things in his room that i didnt want to"
  if ((has('do') || has('did')) && words.some((w) => ['things', 'stuff', 'something'].includes(w)) &&
    words.some((w) => ['room', 'bed', 'bedroom', 'secret', 'weird', 'private', 'not'].includes(w))) return true
  return false
}

function sexualAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  // made or asked to expose oneself: "makes me get in the bath with him", "asked me to pull my trousers down"
  if (COERCE.has(w) && tokens[i + 1]?.word === 'me') {
    const words = tokens.slice(i + 2, i + 10).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const actor = actorOf(tokens, i)
    if (actor.kind !== 'self' && actor.kind !== 'none' && exposing(words) && !words.includes('doctor') && !words.includes('nurse')) {
      out.push({ rule: 'made to undress or touch', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 2 }); return
    }
  }
  // an adult getting into the bath, shower or bed with the child: "gets into the shower with me"
  if (['gets', 'got', 'get', 'comes', 'came', 'climbs', 'climbed', 'jumps'].includes(w)) {
    const rest = tokens.slice(i + 1, i + 7).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    const place = rest.findIndex((r) => ['shower', 'bath', 'bed'].includes(r))
    if (place !== -1 && rest[place + 1] === 'with' && rest[place + 2] === 'me') {
      const actor = actorOf(tokens, i)
      if (actor.kind === 'adult' && !['mum', 'nan', 'gran', 'grandma', 'mother'].includes(actor.word) && !rest.includes('scared') && !rest.includes('storm')) {
        out.push({ rule: 'an adult in the bath, shower or bed with the child', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + place + 4 }); return
      }
    }
  }
  // questions about the child's body or underwear: "a man on fortnite keeps asking what colour my underwear is"
  if (['asks', 'asked', 'asking', 'ask', 'wants', 'wanted'].includes(w)) {
    const words = tokens.slice(i + 1, i + 13).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    if (words.some((x) => ['underwear', 'knickers', 'pants', 'bra', 'naked', 'privates', 'nudes', 'boobs', 'willy', 'bikini'].includes(x)) &&
      !words.includes('pe') && !words.includes('shop')) {
      const actor = actorOf(tokens, i)
      if (actor.kind === 'adult' || actor.kind === 'child' && ['brother', 'cousin', 'stepbrother'].includes(actor.word)) {
        out.push({ rule: 'asked about the child\'s body or underwear', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 1 }); return
      }
    }
  }
  // touching the child's body with secrecy or under clothes: "rubs my leg under the table and says its our thing"
  if (TOUCH.has(w) && tokens[i + 1]?.word === 'my' && BODY.has(tokens[i + 2]?.word ?? '')) {
    const sentence = tokens[i]!.sentence
    const secret = tokens.some((t) => t.sentence === sentence && ['secret', 'our', 'under', 'tell', 'weird', 'uncomfortable', 'funny', 'private'].includes(t.word) && t.index > i)
    const intimate = ['leg', 'legs', 'thigh', 'thighs', 'chest', 'bum'].includes(tokens[i + 2]!.word)
    const actor = actorOf(tokens, i)
    if (secret && intimate && (actor.kind === 'adult' || (actor.kind === 'child' && ['brother', 'cousin', 'stepbrother'].includes(actor.word))) && !negatedBetween(tokens, actor.index, i)) {
      out.push({ rule: 'touching the child\'s body in secret', label: 'sexual_abuse', start: Math.min(actor.index, i), end: i + 3 }); return
    }
  }
  // a hand in or under the child's clothes: "puts his hand in my pants", "put her hands up my top"
  if (PUT.has(w) && ['his', 'her', 'their', 'a'].includes(tokens[i + 1]?.word ?? '') && ['hand', 'hands', 'fingers', 'finger'].includes(tokens[i + 2]?.word ?? '') &&
    ['in', 'inside', 'under', 'up', 'down', 'on'].includes(tokens[i + 3]?.word ?? '') && tokens[i + 4]?.word === 'my') {
    const place = tokens[i + 5]?.word ?? ''
    if (['pants', 'knickers', 'underwear', 'top', 'shirt', 'skirt', 'trousers', 'shorts', 'pyjamas', 'nightie', 'clothes', 'private', 'privates', 'bum', 'leg', 'legs', 'thigh', 'chest'].includes(place)) {
      out.push({ rule: 'a hand inside the child\'s clothes', label: 'sexual_abuse', start: i, end: i + 6 }); return
    }
  }
  // "takes photos of me when i am getting dressed": photographing the child is looking at the child
  if (['takes', 'took', 'taking', 'take', 'makes', 'made', 'records', 'recorded'].includes(w) && PICTURES.has(tokens[i + 1]?.word ?? '') &&
    tokens[i + 2]?.word === 'of' && tokens[i + 3]?.word === 'me') {
    lookAt(tokens, i, i + 3, false, out); return
  }
  const touching = TOUCH.has(w)
  if (!LOOK.has(w) && !touching) return
  let k = i + 1
  if (tokens[k]?.word === 'at') k++
  if (tokens[k]?.word !== 'me' || !sameClause(tokens, i, k)) return
  lookAt(tokens, i, k, touching, out)
}

function lookAt(tokens: readonly Placed[], i: number, k: number, touching: boolean, out: Finding[]): void {
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' && !(actor.kind === 'child' && ['brother', 'cousin', 'stepbrother', 'sister'].includes(actor.word))) return
  if (negatedBetween(tokens, actor.index, i)) return
  const sentence = tokens[i]!.sentence
  const context = touching ? INTIMATE : UNDRESSED
  const exposed = tokens.some((t) => t.sentence === sentence && Math.abs(t.index - k) <= 8 && context.has(t.word))
  if (!exposed) return
  out.push({ rule: 'a person touches, films or watches the child undressed', label: 'sexual_abuse', start: Math.min(actor.index, i), end: k + 1 })
}

// ---- indirect signs ----------------------------------------------------------------------------------
// Disclosures that name no harm verb: the injury, the instrument, the place, the secrecy, the preparation.

const INJURY = new Set(['bruise', 'bruises', 'bruised', 'blood', 'bleeding', 'bled', 'marks', 'welts', 'stitches', 'swollen', 'broken', 'burns', 'scars'])
const INSTRUMENTS = new Set(['hairbrush', 'belt', 'spoon', 'stick', 'shoe', 'slipper', 'wire', 'cable', 'lead', 'hanger', 'ruler', 'lighter',
  'iron', 'cigarette', 'fag', 'cane', 'whip', 'knife', 'bat', 'hose', 'charger', 'plug', 'fist', 'fists', 'buckle', 'rope', 'strap'])
const UNSAFE_PLACES = new Set(['bridge', 'roof', 'cliff', 'edge', 'tracks', 'railway', 'ledge', 'balcony', 'motorway', 'tower'])
const CLOSE_TOUCH = new Set(['massage', 'massages', 'cuddles', 'kisses', 'tickles', 'baths', 'sleepovers'])

function indirectAt(tokens: readonly Placed[], i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  const sentence = tokens[i]!.sentence
  const inSentence = tokens.filter((t) => t.sentence === sentence)
  const words = inSentence.map((t) => t.word)
  const has = (x: string) => words.includes(x)
  const firstIndex = inSentence[0]!.index
  const push = (rule: string, label: string, start: number, end: number) => out.push({ rule, label, start, end })
  const adultBefore = () => {
    const a = actorOf(tokens, i)
    if (a.kind === 'adult') return a
    // the sentence's subject, further back: "my stepdad sat on my chest till i couldnt breathe"
    const first = inSentence.find((t) => t.index < i && (ADULTS.has(t.word) || PRONOUNS.has(t.word)) && !OBJECT_MARKERS.has(tokens[t.index - 1]?.word ?? ''))
    return first && first.word !== 'they' ? { index: first.index, kind: 'adult' as const, word: first.word } : null
  }
  // an injury an adult gave: "gave me a black eye", "sat on my chest till i couldnt breath", "left marks"
  if ((w === 'black' && tokens[i + 1]?.word === 'eye') || INJURY.has(w) || ((w === 'breathe' || w === 'breath') && ['not', 'never'].includes(tokens[i - 1]?.word ?? '')) ||
    (w === 'pass' && tokens[i + 1]?.word === 'out')) {
    const a = adultBefore()
    const onMe = words.some((x, n) => (x === 'me' || (x === 'my' && BODY.has(words[n + 1] ?? ''))) && firstIndex + n < i)
    const play = words.some((x) => ACCIDENT.has(x) || PLAYTHINGS.has(x) || x === 'lol' || x === 'fell' || x === 'football' || x === 'rugby')
    if (a && onMe && !play) {
      if (!has('i') || words.indexOf('i') > words.indexOf(a.word)) push('an injury an adult gave', 'physical_abuse', a.index, i + 1)
      return
    }
  }
  // the instrument: "takes it out on me with the hairbrush", "goes for me with a belt"
  if (w === 'with' && ['a', 'the', 'his', 'her', 'their', 'my'].includes(tokens[i + 1]?.word ?? '') && INSTRUMENTS.has(tokens[i + 2]?.word ?? '')) {
    const before = tokens.slice(Math.max(firstIndex, i - 8), i).map((t) => t.word)
    const a = adultBefore()
    if (a && before.includes('me') && !['brushes', 'brushed', 'helps', 'helped', 'showed', 'shows', 'plays', 'played', 'taught', 'teaches', 'makes', 'made'].some((v) => before.includes(v))) {
      push('an adult goes for the child with something', 'physical_abuse', a.index, i + 3); return
    }
  }
  // tied to something: "ties me to the chair"
  if ((w === 'ties' || w === 'tied' || w === 'tie') && tokens[i + 1]?.word === 'me' && ['to', 'up'].includes(tokens[i + 2]?.word ?? '')) {
    if (adultBefore()) { push('an adult ties the child', 'physical_abuse', i, i + 3); return }
  }
  // a parent locked in or out, her phone taken: coercive control
  if (['locked', 'locks', 'lock', 'shut', 'shuts'].includes(w) && ['mum', 'her', 'dad', 'him'].includes(tokens[i + 1]?.word === 'my' ? tokens[i + 2]?.word ?? '' : tokens[i + 1]?.word ?? '')) {
    const a = adultBefore()
    if (a && (HOME_ADULTS.has(a.word) || PRONOUNS.has(a.word))) { push('a parent locked in or out', 'domestic_abuse', a.index, i + 2); return }
  }
  if (['took', 'takes', 'smashed', 'smashes', 'hides', 'hid'].includes(w) && tokens[i + 1]?.word === 'her' && ['phone', 'keys', 'money', 'purse', 'bank', 'card'].includes(tokens[i + 2]?.word ?? '')) {
    const a = adultBefore()
    if (a && (HOME_ADULTS.has(a.word) || PRONOUNS.has(a.word)) && a.word !== 'mum') { push('a parent\'s phone or money taken', 'domestic_abuse', a.index, i + 3); return }
  }
  // an adult in the child's bed, or close touch when nobody else is there
  if (w === 'bed' && tokens[i - 1]?.word === 'my' && ['in', 'into'].includes(tokens[i - 2]?.word ?? '')) {
    const a = adultBefore()
    const uneasy = has('like') && (has('not') || has('never')) || has('secret') || has('scared') || has('weird') || has('does') || has('touches')
    if (a && uneasy && !['mum', 'nan', 'gran', 'grandma'].includes(a.word)) { push('an adult in the child\'s bed', 'sexual_abuse', a.index, i + 1); return }
  }
  if (CLOSE_TOUCH.has(w)) {
    const alone = (has('no') && has('one') && has('else')) || (has('nobody') && has('else')) || has('alone') || has('secret') || (has('on') && has('our') && has('own'))
    const a = adultBefore()
    if (alone && a && !HOME_ADULTS.has(a.word)) { push('close touch from an adult when nobody else is there', 'sexual_abuse', a.index, i + 1); return }
  }
  // "paid me to show him under my skirt"
  if ((PAY.has(w) || COERCE.has(w)) && tokens[i + 1]?.word === 'me') {
    const rest = tokens.slice(i + 2, i + 10).filter((t) => t.sentence === sentence).map((t) => t.word)
    if ((rest.includes('under') || rest.includes('inside') || rest.includes('down')) && rest.some((r) => ['skirt', 'top', 'shirt', 'dress', 'pants', 'trousers', 'shorts', 'clothes', 'knickers'].includes(r))) {
      const a = actorOf(tokens, i)
      if (a.kind !== 'self' && a.kind !== 'none') { push('paid or made to expose oneself', 'sexual_abuse', Math.min(a.index, i), i + 2); return }
    }
  }
  // neglect: the same clothes for weeks, nobody changes the baby, waiting up for a carer out at the pub
  if (w === 'same' && tokens.slice(i + 1, i + 3).some((t) => CLOTHING.has(t.word)) && tokens.slice(i + 2, i + 8).some((t) => ['weeks', 'week', 'days', 'month', 'ages'].includes(t.word))) {
    push('the same clothes for weeks', 'neglect', i, i + 2); return
  }
  if ((w === 'nobody' || (w === 'no' && tokens[i + 1]?.word === 'one')) && tokens.slice(i + 1, i + 4).some((t) => ['changes', 'changed', 'baths', 'bathes', 'dresses'].includes(t.word))) {
    push('nobody looks after the baby', 'neglect', i, i + 3); return
  }
  if ((w === 'waiting' || w === 'wait' || w === 'up') && (has('pub') || has('clubbing') || has('drinking') || has('drunk') || has('club') || (has('out') && !has('year') && !has('fireworks') && !has('party'))) &&
    words.some((x, n) => (x === 'till' || x === 'until') && (/^\d+$/.test(words[n + 1] ?? '') || ['midnight', 'late', 'morning', 'two', 'three', 'one'].includes(words[n + 1] ?? '')))) {
    push('waiting up for a carer who is out', 'neglect', i, i + 1); return
  }
  // exploitation: working for someone, sent to other towns
  if (w === 'work' && tokens[i - 1]?.word === 'i' && tokens[i + 1]?.word === 'for' && ['him', 'them', 'a', 'some', 'his', 'their', 'these'].includes(tokens[i + 2]?.word ?? '')) {
    push('a child who works for someone', 'exploitation', i - 1, i + 3); return
  }
  if ((w === 'sent' || w === 'send' || w === 'sends') && tokens.slice(i + 1, i + 8).some((t) => ['town', 'towns', 'city', 'cities', 'flat', 'flats', 'house'].includes(t.word)) &&
    (has('another') || has('other') || has('different') || has('days') || has('nights'))) {
    if (tokens.slice(Math.max(firstIndex, i - 3), i).some((t) => ['i', 'me', 'get', 'got'].includes(t.word))) { push('sent to other towns', 'exploitation', i, i + 1); return }
  }
  // emotional: ignored for weeks, blamed for a death, "wishes it was me instead"
  if ((w === 'ignores' || w === 'ignored' || w === 'ignoring') && tokens[i + 1]?.word === 'me' && tokens.slice(i + 2, i + 5).some((t) => ['days', 'weeks', 'ages', 'months'].includes(t.word))) {
    if (adultBefore()) { push('ignored for days', 'emotional_abuse', i, i + 2); return }
  }
  if ((w === 'fault' && tokens[i - 1]?.word === 'my' && words.some((x) => ['died', 'dead', 'left', 'ill', 'sick', 'cancer', 'drinks', 'hits', 'split', 'divorced'].includes(x))) ||
    (w === 'wishes' && tokens[i + 1]?.word === 'it' && tokens[i + 2]?.word === 'was' && tokens[i + 3]?.word === 'me')) {
    const a = adultBefore()
    if (a && (HOME_ADULTS.has(a.word) || PRONOUNS.has(a.word))) { push('a carer blames the child', 'emotional_abuse', a.index, i + 1); return }
  }
  // self-harm: making oneself ill, drinking what is under the sink, wanting it to hurt
  if (['make', 'makes', 'made', 'making'].includes(w) && tokens[i + 1]?.word === 'myself' && tokens.slice(i + 2, i + 4).some((t) => ['sick', 'bleed', 'faint', 'ill'].includes(t.word))) {
    push('making oneself ill', 'self_harm', i, i + 3); return
  }
  if (['drink', 'drank', 'drinking', 'swallow', 'swallowed', 'swallowing', 'eat', 'ate'].includes(w) && (tokens[i - 1]?.word === 'i' || tokens[i - 2]?.word === 'i') &&
    tokens.slice(i + 1, i + 7).some((t) => ['bleach', 'sink', 'cleaning', 'shampoo', 'soap', 'washing', 'batteries', 'pills', 'tablets', 'medicine'].includes(t.word)) && !has('accident') && !has('accidentally')) {
    push('swallowing what harms', 'self_harm', i, i + 1); return
  }
  if (w === 'want' && tokens[i - 1]?.word === 'i' && ['it', 'myself', 'me'].includes(tokens[i + 1]?.word ?? '') && tokens[i + 2]?.word === 'to' && ['hurt', 'bleed', 'sting', 'burn'].includes(tokens[i + 3]?.word ?? '')) {
    push('wanting it to hurt', 'self_harm', i, i + 4); return
  }
  // suicidal: a will, giving things away, standing somewhere high and thinking about it
  if (((w === 'will' && tokens[i - 1]?.word === 'my' && ['written', 'wrote', 'write', 'writing', 'made'].includes(tokens[i - 2]?.word ?? '')) ||
    (['given', 'gave', 'giving', 'give'].includes(w) && tokens.slice(i + 1, i + 5).some((t) => t.word === 'away') && tokens.slice(i + 1, i + 4).some((t) => ['my', 'all'].includes(t.word)) &&
      (has('will') || has('goodbye') || has('wont') || has('need') || has('anymore') || has('games') || has('stuff') || has('things')))) && words.includes('i')) {
    push('putting affairs in order', 'suicidal', i, i + 1); return
  }
  if (UNSAFE_PLACES.has(w) && words.includes('i') && (has('thought') || has('thinking') || has('wanted') || has('nearly') || has('almost') || has('ages') || has('jump'))) {
    const stood = words.some((x) => ['stood', 'stand', 'standing', 'sat', 'sit', 'went', 'go', 'climbed', 'walked'].includes(x))
    if (stood && !has('view') && !has('photo') && !has('trip') && !has('scared') && !has('heights')) { push('somewhere high, thinking about it', 'suicidal', i, i + 1); return }
  }
}
