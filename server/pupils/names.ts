// A pupil's name, in the two forms Lantern shows: one place, so every page says it the same way.

/** For lists and headings, sorted by surname: "Khan, Aisha (Ash)" — the preferred name when it differs. */
export function displayName(p: { surname: string; forename: string; preferred_forename: string | null }): string {
  const known = p.preferred_forename && p.preferred_forename !== p.forename ? ` (${p.preferred_forename})` : ''
  return `${p.surname}, ${p.forename}${known}`
}

/** In a sentence: "Ash Khan" — the name the pupil goes by. */
export function pupilName(p: { forename: string; surname: string; preferred_forename: string | null }) {
  return `${p.preferred_forename || p.forename} ${p.surname}`
}
