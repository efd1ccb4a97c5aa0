export const GUARD_WORDS: ReadonlySet<string> = new Set<string>([])
