// Chart markup for templates. Charts come from charts.ts, which escapes every text it draws, so their SVG
// is marked safe here, in code, and templates print it with ordinary double braces (never triple-stash).
import handlebars from 'handlebars'

export type ChartMarkup = handlebars.SafeString

export function chartMarkup(svg: string): ChartMarkup {
  return new handlebars.SafeString(svg)
}
