// Form helpers every domain's routes share.
import type { z } from 'zod'

/** zod issues → one message per field, for the error summary and the fields themselves. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  const seen = new Set<string>()
  return error.issues
    .map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }))
    .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)))
}
