// The tolerant matchers read only non-words as other words: a correctly spelled English word — or a
// family word such as step dad, stepmum, half sister — is always itself, never the harm verb it sounds like
// ("step"/"stab", "sleep"/"slap", "there"/"throw") nor the lexicon word it is spelt near. A child's
// misspelling of a harm word ("hurst", "kiked", "hitt", "brusies", "scaird") is still read.
import { existsSync, readFileSync } from 'node:fs'
import t from 'tap'
import { analyseLetter, tokenise } from '../../server/letters/analyser'
import { CHILD_MISSPELLINGS, Canonicaliser } from '../../server/letters/analyser/fuzzy'
import { GUARD_WORDS } from '../../server/letters/analyser/guard-words'
import { VOCABULARY } from '../../server/letters/analyser/lexicon'
import { harmBySound, harmForm, harmVerb } from '../../server/letters/analyser/structure/verbs'
import { safeguardingOf } from './helpers'

const canon = (text: string) => tokenise(text).map((x) => x.word).join(' ')

// Real words that share a Double Metaphone key and a first syllable with a harm verb.
const SOUND_ALIKES: Array<[string, string]> = [
  ['step', 'stab'], ['steps', 'stabs'], ['stepped', 'stabbed'], ['stepping', 'stabbing'], ['stop', 'stab'], ['stops', 'stabs'],
  ['stopped', 'stabbed'], ['stupid', 'stab'], ['steep', 'stab'], ['sleep', 'slap'], ['slept', 'slap'], ['sleeping', 'slap'],
  ['slip', 'slap'], ['slim', 'slam'], ['there', 'throw'], ['their', 'throw'], ['three', 'throw'], ['through', 'throw'],
  ['throat', 'throw'], ['group', 'grab'], ['grip', 'grab'], ['between', 'beat'], ['beauty', 'beat'], ['beads', 'beat'],
  ['bank', 'bang'], ['cheek', 'choke'], ['cheeky', 'choke'], ['check', 'chuck'], ['chick', 'chuck'], ['shock', 'shake'],
  ['smoke', 'smack'], ['speed', 'spit'], ['spot', 'spit'], ['spotty', 'spit'], ['tidy', 'tie'], ['tight', 'tie'],
  ['holiday', 'hold'], ['hiding', 'hit'], ['knight', 'knee'], ['thick', 'thwack'], ['cloud', 'clout'], ['scoop', 'scrape'],
  ['script', 'scrape'], ['scold', 'scald'], ['stroke', 'strike'], ['strive', 'starve'], ['latch', 'lash'], ['batch', 'bash'],
]

t.test('a real word is never read as the harm verb it sounds like', async (t) => {
  for (const [word, like] of SOUND_ALIKES) {
    t.equal(harmBySound(word) !== null, true, `"${word}" does sound like a harm verb (${like}), so the case tests the rule`)
    t.equal(harmVerb(word), null, `"${word}" is not "${like}"`)
    t.equal(canon(word), word, `"${word}" is read as itself`)
  }
})

t.test('family words, spaced, joined or hyphenated, are never a harm', async (t) => {
  const family = ['step dad', 'step mum', 'step-dad', 'step-mum', 'stepdad', 'stepmum', 'step brother', 'step sister', 'stepbrother',
    'stepsister', 'half sister', 'half brother', 'halfsister', 'step dads', 'stepdads', 'step family', 'step nan', 'foster mum']
  for (const who of family) {
    for (const text of [`I live with my mum and my ${who}.`, `i live with my dad and my ${who} and my baby brother`,
      `My mum and ${who} are getting married next summer!`, `my ${who} and my mum take me swimming on saturdays`,
      `me and my ${who} stop at the shop on the way home`]) {
      const a = analyseLetter(text)
      t.same(a.safeguarding, [], `no disclosure in "${text}"`)
      t.not(a.concern, 'high', `no high concern in "${text}"`)
    }
  }
})

t.test('every other real word stays itself: "stops me", "slept", "there"', async (t) => {
  t.same(safeguardingOf('my dad stops me going out on school nights'), [])
  t.same(safeguardingOf('my dad slept on the sofa and mum slept with me'), [])
  t.same(safeguardingOf('my dad is there for me and my mum is there for me'), [])
  t.same(safeguardingOf('my mum checks my homework and my dad speeds me to school'), [])
})

