// The one place where imports (web page, command line, demo seed) get the letter analyser.
import type { LetterAnalysis } from '../imports/service'
import { analyseLetter, ANALYSER_VERSION } from './analyser'

export type ImportLetterAnalyser = (text: string) => LetterAnalysis | Promise<LetterAnalysis>

export function letterAnalyserForImport(): ImportLetterAnalyser {
  return (text) => ({ ...analyseLetter(text), version: ANALYSER_VERSION })
}
