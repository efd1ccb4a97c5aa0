export type EntryKind =
  | 'safeguarding' // a disclosure (label: category)
  | 'worry' // a worry in its own right (label: theme)
  | 'topic' // a worry only when a worry word reaches it (label: theme)
  | 'cue' // a worry word: scared, nervous, what if…
  | 'positive' // excitement and enjoyment
  | 'like' // liking or doing something now: love, play, join…
  | 'dislike' // hate, can't stand…
  | 'interest' // label: interest key
  | 'strength' // label: the strength
  | 'figure' // a figure of speech that silences the worry or disclosure it overlaps
  | 'notInterest' // a phrase where an interest word means something else (label: the interest)
  | 'past' // the clause is about the past
  | 'present' // the clause is about now

export interface Entry {
  kind: EntryKind
  pattern: string
  label?: string
  high?: boolean // worry: significant distress on its own
  actual?: boolean // high only when it is happening, not when feared ("they'll push me")
  timeless?: boolean // still counts when told in the past tense
  selfEvident?: boolean // interest: needs no "like" ("football team", "black belt")
  carer?: boolean // safeguarding: the one who does it must not be another child
  strength?: number // cue: base strength (1 ordinary, 3 strong on its own)
  literal?: boolean // never silenced by a figure of speech
  unless?: readonly string[] // safeguarding: benign twins, patterns in the same sentence that cancel the match
}

/** Build entries of one kind and label from a list of patterns. */
export function entries(kind: EntryKind, label: string | undefined, patterns: readonly string[], extra: Partial<Entry> = {}): Entry[] {
  return patterns.map((pattern) => ({ kind, pattern, ...(label === undefined ? {} : { label }), ...extra }))
}

/** The distress families (issue 11): many weak signals of a quietly frightened or unhappy child. */
export const DISTRESS_FAMILIES = [
  'sleep', 'somatic', 'self_worth', 'hiding', 'avoidance', 'hopelessness', 'isolation', 'loss', 'secrecy', 'caregiving',
  'rumination', 'appeasement', 'panic', 'anger', 'tearfulness', 'eating', 'perfectionism',
] as const
export type DistressFamily = (typeof DISTRESS_FAMILIES)[number]

/** A distress cue: a state the child is in, written as patterns over the analyser's tokens. */
export interface FamilyCue {
  family: DistressFamily
  pattern: string
  strength: 1 | 2 | 3 // weak, clear, strong before its context is read
  anySubject?: boolean // the pattern names its own person ("nobody talks to me"); otherwise the child must be the subject
  timeless?: boolean // the past still tells about now ("my dad left")
  unless?: readonly string[] // benign twins: patterns in the same sentence that cancel the cue
}

/** Build the cues of one family and strength from a list of patterns. */
export function familyCues(family: DistressFamily, strength: 1 | 2 | 3, patterns: readonly string[], extra: Partial<FamilyCue> = {}): FamilyCue[] {
  return patterns.map((pattern) => ({ family, pattern, strength, ...extra }))
}
