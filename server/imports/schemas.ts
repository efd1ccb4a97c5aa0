// The import pages' form inputs, checked with zod.
import { basename } from 'node:path'
import { z } from 'zod'
import { IMPORT_KINDS } from './columns'

/** The kind a lead chose; blank means "let Lantern detect it". */
export const kindChoice = z.union([z.literal(''), z.enum(IMPORT_KINDS as [string, ...string[]])], { error: 'Choose what kind of file this is from the list' })

export const kindForm = z.object({ kind: z.enum(IMPORT_KINDS as [string, ...string[]], { error: 'Choose what kind of file this is from the list' }) })

/**
 * The name a browser gave the file, for display and the history only (never a path): the last
 * part of any path, control characters removed, at most 200 characters.
 */
export function displayFileName(name: string): string {
  const last = basename(name.replace(/\\/g, '/'))
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200)
  return clean || 'upload'
}
