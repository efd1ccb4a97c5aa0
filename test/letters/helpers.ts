import { analyseLetter } from '../../server/letters/analyser'

export const concernOf = (text: string) => analyseLetter(text).concern
export const themesOf = (text: string) => [...new Set(analyseLetter(text).worries.map((w) => w.theme))].sort()
export const interestsOf = (text: string) => [...new Set(analyseLetter(text).interests.map((i) => i.interest))].sort()
export const safeguardingOf = (text: string) => [...new Set(analyseLetter(text).safeguarding.map((s) => s.category))].sort()
