// Harm verbs: the lemma a word stands for, from its listed forms or, for a child's misspelling, by sound.
// Only a non-word is read by sound: a real English word ("step", "stop", "sleep", "there") or a word the
// lexicon knows ("stepdad") is always itself, never the harm verb it sounds like ("stab", "slap", "throw").
import { doubleMetaphone } from 'double-metaphone'
import { editDistance } from '../fuzzy'
import { GUARD_WORDS } from '../guard-words'
import { VOCABULARY } from '../lexicon'
import { BASE_FORM_NOT_A_VERB, HARM_LEMMAS } from '../lexicon/structure-harm'

const HARM_FORMS = new Map<string, string>()
for (const [lemma, forms] of Object.entries(HARM_LEMMAS)) for (const f of forms) HARM_FORMS.set(f, lemma)
// the base form of every verb too ("slam", "pummel"), unless it is a common noun or word ("boot", "lamp", "deck", "floor")
for (const lemma of Object.keys(HARM_LEMMAS)) {
  if (!HARM_FORMS.has(lemma) && !BASE_FORM_NOT_A_VERB.has(lemma)) HARM_FORMS.set(lemma, lemma)
}

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
  if (GUARD_WORDS.has(word) || VOCABULARY.has(word)) return null
  return harmBySound(word)
}

/** The listed harm form this word is, if any ("hits", "kicked"). */
export const harmForm = (word: string): string | null => HARM_FORMS.get(word) ?? null

/** The harm lemma a word sounds like, whether or not it is a real word: harmVerb asks only for non-words;
 *  scripts/letters-guard-words.mjs asks for every dictionary word, to list the real words it must leave alone. */
export function harmBySound(word: string): string | null {
  if (word.length < 4 || word.length > 11 || !/^[a-z]+$/.test(word)) return null
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
