// Neglect: no food, hot water or a bed at home, hungry at night, nobody home till late, left alone, clothes
// that do not fit, a carer who forgets the child or is too drunk to care.
import {
  ABLE_TO, ALL_OR_MOST, ALONE_ORDINARY, ALWAYS, ANYONE, AT_HOME, AT_NIGHT, A_MEAL_MISSED_ONCE, A_OR_OWN, BASIC, BY_OURSELVES, CARE_TASKS,
  CARE_VERBS, CLOTHES_ORDINARY, CLOTHING, COMPANY, EATEN, FORGETS, FOR_DAYS, FOR_LONG, FOR_OR_TO, GO, GOING_WITHOUT_ELSEWHERE, HAVE,
  HOME_TIME, HUNGRY, HUNGRY_FROM_SPORT, ILL_FITTING, LATE, LEAVES, LOOK_AFTER_OR_FEED, MEALS, MY_OR_OUR, NEEDS, NEEDS_OF_ONES_OWN,
  NIGHT_OR_WEEKEND, NOBODY_DOES, NOTHING_TO_EAT_ELSEWHERE, NOT_A_NEED_AFTER, NOT_EATEN_FOR, NOT_HAVE, NO_ONE, OURSELVES,
  OUT_OF_IT, TOO, WASHING, WATER_NEEDED, WITHOUT, WORN_OUT,
  ALL_DAY, ALWAYS_OR_NEVER, ASLEEP_OR_OUT, AWAY_ORDINARY, CANNOT, CUT_OR_TURNED, HEAT, LOOK_AFTER, OFF_OR_OUT, OUTAGE_ORDINARY, SIBLING, SUPPLY,
  WHILE_OUT,
} from '../lexicon/structure-neglect'
import { FIRST_PERSON, HOME_ADULTS, KIN_ADJECTIVES, ME_OR_US } from '../lexicon/structure-people'
import { NOT_OR_NEVER } from '../lexicon/words'
import { sameClause, sameSentence, type Clauses, type Finding } from './clauses'
import { actorOf } from './people'

