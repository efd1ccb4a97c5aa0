// Step 1: turn a letter into lower-case word tokens that remember where they came from.
// Every token keeps the offsets of the child's original word, so a span built from tokens
// always highlights what the child wrote, even when one word expands into several
// ("wanna" -> "want to", "don't" -> "do not").
import { lookupTable } from '../../lookup'

export type Break = 'sentence' | 'clause' | 'comma' | null

export interface Token {
  word: string // normalised (lower-case, expanded, repeated letters collapsed); canonicalised later
  start: number // offset of the original word in the letter
  end: number // exclusive
  emphasis: boolean // repeated letters ("sooo") or capitals in a letter that is not all capitals
  breakBefore: Break // the strongest punctuation between this token and the previous one
}

// Text-speak and run-together forms children use. "ngl" is not expanded to "not gonna lie":
// the "not" would read as a negation of whatever follows.
const EXPANSIONS = lookupTable<string>({
  ngl: 'honestly', tbh: 'honestly', tbf: 'honestly', idk: 'i do not know', dunno: 'do not know', idc: 'i do not care',
  wanna: 'want to', wana: 'want to', gonna: 'going to', gona: 'going to', gotta: 'got to', hafta: 'have to',
  kms: 'kill myself', kys: 'kill yourself', lol: 'lol', lmao: 'lol', lmfao: 'lol', rofl: 'lol', haha: 'lol',
  hahaha: 'lol', hehe: 'lol', jk: 'lol', xd: 'lol', cos: 'because', coz: 'because', cuz: 'because', cus: 'because',
  bc: 'because', bcos: 'because', becos: 'because', becuase: 'because', becouse: 'because', bcoz: 'because',
  u: 'you', ur: 'your', r: 'are', gr8: 'great', pls: 'please', plz: 'please', tho: 'though', ppl: 'people',
  rn: 'right now', sum1: 'someone', no1: 'no one', noone: 'no one', every1: 'everyone', ne1: 'anyone',
  b4: 'before', luv: 'love', bf: 'boyfriend', gf: 'girlfriend', alot: 'a lot', gimme: 'give me', lemme: 'let me',
  im: 'i am', ive: 'i have', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not', cannot: 'can not',
  wont: 'will not', isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not', havent: 'have not',
  hasnt: 'has not', hadnt: 'had not', couldnt: 'could not', shouldnt: 'should not', wouldnt: 'would not',
  aint: 'is not', youre: 'you are', theyre: 'they are', thats: 'that is', whats: 'what is', theres: 'there is',
  hes: 'he is', shes: 'she is', wot: 'what', wat: 'what', anymor: 'anymore', oways: 'always',
  h8: 'hate', h8s: 'hates', h8d: 'hated', h8ing: 'hating', evry1: 'everyone', jus: 'just', shud: 'should', shudnt: 'should not',
  id: 'i would', wud: 'would', wudnt: 'would not', cud: 'could', cudnt: 'could not', dint: 'did not', fings: 'things',
})

// "'s" after these is "is"; after anything else it is a possessive and is dropped ("mum's" -> "mum").
const IS_AFTER = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'everyone', 'everything', 'nobody', 'somebody', 'someone', 'where', 'let'])
// "ill" is "I'll" when a verb follows ("ill be ok"), otherwise the adjective.
const AFTER_ILL = new Set(['be', 'have', 'get', 'go', 'do', 'make', 'try', 'find', 'never', 'probably', 'just', 'see', 'miss', 'need', 'still', 'play', 'join', 'lose', 'forget', 'settle', 'like', 'love', 'hate', 'cry', 'die', 'always', 'meet', 'loose', 'fail', 'mess', 'end', 'fall', 'look', 'sit', 'stay', 'walk', 'feel', 'start', 'ask', 'definitely'])

const expansionCache = new Map<string, string[]>()

function expandWord(lower: string, next: string | undefined): string[] {
  if (lower === 'ill') return expandUncached(lower, next)
  let cached = expansionCache.get(lower)
  if (cached === undefined) {
    cached = expandUncached(lower, next)
    if (expansionCache.size > 50_000) expansionCache.clear()
    expansionCache.set(lower, cached)
  }
  return cached
}

