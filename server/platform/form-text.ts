// Text typed or pasted into a form. PostgreSQL cannot store a NUL character (U+0000) in text and no
// school ever means one, so a field holding one is refused with a message at the form, never passed
// on to fail in the database. Addresses (query strings, route parameters) are checked in security.ts.
import { z } from 'zod'

export const NUL = '\u0000'

/** A form's string field that refuses NUL characters; `what` names the field for the message. */
export function formText(what: string) {
  return z.string().refine((s) => !s.includes(NUL), `${what} contains a character Lantern cannot store (a NUL character, usually pasted in from another program) — retype that part and try again`)
}