export function neglectAt(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  const sentence = c.sentenceAt[i]!.tokens
  // "we dont have hot water", "there is never any food", "no heating", "i did not have tea"
  if (HAVE.has(w) || WITHOUT.has(w) || w === 'never') {
    const flatly = WITHOUT.has(w) || w === 'never' // "no food", "never any tea": the negation is the word itself
    const negated = flatly || (i > 0 && NOT_HAVE.has(tokens[i - 1]!.word))
    if (!negated) return
    const from = flatly ? i : i - 1 // the negation is part of the finding
    for (let k = i + 1; k <= i + 4 && k < tokens.length && sameClause(tokens, i, k); k++) {
      const x = tokens[k]!.word
      if (BASIC.has(x)) {
        // "no food in lessons", "no water bottles", "no bed time", "not have breakfast because i am not hungry"
        const after = tokens[k + 1]?.word
        if (NOT_A_NEED_AFTER.has(after ?? '')) return
        // a meal skipped once is not neglect: "no food" / "never any tea" / "not have any dinner", or at home
        if (MEALS.has(x) && !(flatly || tokens[k - 1]!.word === 'any' || sentence.some((t) => AT_HOME.has(t.word)))) return
        if (x === 'water' && !WATER_NEEDED.has(tokens[k - 1]!.word)) return
        if (x === 'clothes' && tokens[k - 1]!.word !== 'clean') return
        if (NEEDS_OF_ONES_OWN.has(x) && !A_OR_OWN.has(tokens[k - 1]!.word)) return
        if (WASHING.has(x)) { if (!tokens.slice(k + 1, k + 4).some((t) => FOR_DAYS.has(t.word))) return }
        if (MEALS.has(x) && sentence.some((t) => A_MEAL_MISSED_ONCE.has(t.word))) return
        if (sentence.some((t) => GOING_WITHOUT_ELSEWHERE.has(t.word))) return
        out.push({ rule: 'no food or basics at home', label: 'neglect', start: from, end: k + 1 })
        return
      }
    }
    return
  }
  // hungry at home or at night: "im always hungry at night", "hungry all weekend"
  if (HUNGRY.has(w)) {
    const near = sentence.filter((t) => Math.abs(t.index - i) <= 5)
    if (sentence.some((t) => HUNGRY_FROM_SPORT.has(t.word))) return
    if (near.some((t) => HOME_TIME.has(t.word) || ALWAYS.has(t.word))) out.push({ rule: 'hungry at home', label: 'neglect', start: i, end: i + 1 })
    return
  }
  // "theres nothing for tea", "nothing to eat at home"
  if (w === 'nothing' && FOR_OR_TO.has(tokens[i + 1]?.word ?? '') && (MEALS.has(tokens[i + 2]?.word ?? '') || tokens[i + 2]?.word === 'eat')) {
    if (!sentence.some((t) => NOTHING_TO_EAT_ELSEWHERE.has(t.word))) {
      out.push({ rule: 'no food or basics at home', label: 'neglect', start: i, end: i + 3 }); return
    }
  }
  // on our own at night: "my brother and me are on our own most nights till really late", "home alone every weekend"
  if ((w === 'own' && MY_OR_OUR.has(tokens[i - 1]?.word ?? '') && tokens[i - 2]?.word === 'on') || w === 'alone') {
    const near = sentence.filter((t) => t.index > i && t.index <= i + 6).map((t) => t.word)
    const night = near.some((x) => AT_NIGHT.has(x)) || near.some((x, n) => ALL_OR_MOST.has(x) && NIGHT_OR_WEEKEND.has(near[n + 1] ?? ''))
    const firstPerson = sentence.some((t) => t.index < i && FIRST_PERSON.has(t.word))
    const ordinary = sentence.some((t) => ALONE_ORDINARY.has(t.word))
    if (night && firstPerson && !ordinary) { out.push({ rule: 'on our own at night', label: 'neglect', start: i, end: i + 1 }); return }
  }
  // clothes that do not fit or are falling apart: "my uniform is too small", "shoes have holes in"
  if (CLOTHING.has(w)) {
    const rest = tokens.slice(i + 1, i + 7).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    const tooSmall = rest.some((r, n) => TOO.has(r) && ILL_FITTING.has(rest[n + 1] ?? ''))
    const worn = rest.some((r) => WORN_OUT.has(r)) || rest.some((r, n) => r === 'falling' && rest[n + 1] === 'apart')
    const ordinary = sentence.some((t) => CLOTHES_ORDINARY.has(t.word))
    if ((tooSmall || worn) && !ordinary) out.push({ rule: 'clothes that do not fit or are worn out', label: 'neglect', start: i, end: i + 1 })
    return
  }
  // left alone at night or for days: "mum goes out and leaves us on our own all night"
  if (LEAVES.has(w) && ME_OR_US.has(tokens[i + 1]?.word ?? '')) {
    const rest = tokens.slice(i + 2, i + 13).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    const alone = rest.some((r) => BY_OURSELVES.has(r)) || (rest.includes('own') && rest.some((r) => MY_OR_OUR.has(r)))
    const long = rest.some((r) => FOR_LONG.has(r))
    if (alone && long) out.push({ rule: 'left alone at night or for days', label: 'neglect', start: i, end: i + 2 })
    return
  }
  // a carer who forgets the child's needs: "mum forgets to buy food", "dad forgets to pick us up"
  if (FORGETS.has(w) && tokens[i + 1]?.word === 'to' && CARE_TASKS.has(tokens[i + 2]?.word ?? '')) {
    const actor = actorOf(tokens, i)
    const need = tokens.slice(i + 3, i + 7).some((t) => NEEDS.has(t.word))
    if (actor.kind === 'adult' && need) { out.push({ rule: 'a carer forgets the child', label: 'neglect', start: actor.index, end: i + 3 }); return }
  }
  // looking after oneself: "i look after myself most days" (not "i can look after myself")
  if (LOOK_AFTER_OR_FEED.has(w) && (tokens[i + 1]?.word === 'after' || w.startsWith('feed'))) {
    const obj = tokens[i + (w.startsWith('feed') ? 1 : 2)]?.word
    const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.word)
    if (OURSELVES.has(obj ?? '') && !before.some((b) => ABLE_TO.has(b))) {
      out.push({ rule: 'looking after oneself', label: 'neglect', start: i, end: i + 3 }); return
    }
  }
  // "nobody is home when i get back till late", "no one cares for us", "nobody feeds me"
  if (w === 'nobody' || (w === 'no' && tokens[i + 1]?.word === 'one') || w === 'nobodys') {
    const s = tokens[i]!.sentence
    for (let k = i + 1; k < tokens.length && k - i <= 10 && tokens[k]!.sentence === s; k++) {
      const x = tokens[k]!.word
      if (NOBODY_DOES.has(x) && k - i <= 4) {
        out.push({ rule: 'nobody looks after me', label: 'neglect', start: i, end: k + 1 }); return
      }
      if (x === 'home' && k - i <= 4) {
        const rest = sentence.filter((t) => t.index > k).map((t) => t.word)
        if (rest.some((r) => LATE.has(r))) { out.push({ rule: 'nobody home till late', label: 'neglect', start: i, end: k + 1 }); return }
      }
    }
  }
}

