// Emotional abuse: a carer telling the child they are worthless or unwanted, punishment places, threats to
// send the child away.
import {
  BEFORE_AN_INSULT, CALLS, CARE, INSULTS, INTO_CARE, I_AM, JOKING, MAKES, NEVER_WANTED, PUNISHED_TO, PUNISHMENT_PLACES, SAYS,
  SCHOOL_ADULTS, SEND_AWAY, YOU_ARE,
} from '../lexicon/structure-emotional'
import { NOT_OR_NEVER } from '../lexicon/words'
import { sameSentence, type Clauses, type Finding } from './clauses'
import { actorOf, atHome } from './people'

export function rejectionAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  // a carer telling the child what they are: "my mum tells me everyday that im a mistake", "dad wishes i was never his"
  if (SAYS.has(w)) {
    const actor = actorOf(tokens, i)
    if (actor.kind !== 'adult' || (!atHome(actor) && !SCHOOL_ADULTS.has(actor.word))) return
    const clause = tokens.slice(i + 1, i + 11).filter((t) => sameSentence(tokens, i, t.index))
    for (let n = 0; n < clause.length; n++) {
      const a = clause[n]!.word
      const b = clause[n + 1]?.word
      // "calls me a freak"
      if (CALLS.has(w) && n === 0 && a === 'me' && clause.slice(1, 4).some((t) => INSULTS.has(t.word))) {
        out.push({ rule: 'a carer says the child is worthless or unwanted', label: 'emotional_abuse', start: Math.min(actor.index, i), end: clause[Math.min(3, clause.length - 1)]!.index + 1 })
        return
      }
      if ((a === 'i' && I_AM.has(b ?? '')) || (a === 'you' && YOU_ARE.has(b ?? ''))) {
        const rest = clause.slice(n + 2, n + 6).map((t) => t.word)
        const insult = rest.findIndex((r) => INSULTS.has(r))
        const never = (NOT_OR_NEVER.has(rest[0] ?? '') && NEVER_WANTED.has(rest[1] ?? '')) || (rest.includes('born') && rest.some((r) => NOT_OR_NEVER.has(r)))
        if ((insult !== -1 && rest.slice(0, insult).every((r) => BEFORE_AN_INSULT.has(r))) || never) {
          if (rest.includes('lol') || c.sentenceAt[i]!.tokens.some((t) => JOKING.has(t.word))) return
          out.push({ rule: 'a carer says the child is worthless or unwanted', label: 'emotional_abuse', start: Math.min(actor.index, i), end: clause[Math.min(n + 3, clause.length - 1)]!.index + 1 })
          return
        }
      }
    }
    return
  }
  // made to sleep, stand or stay somewhere as a punishment: "makes me sleep in the hallway"
  if (MAKES.has(w) && tokens[i + 1]?.word === 'me' && PUNISHED_TO.has(tokens[i + 2]?.word ?? '')) {
    const rest = tokens.slice(i + 3, i + 8).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const where = rest.some((r) => PUNISHMENT_PLACES.has(r)) || rest.some((r, n) => r === 'all' && rest[n + 1] === 'night') || rest.includes('hours')
    const actor = actorOf(tokens, i)
    if (where && actor.kind === 'adult' && atHome(actor)) {
      out.push({ rule: 'made to sleep or stand somewhere as a punishment', label: 'emotional_abuse', start: Math.min(actor.index, i), end: i + 3, carer: true }); return
    }
  }
  // "threatens to send me back", "says she will put me in care", "will kick me out"
  if (!SEND_AWAY.has(w)) return
  if (tokens[i + 1]?.word !== 'me') return
  const after = tokens.slice(i + 2, i + 5).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
  const back = after[0] === 'back' && (after[1] !== 'to' || after[2] === 'care' || after[2] === 'the')
  const intoCare = INTO_CARE.has(after[0] ?? '') && tokens.slice(i + 2, i + 7).some((t) => CARE.has(t.word))
  const away = back || intoCare || after[0] === 'away' || after.includes('care') || (after[0] === 'out' && !after.includes('of'))
  if (!away) return
  const actor = actorOf(tokens, i)
  if (actor.kind !== 'adult' || !atHome(actor)) return
  out.push({ rule: 'a carer threatens to send the child away', label: 'emotional_abuse', start: Math.min(actor.index, i), end: i + 3, carer: true })
}
