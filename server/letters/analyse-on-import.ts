// The one place where imports (web page, command line, demo seed) get the letter analyser.
// Until server/letters/analyser/ exists this returns undefined and letters are stored unread.
// To wire it in:  import { analyseLetter, ANALYSER_VERSION } from './analyser'  and make the body
//   return (text) => ({ ...analyseLetter(text), version: ANALYSER_VERSION })
import type { LetterAnalysis } from '../imports/service'

export type ImportLetterAnalyser = (text: string) => LetterAnalysis | Promise<LetterAnalysis>

export function letterAnalyserForImport(): ImportLetterAnalyser | undefined {
  return undefined
}
