// Single words the context rules read.
export const NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nothing', 'nobody', 'none', 'neither', 'nor', 'hardly'])
// The two negators that deny a state in the structural rules: "not waking up", "never been born".
export const NOT_OR_NEVER: ReadonlySet<string> = new Set(['not', 'never'])
export const INTENSIFIERS: ReadonlySet<string> = new Set(['really', 'very', 'so', 'super', 'extremely', 'well', 'proper', 'totally', 'seriously', 'massively', 'incredibly', 'absolutely'])
export const MITIGATORS: ReadonlySet<string> = new Set(['bit', 'little', 'slightly', 'kind', 'kinda', 'sort', 'sorta', 'abit', 'tiny', 'quite', 'mostly', 'probably', 'maybe'])
export const PERSISTENCE = ['all the time', 'every night', 'every day', 'every morning', 'all day', 'constantly', 'can not stop'] as const
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'might', 'could', 'may', 'going', 'scared', 'worried', 'afraid', 'if', 'think', 'hope'])
export const PAST_VERBS: ReadonlySet<string> = new Set(['was', 'were', 'felt'])
export const PRONOUN_AGENTS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'someone', 'somebody', 'friend'])
export const SIBLINGS: ReadonlySet<string> = new Set(['brother', 'sister', 'cousin', 'stepbrother', 'stepsister', 'friend'])
export const LAUGHTER: ReadonlySet<string> = new Set(['lol'])

export const FUNCTION_WORDS: readonly string[] = [
  ...NEGATORS, ...INTENSIFIERS, ...MITIGATORS, ...MODALS, ...PAST_VERBS, 'i', 'me', 'my', 'myself', 'am', 'is', 'are', 'do',
  'does', 'did', 'have', 'has', 'had', 'to', 'the', 'a', 'an', 'and', 'but', 'because', 'although', 'though', 'however',
  'now', 'still', 'anymore', 'again', 'all', 'every', 'night', 'day', 'time', 'morning', 'can', 'stop', 'lol', 'honestly',
  'please', 'really', 'dear', 'future', 'from', 'love', 'school', 'secondary', 'year', 'about', 'what', 'with', 'there', 'their',
  'when', 'where', 'who', 'why', 'how', 'that', 'this', 'it', 'you', 'your', 'we', 'they', 'them', 'then', 'than', 'sometimes',
  'always', 'everyone', 'anyone', 'someone', 'something', 'anything', 'everything', 'really', 'friends', 'people', 'things',
  'want', 'going', 'know', 'think', 'feel', 'said', 'says', 'tell', 'told', 'because', 'before', 'after', 'forever', 'other',
]
