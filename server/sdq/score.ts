// SDQ scoring from item responses or pre-scored subscales (DOMAIN.md, "Strengths and Difficulties
// Questionnaire"). Pure: plain data in, plain data out. Items are referred to by number only — Lantern
// never holds the copyrighted wording.

export type Informant = 'self' | 'parent' | 'teacher'
export const INFORMANTS: readonly Informant[] = ['self', 'parent', 'teacher']

/** One response: Not True = 0, Somewhat True = 1, Certainly True = 2, null = not answered. */
export type ItemResponse = 0 | 1 | 2 | null

/** Impact answers as given: Not at all = 0, Only a little = 1, Quite a lot = 2, A great deal = 3. */
export type ImpactAnswer = 0 | 1 | 2 | 3 | null

export interface ImpactResponses {
  /** the "difficulties?" question: false = No, true = Yes, null = not answered */
  difficulties: boolean | null
  distress: ImpactAnswer
  home: ImpactAnswer
  friendships: ImpactAnswer
  classroom: ImpactAnswer
  leisure: ImpactAnswer
}

export interface SdqItemResponses {
  /** items 1–25 in order: items[0] is item 1 */
  items: readonly ItemResponse[]
  impact?: ImpactResponses | null
}

export interface SdqPrescored {
  prescored: {
    emotional: number | null
    conduct: number | null
    hyperactivity: number | null
    peer: number | null
    prosocial: number | null
    impact?: number | null
  }
}

export type SdqInput = SdqItemResponses | SdqPrescored

export const SUBSCALES = ['emotional', 'conduct', 'hyperactivity', 'peer', 'prosocial'] as const
export type Subscale = (typeof SUBSCALES)[number]
export const SCALES = [...SUBSCALES, 'total', 'externalising', 'internalising', 'impact'] as const
export type Scale = (typeof SCALES)[number]

export type SdqScores = Record<Scale, number | null>

/** Item numbers of each subscale (DOMAIN.md). */
export const SUBSCALE_ITEMS: Readonly<Record<Subscale, readonly number[]>> = {
  emotional: [3, 8, 13, 16, 24],
  conduct: [5, 7, 12, 18, 22],
  hyperactivity: [2, 10, 15, 21, 25],
  peer: [6, 11, 14, 19, 23],
  prosocial: [1, 4, 9, 17, 20]
}

export const REVERSE_SCORED_ITEMS: readonly number[] = [7, 11, 14, 21, 25]

/** The impact items each informant's form asks (DOMAIN.md): the teacher form has no home or leisure item. */
export const IMPACT_ITEMS: Readonly<Record<Informant, readonly (keyof Omit<ImpactResponses, 'difficulties'>)[]>> = {
  self: ['distress', 'home', 'friendships', 'classroom', 'leisure'],
  parent: ['distress', 'home', 'friendships', 'classroom', 'leisure'],
  teacher: ['distress', 'friendships', 'classroom']
}

/** Half up, as the SDQ scoring syntax does: floor(x + 0.5), so 2.5 → 3 and 6.67 → 7. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5)
}

function itemScore(items: readonly ItemResponse[], item: number): number | null {
  const response = items[item - 1]
  if (response === null || response === undefined) return null
  return REVERSE_SCORED_ITEMS.includes(item) ? 2 - response : response
}

/** A subscale is scored when at least 3 of its 5 items are answered: mean × 5, rounded half up. */
export function scoreSubscale(items: readonly ItemResponse[], subscale: Subscale): number | null {
  const answered = SUBSCALE_ITEMS[subscale].map((n) => itemScore(items, n)).filter((s): s is number => s !== null)
  if (answered.length < 3) return null
  const mean = answered.reduce((a, b) => a + b, 0) / answered.length
  return roundHalfUp(mean * 5)
}

/**
 * Impact supplement: 0 when the informant says there are no difficulties; otherwise each of the
 * form's impact items scores 0 for "not at all"/"only a little", 1 for "quite a lot", 2 for "a great
 * deal", summed (0–10; teacher 0–6). Missing when nothing relevant was answered.
 */
export function scoreImpact(impact: ImpactResponses | null | undefined, informant: Informant): number | null {
  if (!impact) return null
  if (impact.difficulties === false) return 0
  const answers = IMPACT_ITEMS[informant].map((k) => impact[k]).filter((a): a is 0 | 1 | 2 | 3 => a !== null && a !== undefined)
  if (answers.length === 0) return null
  return answers.reduce((sum: number, a) => sum + (a <= 1 ? 0 : a - 1), 0)
}

function sumOrNull(...parts: (number | null)[]): number | null {
  return parts.some((p) => p === null) ? null : (parts as number[]).reduce((a, b) => a + b, 0)
}

/** Plain object literals, not spreads or Object.fromEntries: this runs for every row of 15,000-row files. */
function derived(sub: Record<Subscale, number | null>, impact: number | null): SdqScores {
  return {
    emotional: sub.emotional,
    conduct: sub.conduct,
    hyperactivity: sub.hyperactivity,
    peer: sub.peer,
    prosocial: sub.prosocial,
    total: sumOrNull(sub.emotional, sub.conduct, sub.hyperactivity, sub.peer),
    externalising: sumOrNull(sub.conduct, sub.hyperactivity),
    internalising: sumOrNull(sub.emotional, sub.peer),
    impact
  }
}

export function isPrescored(input: SdqInput): input is SdqPrescored {
  return 'prescored' in input
}

/** Scores one administration from its 25 item responses (and impact answers), or from pre-scored subscales. */
export function scoreSdq(input: SdqInput, informant: Informant): SdqScores {
  if (isPrescored(input)) {
    const p = input.prescored
    const sub = { emotional: p.emotional, conduct: p.conduct, hyperactivity: p.hyperactivity, peer: p.peer, prosocial: p.prosocial }
    return derived(sub, p.impact ?? null)
  }
  if (input.items.length !== 25) throw new RangeError(`An SDQ has 25 items; got ${input.items.length}`)
  const { items } = input
  const sub = {
    emotional: scoreSubscale(items, 'emotional'), conduct: scoreSubscale(items, 'conduct'), hyperactivity: scoreSubscale(items, 'hyperactivity'),
    peer: scoreSubscale(items, 'peer'), prosocial: scoreSubscale(items, 'prosocial')
  }
  return derived(sub, scoreImpact(input.impact, informant))
}