export function neglectCare({ tokens }: Clauses, i: number, out: Finding[]): void {
  const w = tokens[i]!.word
  const next = tokens[i + 1]?.word
  // "there is never anyone to make my packed lunch", "not anybody to pick me up"
  if ((NOT_OR_NEVER.has(w) && ANYONE.has(next ?? '')) || (w === 'no' && NO_ONE.has(next ?? ''))) {
    const rest = tokens.slice(i + 2, i + 6).filter((t) => sameSentence(tokens, i, t.index)).map((t) => t.word)
    if (rest.some((r) => CARE_VERBS.has(r)) && !rest.some((r) => COMPANY.has(r))) {
      out.push({ rule: 'nobody to look after me', label: 'neglect', start: i, end: i + 2 }); return
    }
  }
  // "so i go without", "we went without"
  if (GO.has(w) && next === 'without' && (tokens[i + 2] === undefined || !sameClause(tokens, i, i + 2) || MEALS.has(tokens[i + 2]!.word))) {
    out.push({ rule: 'going without', label: 'neglect', start: i, end: i + 2 }); return
  }
  // "we havent eaten", "i had not eaten"
  if (EATEN.has(w) && NOT_OR_NEVER.has(tokens[i - 1]?.word ?? '') && (tokens[i + 1] === undefined || !sameClause(tokens, i, i + 1) || NOT_EATEN_FOR.has(next ?? ''))) {
    out.push({ rule: 'going without', label: 'neglect', start: i - 1, end: i + 1 }); return
  }
  // a carer too drunk or out of it to look after the children
  if (w === 'too' && OUT_OF_IT.has(next ?? '') && tokens[i + 2]?.word === 'to') {
    const actor = actorOf(tokens, i)
    if (actor.kind === 'adult' && HOME_ADULTS.has(actor.word)) {
      out.push({ rule: 'a carer too drunk to care', label: 'neglect', start: actor.index, end: i + 3 })
    }
  }
}

/** Left in charge, no heat, a carer never there: "i look after my baby sister by myself till the morning",
 *  "the electric got cut off", "we cant put the heating on", "my mum is asleep all day", "dad is always out". */
export function neglectHome(c: Clauses, i: number, out: Finding[]): void {
  const { tokens } = c
  const w = tokens[i]!.word
  if (!LOOK_AFTER.has(w) && !SUPPLY.has(w) && !CANNOT.has(w) && w !== 'not' && !ASLEEP_OR_OUT.has(w)) return
  const words = c.sentenceAt[i]!.tokens.map((t) => t.word)
  // a younger sibling in my charge, alone, at night or while the carer is out
  if (LOOK_AFTER.has(w) && (tokens[i + 1]?.word === 'after' || !w.startsWith('look'))) {
    let k = i + (w.startsWith('look') ? 2 : 1)
    if (tokens[k]?.word !== 'my' && tokens[k]?.word !== 'our') return
    k++
    while (KIN_ADJECTIVES.has(tokens[k]?.word ?? '')) k++
    if (!SIBLING.has(tokens[k]?.word ?? '') || !sameSentence(tokens, i, k)) return
    const alone = words.some((x, n) => BY_OURSELVES.has(x) || (x === 'own' && MY_OR_OUR.has(words[n - 1] ?? '')))
    if (alone && words.some((x) => WHILE_OUT.has(x))) out.push({ rule: 'left in charge of a younger child', label: 'neglect', start: i, end: k + 1 })
    return
  }
  // the gas or electric cut off, not in a storm or while it is fixed
  if (SUPPLY.has(w)) {
    const rest = tokens.slice(i + 1, i + 5).filter((t) => sameClause(tokens, i, t.index)).map((t) => t.word)
    const cut = rest.some((r, n) => CUT_OR_TURNED.has(r) && OFF_OR_OUT.has(rest[n + 1] ?? ''))
    if (cut && !words.some((x) => OUTAGE_ORDINARY.has(x))) out.push({ rule: 'no heat or light at home', label: 'neglect', start: i, end: i + 1 })
    return
  }
  // "we cant put the heating on", "we cannot afford the electric"
  if (CANNOT.has(w) || (w === 'not' && tokens[i - 1]?.word === 'can')) {
    const rest = tokens.slice(i + 1, i + 5).filter((t) => sameClause(tokens, i, t.index))
    const heat = rest.find((t) => HEAT.has(t.word))
    if (heat && !words.some((x) => OUTAGE_ORDINARY.has(x))) out.push({ rule: 'no heat or light at home', label: 'neglect', start: i, end: heat.index + 1 })
    return
  }
  // a carer asleep, in bed or out all day, or always out and never home
  if (ASLEEP_OR_OUT.has(w)) {
    const actor = actorOf(tokens, i)
    if (actor.kind !== 'adult' || !HOME_ADULTS.has(actor.word) || actor.index < i - 4) return
    const rest = tokens.slice(i + 1, i + 5).filter((t) => sameClause(tokens, i, t.index))
    const allDay = rest.find((r, n) => (r.word === 'all' || r.word === 'most') && ALL_DAY.has(rest[n + 1]?.word ?? ''))
    const always = w === 'out' && tokens.slice(actor.index + 1, i).some((t) => ALWAYS_OR_NEVER.has(t.word)) && words.some((x) => x === 'home' || LATE.has(x))
    if ((allDay || always) && !words.some((x) => AWAY_ORDINARY.has(x))) {
      out.push({ rule: 'a carer out or asleep all day', label: 'neglect', start: actor.index, end: allDay ? allDay.index + 2 : i + 1 })
    }
  }
}