function expandUncached(lower: string, next: string | undefined): string[] {
  const w = lower.replace(/[’‘`´]/g, "'")
  const m = /^([a-z0-9]+)'([a-z]+)$/.exec(w)
  if (m) {
    const [, head = '', tail = ''] = m
    if (tail === 't' && head.endsWith('n')) {
      if (head === 'can') return ['can', 'not']
      if (head === 'won') return ['will', 'not']
      if (head === 'shan') return ['shall', 'not']
      if (head === 'ain') return ['is', 'not']
      return [head.slice(0, -1), 'not']
    }
    if (tail === 'm') return [head, 'am']
    if (tail === 're') return [head, 'are']
    if (tail === 've') return [head, 'have']
    if (tail === 'll') return [head, 'will']
    if (tail === 'd') return [head, 'would']
    if (tail === 's') return IS_AFTER.has(head) ? [head, 'is'] : [head]
    return [head + tail]
  }
  const bare = w.replace(/'/g, '')
  if (bare === 'ill' && next !== undefined && AFTER_ILL.has(next)) return ['i', 'will']
  const expansion = EXPANSIONS[bare]
  return expansion ? expansion.split(' ') : [bare]
}

/** Collapse runs of three or more of a letter ("sooo" -> "so", "pleeease" -> "please"). */
export function collapseRepeats(word: string, known: (w: string) => boolean): { word: string; collapsed: boolean } {
  if (!/(.)\1\1/.test(word)) return { word, collapsed: false }
  const two = word.replace(/(.)\1{2,}/g, '$1$1')
  if (known(two)) return { word: two, collapsed: true }
  const one = word.replace(/(.)\1{2,}/g, '$1')
  return { word: known(one) ? one : two, collapsed: true }
}

const PIECE = /[\p{L}\p{N}]+(?:['’‘`´][\p{L}]+)*|\.{2,}|[.!?;:,\n\u2026()\u2013\u2014-]/gu

export function normalise(text: string, known: (w: string) => boolean = () => false): Token[] {
  const pieces: Array<{ raw: string; start: number }> = []
  for (const m of text.matchAll(PIECE)) pieces.push({ raw: m[0], start: m.index })
  const letters = (text.match(/\p{L}/gu) ?? []).length
  const mostlyCapitals = letters > 0 && (text.match(/\p{Lu}/gu) ?? []).length / letters > 0.6
  const tokens: Token[] = []
  let pending: Break = null
  let listNumber = 0 // the last list marker seen ("worried about: 1. getting lost 2. homework")
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    const raw = piece.raw
    // A numbered list ("Excited about: 1. drama 2. new friends") keeps its items in one sentence:
    // "1." after a colon, or the next number in a list already begun, is a marker, not a full stop.
    if (/^\d{1,2}$/.test(raw) && pieces[i + 1]?.raw === '.' && /\p{L}/u.test(pieces[i + 2]?.raw ?? '')) {
      const n = Number(raw)
      if ((n === 1 && pending === 'clause') || (listNumber > 0 && n === listNumber + 1)) {
        listNumber = n
        if (pending === null) pending = 'comma'
        i++
        continue
      }
    }
    if (!/[\p{L}\p{N}]/u.test(raw)) {
      const brk: Break = /[.!?\n\u2026]/.test(raw) ? 'sentence' : /[;:()\u2013\u2014-]/.test(raw) ? 'clause' : 'comma'
      if (pending !== 'sentence' && (pending === null || brk === 'sentence' || (brk === 'clause' && pending === 'comma'))) pending = brk
      continue
    }
    const nextRaw = pieces[i + 1]?.raw.toLowerCase()
    const lower = raw.toLowerCase()
    const capitals = !mostlyCapitals && (raw.length > 2 || lower === 'so') && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw) && lower !== 'i'
    const { word: collapsed, collapsed: repeated } = collapseRepeats(lower, known)
    const words = expandWord(collapsed, nextRaw)
    for (const word of words) {
      if (word === '') continue
      tokens.push({ word, start: piece.start, end: piece.start + raw.length, emphasis: repeated || capitals, breakBefore: pending })
      pending = null
    }
  }
  return tokens
}
