// What a CAMHS link worker may see of a pupil, decided in one place (issue 14, research note §1.5).
// Without consent to share: the pupil's random pseudonym and year group only — no name, form, date of
// birth, UPN or primary school — and the letter as its themes, never its words (golden rule 3: seek
// advice without disclosing identity where possible). With consent recorded: the name the pupil goes
// by, the form, and the letter's marked excerpts. Pure: plain data in, plain data out.
import { pupilName } from '../pupils/names'

export interface LinkPupil {
  forename: string
  surname: string
  preferred_forename: string | null
  form: string | null
  /** the pupil's year group (7 for the transition cohort), or null when not known */
  yearGroup: number | null
}

export interface PupilIdentity {
  /** what every page, export and pack calls the pupil: the name, or the pseudonym */
  label: string
  identified: boolean
  yearGroup: number | null
  /** null when the copy may not show it */
  form: string | null
  /** the letter's marked excerpts (its words) may be shown; otherwise only its themes */
  excerptsAllowed: boolean
}

/** A link worker's view of one pupil: pseudonymised unless consent to share is recorded. */
export function linkPupilIdentity(pupil: LinkPupil, access: { consented: boolean; code: string }): PupilIdentity {
  if (!access.consented) return { label: access.code, identified: false, yearGroup: pupil.yearGroup, form: null, excerptsAllowed: false }
  return { label: pupilName(pupil), identified: true, yearGroup: pupil.yearGroup, form: pupil.form, excerptsAllowed: true }
}

/** School staff always see who the pupil is: the pupil's own school holds the key. */
export function staffPupilIdentity(pupil: LinkPupil): PupilIdentity {
  return { label: pupilName(pupil), identified: true, yearGroup: pupil.yearGroup, form: pupil.form, excerptsAllowed: true }
}

/**
 * The English school year group on a date, from the date of birth: pupils born 1 September to
 * 31 August start Year 7 together in the September after they turn 11. Null outside Years 7–13 (the
 * record is then wrong or the pupil is not at secondary school), so nothing more precise leaks.
 */
export function yearGroupOn(dob: string, onDate: string): number | null {
  const [by, bm] = dob.split('-').map(Number) as [number, number]
  const [y, m] = onDate.split('-').map(Number) as [number, number]
  const cohort = bm >= 9 ? by + 1 : by
  const academicYear = m >= 9 ? y : y - 1
  const year = academicYear - cohort - 4
  return year >= 7 && year <= 13 ? year : null
}

/**
 * Staff write notes, advice and actions in their own words, and a name can slip in ("call Ash's mum").
 * For a link worker's page or the link team's pack, every name of a pupil they may not see by name is
 * replaced with "[name]", whole words only, any case. Names shorter than three letters are left alone.
 */
export function nameRedactor(names: Iterable<string>): (text: string | null) => string | null {
  const words = [...new Set([...names].flatMap((n) => n.split(/[\s-]+/)).map((w) => w.trim()).filter((w) => w.length >= 3))]
  if (words.length === 0) return (text) => text
  const escaped = words.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return (text) => (text === null ? null : text.replace(pattern, '[name]'))
}
