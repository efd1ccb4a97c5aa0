// Unique Pupil Number check letter (DOMAIN.md, "Unique Pupil Number"). Pure.

const ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ' // 23 letters: no I, O or S

export interface UpnCheck {
  valid: boolean
  /** a temporary UPN ends in a letter instead of the last digit */
  temporary: boolean
  /** the check letter the rest of the UPN calls for, when the shape is right */
  expectedCheckLetter: string | null
  /** why it is not valid, in words a school user can act on */
  problem: string | null
}

const SHAPE = /^[A-Z][0-9]{11}[0-9A-Z]$/

function charValue(c: string): number {
  return c >= '0' && c <= '9' ? Number(c) : ALPHABET.indexOf(c)
}

/** The check letter for characters 2–13 of a UPN: Σ value × position (2..13), mod 23, in the alphabet above. */
export function upnCheckLetter(upn: string): string {
  let sum = 0
  for (let position = 2; position <= 13; position++) sum += charValue(upn[position - 1] ?? '0') * position
  return ALPHABET[sum % 23] ?? '?'
}

export function checkUpn(raw: string): UpnCheck {
  const upn = raw.trim().toUpperCase()
  const no = (problem: string, expected: string | null = null, temporary = false): UpnCheck => ({ valid: false, temporary, expectedCheckLetter: expected, problem })
  if (upn.length !== 13) return no(`a UPN has 13 characters; this has ${upn.length}`)
  if (!SHAPE.test(upn)) return no('a UPN is a letter, 11 digits, then a digit or (for a temporary UPN) a letter')
  const last = upn[12] as string
  const temporary = !(last >= '0' && last <= '9')
  if (temporary && !ALPHABET.includes(last)) return no(`a temporary UPN cannot end in ${last}`, null, true)
  const expected = upnCheckLetter(upn)
  if (upn[0] !== expected) return no(`the check letter should be ${expected}`, expected, temporary)
  return { valid: true, temporary, expectedCheckLetter: expected, problem: null }
}
