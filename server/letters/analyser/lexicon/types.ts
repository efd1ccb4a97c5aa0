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
}

/** Build entries of one kind and label from a list of patterns. */
export function entries(kind: EntryKind, label: string | undefined, patterns: readonly string[], extra: Partial<Entry> = {}): Entry[] {
  return patterns.map((pattern) => ({ kind, pattern, ...(label === undefined ? {} : { label }), ...extra }))
}
