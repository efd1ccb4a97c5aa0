// Step 3a: tolerant word matching. A word the lexicon does not know is mapped to a lexicon
// word when it is a likely misspelling of it: a known child misspelling, or an edit distance
// scaled to the word's length, or the same Double Metaphone key within a wider distance.
// Short words are never fuzzed ("hit"/"hot", "die"/"dye"), nor real English words that sit
// near a lexicon word ("hunts" is not "hurts"; see guard-words.ts).
import { doubleMetaphone } from 'double-metaphone'
import { GUARD_WORDS } from './guard-words'
import { lookupTable } from '../../lookup'

// Spellings children use that fuzzy rules would miss or get wrong.
export const CHILD_MISSPELLINGS = lookupTable<string>({
  rite: 'right', kil: 'kill', kiled: 'killed', kils: 'kills', ded: 'dead', hert: 'hurt', herts: 'hurts', wen: 'when', sed: 'said',
  sumtimes: 'sometimes', evry: 'every', evryone: 'everyone', evrything: 'everything', nite: 'night', nites: 'nights',
  ther: 'there', thier: 'their', gud: 'good', lik: 'like', liks: 'likes', fone: 'phone', frend: 'friend', frends: 'friends',
  skool: 'school', realy: 'really', reely: 'really', relly: 'really', rly: 'really', verry: 'very', hav: 'have',
  scard: 'scared', scarred: 'scared', scaried: 'scared', skard: 'scared', skared: 'scared', scaird: 'scared', nevous: 'nervous', nervus: 'nervous', nerves: 'nervous', nervis: 'nervous',
  wory: 'worry', wored: 'worried', worred: 'worried', woryed: 'worried', worrid: 'worried', woried: 'worried', worryed: 'worried', wurried: 'worried', worrys: 'worries', worrie: 'worry',
  exited: 'excited', excitid: 'excited', exsited: 'excited', bullyed: 'bullied', bulied: 'bullied', bulys: 'bullies',
  detenshun: 'detention', detenshuns: 'detentions', detenshons: 'detentions', detension: 'detention', detensions: 'detentions',
  homwork: 'homework', homewerk: 'homework', fotball: 'football', fotbal: 'football', footie: 'footy', cloths: 'clothes',
  fotos: 'photos', foto: 'photo', pix: 'pics', punshes: 'punches', punshed: 'punched', hitt: 'hit', hitts: 'hits', lonley: 'lonely',
  onlin: 'online', stuf: 'stuff', chanjed: 'changed', chaing: 'change', embarasing: 'embarrassing', trubble: 'trouble',
  sissors: 'scissors', rubish: 'rubbish', beter: 'better', dumest: 'dumbest', dum: 'dumb', stoped: 'stopped',
  mysef: 'myself', myslef: 'myself', meself: 'myself', mi: 'my', gettin: 'getting', goin: 'going', nothin: 'nothing',
  sumthing: 'something', rist: 'wrist', rists: 'wrists', sience: 'science', sciense: 'science', syence: 'science', sumone: 'someone', enuf: 'enough', bely: 'belly',
  shoos: 'shoes', shooz: 'shoes', holse: 'holes', electrik: 'electric', elektric: 'electric', lecky: 'electric', heeting: 'heating',
  cubbords: 'cupboards', cupbords: 'cupboards', fridg: 'fridge', uniforme: 'uniform',
  mums: 'mum', dads: 'dad', mam: 'mum', mom: 'mum', mommy: 'mum', mummy: 'mum', daddy: 'dad',
})

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows = a.length + 1
  const cols = b.length + 1
  let prev2 = new Array<number>(cols).fill(0)
  let prev = Array.from({ length: cols }, (_, j) => j)
  let cur = new Array<number>(cols).fill(0)
  for (let i = 1; i < rows; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[cols - 1]!
}

/** Edits allowed for a word of this length: none below 5 letters, 1 up to 7, 2 beyond. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0
  return length < 8 ? 1 : 2
}

export function phoneticKey(word: string): string {
  return doubleMetaphone(word)[0]
}

export class Canonicaliser {
  private readonly vocab: Set<string>
  private readonly byKey = new Map<string, string[]>()
  private readonly candidates: string[]
  private readonly cache = new Map<string, string>()

  constructor(vocabulary: Iterable<string>, private readonly guard: ReadonlySet<string> = GUARD_WORDS) {
    this.vocab = new Set(vocabulary)
    this.candidates = [...this.vocab].filter((w) => w.length >= 5 && /^[a-z]+$/.test(w))
    for (const w of this.candidates) {
      const key = phoneticKey(w)
      const list = this.byKey.get(key)
      if (list) list.push(w)
      else this.byKey.set(key, [w])
    }
  }

  knows(word: string): boolean {
    return this.vocab.has(word)
  }

  /** The lexicon word this word stands for, or the word itself. */
  canonical(word: string): string {
    if (this.vocab.has(word)) return word
    const cached = this.cache.get(word)
    if (cached !== undefined) return cached
    const found = this.lookUp(word)
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(word, found)
    return found
  }

  private lookUp(word: string): string {
    const listed = CHILD_MISSPELLINGS[word]
    if (listed !== undefined) return listed
    if (word.length < 5 || !/^[a-z]+$/.test(word) || this.guard.has(word)) return word
    let best = word
    let bestDistance = Infinity
    const first = word[0]
    for (const candidate of this.candidates) {
      if (candidate[0] !== first) continue
      const max = allowedEdits(Math.min(word.length, candidate.length))
      const d = editDistance(word, candidate, max)
      if (d <= max && d < bestDistance) {
        best = candidate
        bestDistance = d
      }
    }
    if (bestDistance < Infinity) return best
    // Same sound, a little further apart: "detenshuns" ~ "detentions".
    const soundsLike = this.byKey.get(phoneticKey(word)) ?? []
    for (const candidate of soundsLike) {
      const max = Math.max(2, Math.floor(Math.min(word.length, candidate.length) / 3))
      const d = editDistance(word, candidate, max)
      if (d <= max && d < bestDistance) {
        best = candidate
        bestDistance = d
      }
    }
    return best
  }
}
