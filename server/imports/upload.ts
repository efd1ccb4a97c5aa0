// Reading the import page's upload: one file or several, their total held to the upload limit, and
// a message for the lead when the upload cannot be taken. Nothing here keeps or writes anything.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { displayFileName } from './schemas'

/** The most files one upload may carry. */
export const MAX_UPLOAD_FILES = 20

export interface UploadedFile {
  name: string
  bytes: Buffer
}

export type Upload =
  | { ok: true; fields: Record<string, string>; files: UploadedFile[] }
  | { ok: false; status: 413 | 422; message: string }

/** The multipart plugin's options for the import page: the limit per file is the limit for the whole upload. */
export function multipartLimits(limitBytes: number) {
  return { fileSize: limitBytes, files: MAX_UPLOAD_FILES, fields: 4, fieldSize: 1024, parts: MAX_UPLOAD_FILES + 4 }
}

/**
 * The upload's fields and files (a file input left empty sends a part with no name: skipped). Refused
 * whole, before anything is kept, when a file or all of them together pass the limit, or there are
 * too many files or fields.
 */
export async function readUpload(app: FastifyInstance, request: FastifyRequest, limitBytes: number, limitText: string): Promise<Upload> {
  const fields: Record<string, string> = {}
  const files: UploadedFile[] = []
  let total = 0
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer()
        if (part.fieldname !== 'file' || !part.filename) continue
        total += bytes.length
        // past the limit the rest of the request is still read (and dropped), one file at a time
        if (total > limitBytes) files.length = 0
        else files.push({ name: displayFileName(part.filename), bytes })
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value
    }
  } catch (err) {
    if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
      return { ok: false, status: 413, message: `The file is larger than ${limitText}, the most Lantern accepts. Nothing was uploaded. Split it into smaller files (for example one per form group or primary school), or ask your administrator to raise LANTERN_UPLOAD_LIMIT_MB.` }
    }
    if (err instanceof app.multipartErrors.FilesLimitError || err instanceof app.multipartErrors.PartsLimitError || err instanceof app.multipartErrors.FieldsLimitError) {
      return { ok: false, status: 422, message: `Upload at most ${MAX_UPLOAD_FILES} files at once. Nothing was uploaded. Upload the CTFs first, then the files about their pupils.` }
    }
    throw err
  }
  if (total > limitBytes) {
    return { ok: false, status: 413, message: `The files together are larger than ${limitText}, the most Lantern accepts in one upload. Nothing was uploaded. Upload them in smaller groups (the CTFs first, then the files about their pupils), or ask your administrator to raise LANTERN_UPLOAD_LIMIT_MB.` }
  }
  return { ok: true, fields, files }
}
