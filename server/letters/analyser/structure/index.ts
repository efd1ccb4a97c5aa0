// Step 3d: structural rules. The phrase lexicon finds disclosures one wording at a time; these rules
// find them by the shape of the clause instead — who does what to whom — so a new wording of a known
// kind is found without a new phrase. One file per family, their words in lexicon/structure-*.ts:
//   harm.ts            a person (family, carer, adult, or he/she/they meaning one) + a harm verb (any form
//                      or misspelling, verbs.ts) + me/us/my brother/my arm; an adult at home + a harm verb
//                      + my mum/her (domestic abuse), or a threat to kill her; a harm verb + myself, or
//                      something sharp into my arm;
//   sexual.ts          a person + touch/film/watch… + me, with undressing, bathing or secrecy near;
//   wish-not-to-be.ts  I + want/wish/think about… + die/disappear/not wake up/not exist…;
//   neglect.ts         no food/hot water/bed at home, hungry at night, nobody home till late, a carer
//                      who forgets or is too drunk to care, clothes too small; left in charge of a younger
//                      child, the gas or electric cut off, a carer out or asleep all day;
//   exploitation.ts    someone pays/gives me… to carry/hold/hide/deliver things, a threat unless I carry
//                      or sell for them, keeping things for others;
//   emotional.ts       a carer's words about the child, punishment places, threats to send the child away;
//   indirect.ts        no harm verb: the injury, the instrument, the place, the secrecy, the preparation.
// people.ts reads who does it; clauses.ts holds each token's sentence and clause, computed once a letter.
// Each finding is an ordinary Match (a synthetic lexicon entry), so figures of speech, negation,
// and "another child did it" are read by the same context rules as every phrase.
import type { CompiledEntry } from '../lexicon'
import type { Entry } from '../lexicon/types'
import type { Match } from '../match'
import type { Placed } from '../split'
import { clausesOf, type Finding } from './clauses'
import { rejectionAt } from './emotional'
import { exploitationAt } from './exploitation'
import { harmAt, onPurpose, sharpIntoSelf, threatAt } from './harm'
import { indirectAt } from './indirect'
import { neglectAt, neglectCare, neglectHome } from './neglect'
import { sexualAt } from './sexual'
import { harmVerb } from './verbs'
import { WISH, betterWithout, deathWishAt } from './wish-not-to-be'

export { harmVerb } from './verbs'
export { playOrAccident } from './harm'

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

/** Every structural finding in a letter, as matches the context rules read like any phrase. */
export function findStructures(tokens: readonly Placed[]): Match[] {
  const c = clausesOf(tokens)
  const out: Finding[] = []
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.word
    const lemma = harmVerb(w)
    if (lemma !== null) harmAt(c, i, lemma, out)
    if (WISH.has(w)) deathWishAt(c, i, out)
    neglectAt(c, i, out)
    sharpIntoSelf(c, i, out)
    onPurpose(c, i, out)
    betterWithout(c, i, out)
    neglectCare(c, i, out)
    neglectHome(c, i, out)
    exploitationAt(c, i, out)
    rejectionAt(c, i, out)
    threatAt(c, i, out)
    sexualAt(c, i, out)
    indirectAt(c, i, out)
  }
  return out.map((f) => ({ compiled: entryFor(f.rule, f.label, f.carer ? { carer: true } : {}), start: f.start, end: f.end }))
}