t.test("a child's misspelling of a harm word is still read", async (t) => {
  t.same(safeguardingOf('my dad hurst me'), ['physical_abuse'])
  t.same(safeguardingOf('my step dad kiked me'), ['physical_abuse'])
  t.same(safeguardingOf('my mum hitt me when she is cross'), ['physical_abuse'])
  t.same(safeguardingOf('dad gives me brusies'), ['physical_abuse'])
  t.same(safeguardingOf('i am scaird of my dad'), ['physical_abuse'])
  t.same(safeguardingOf('my stepdad punshed me'), ['physical_abuse'])
  t.same(safeguardingOf('my step mum slaped me'), ['physical_abuse'])
  for (const [word, lemma] of [['kiks', 'kick'], ['slapps', 'slap'], ['smaks', 'smack'], ['chokd', 'choke'], ['stabd', 'stab'], ['punchd', 'punch'], ['kikd', 'kick'], ['shuvd', 'shove'], ['burnd', 'burn']]) {
    t.equal(harmVerb(word!), lemma, `"${word}" is ${lemma}`)
  }
})

t.test('real words that are harm verbs of their own are listed, not read by sound', async (t) => {
  t.same(safeguardingOf('my dad stomped on my hand'), ['physical_abuse'])
  t.same(safeguardingOf('he gripped my arm really hard and it hurt'), ['physical_abuse'])
  t.same(safeguardingOf('my uncle groped me'), ['sexual_abuse'])
  t.same(safeguardingOf('the horse stomped in the field and I gripped the reins'), [])
})

// The child-misspelling list is read by hand, not by distance or sound; the few real words on it are deliberate.
const LISTED_REAL_WORDS = ['cloths', 'daddy', 'dads', 'mi', 'mommy', 'mummy', 'mums', 'nerves', 'scarred', 'shoos', 'wen']
const listed = (w: string) => CHILD_MISSPELLINGS[w] !== undefined

t.test('every guard word is left as itself by both matchers', async (t) => {
  const fuzzy = new Canonicaliser(VOCABULARY)
  const changed = [...GUARD_WORDS].filter((w) => !listed(w)).filter((w) => fuzzy.canonical(w) !== w || (harmVerb(w) !== null && harmForm(w) === null))
  t.same(changed, [], 'no guard word is read as another word')
})

// The guard list is generated from a dictionary (scripts/letters-guard-words.mjs). With the dictionary on this
// machine, check the list is whole: no word in it is fuzzed or sound-matched into a different word. A lexicon
// change that brings a new real word within reach fails here until the list is regenerated.
const DICTIONARY = '/usr/share/dict/british-english'
t.test('every dictionary word is left as itself (the guard list is up to date)', async (t) => {
  if (!existsSync(DICTIONARY)) {
    // .ci/run installs the word list; on a developer's machine without it the check cannot run
    if (process.env.LANTERN_CI) t.fail(`no word list at ${DICTIONARY}: .ci/run should have installed wbritish`)
    else t.comment(`no word list at ${DICTIONARY} (apt-get install wbritish): the guard list was not checked`)
    return
  }
  const fuzzy = new Canonicaliser(VOCABULARY)
  const changed: string[] = []
  const listedReal: string[] = []
  for (const word of readFileSync(DICTIONARY, 'utf8').split('\n')) {
    if (!/^[a-z]+$/.test(word) || VOCABULARY.has(word)) continue
    if (listed(word)) { listedReal.push(word); continue }
    const fuzzed = fuzzy.canonical(word)
    const heard = harmForm(word) === null ? harmVerb(word) : null
    if (fuzzed !== word || heard !== null) changed.push(`${word}→${fuzzed !== word ? fuzzed : heard}`)
  }
  t.same(changed.slice(0, 50), [], `${changed.length} real words read as other words; run node scripts/letters-guard-words.mjs`)
  t.same(listedReal, LISTED_REAL_WORDS, 'the real words on the child-misspelling list are the reviewed few')
})
