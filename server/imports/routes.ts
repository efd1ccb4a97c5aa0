// A lead's import pages (under /s/:urn/imports): upload → check (a dry run) → confirm, the history,
// and rolling back the latest import of a kind. Uploads wait in PostgreSQL, never on this server's disk.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyMultipart from '@fastify/multipart'
import type { SchoolAccess } from '../platform/auth'
import { onlyRoles, schoolOf } from '../platform/routes'
import { NotFoundError } from '../platform/errors'
import { afterImport, letterAnalyserForImport } from '../letters/analyse-on-import'
import { IMPORT_KINDS, type ImportKind } from './columns'
import { NotWaitingError, rollbackImport, runImport, unreadableFile } from './service'
import * as pending from './pending-store'
import { kindChoice, kindForm } from './schemas'
import { MAX_UPLOAD_FILES, multipartLimits, readUpload } from './upload'
import { pendingSetRoutes } from './set-routes'
import { count, fileSize, historyModel, KIND_LABELS, kindOptions, previewPageView, rollbackPageView, toStoredCheck, type StoredCheck } from './view-models'

export interface ImportRoutesOptions {
  uploadLimitBytes: number
}

const DETECT = 'Let Lantern work it out from the file'

export async function importRoutes(app: FastifyInstance, opts: ImportRoutesOptions) {
  app.addHook('preHandler', onlyRoles('lead'))
  const limitText = fileSize(opts.uploadLimitBytes)
  await app.register(fastifyMultipart, { limits: multipartLimits(opts.uploadLimitBytes) })
  const { uploadSet } = pendingSetRoutes(app)

  const base = (school: SchoolAccess) => `/s/${school.urn}/imports`

  // Pages only read: expired uploads are deleted when a new one arrives and when Lantern starts (they are
  // never shown once expired).
  async function importsPage(reply: FastifyReply, school: SchoolAccess, extra: Record<string, unknown> = {}, status = 200) {
    const [history, latest] = await Promise.all([pending.listImportHistory(app.db, school.id), pending.latestCommittedIds(app.db, school.id)])
    return reply.page('imports/index.hbs', {
      title: 'Imports',
      kinds: kindOptions((extra.selectedKind as ImportKind | undefined) ?? null, DETECT),
      limitText,
      maxFiles: MAX_UPLOAD_FILES,
      history: historyModel(history, latest, school.urn),
      ...extra
    }, status)
  }

  async function check(request: FastifyRequest, school: SchoolAccess, row: { id: string; file_name: string; content: Buffer }, kind: ImportKind | null) {
    const result = await runImport(app.db, {
      schoolId: school.id, userId: request.user!.id, fileName: row.file_name, content: row.content, kind: kind ?? undefined,
      dryRun: true, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, ip: request.ip
    })
    await pending.savePendingCheck(app.db, school.id, request.user!.id, row.id, { kind, result: toStoredCheck(result) })
  }

  const pendingId = (request: FastifyRequest) => String((request.params as { id?: unknown }).id ?? '')
  const gone = (request: FastifyRequest, reply: FastifyReply, school: SchoolAccess) => {
    request.flash('important', `That upload is no longer waiting: it was imported or cancelled, or it was more than ${pending.PENDING_MINUTES} minutes old. Upload the file again.`)
    return reply.redirect(base(school), 303)
  }

  app.get('/imports', async (request, reply) => {
    const school = schoolOf(request)
    return importsPage(reply, school)
  })

  app.post('/imports', async (request, reply) => {
    const school = schoolOf(request)
    const problem = (field: string, message: string | string[], status: number, selectedKind?: string) => {
      const messages = typeof message === 'string' ? [message] : message
      return importsPage(reply, school, { errors: messages.map((m) => ({ field, message: m })), fieldError: { [field]: messages.join(' ') }, selectedKind }, status)
    }
    if (!request.isMultipart()) return problem('file', 'Choose a file to upload', 422)

    const upload = await readUpload(app, request, opts.uploadLimitBytes, limitText)
    if (!upload.ok) return problem('file', upload.message, upload.status)
    const { fields, files } = upload
    const kind = kindChoice.safeParse(fields.kind ?? '')
    if (!kind.success) return problem('kind', kind.error.issues[0]!.message, 422)
    if (!files.length) return problem('file', 'Choose a file to upload', 422, kind.data)
    if (files.length > 1) {
      if (kind.data) return problem('kind', 'Lantern works out the kind of each file when you upload several. Choose “Let Lantern work it out from the file”, or upload this file on its own to choose its kind.', 422, kind.data)
      return uploadSet(request, reply, school, files, (messages) => problem('file', messages, 422))
    }
    const file = files[0]!
    const chosen = (kind.data || null) as ImportKind | null
    // An empty file, or one that is not text, is refused here: it is never kept as a pending upload.
    const unreadable = unreadableFile(file.name, file.bytes, chosen)
    if (unreadable) return problem('file', unreadable, 422, kind.data)

    await pending.deleteExpiredPending(app.db)
    const id = await pending.createPending(app.db, school.id, request.user!.id, { fileName: file.name, kind: chosen, content: file.bytes })
    try {
      await check(request, school, { id, file_name: file.name, content: file.bytes }, chosen)
    } catch (err) {
      // a check that fails must not leave the upload behind
      await pending.deletePending(app.db, school.id, request.user!.id, id)
      throw err
    }
    return reply.redirect(`${base(school)}/pending/${id}`, 303)
  })

  app.get('/imports/pending/:id', async (request, reply) => {
    const school = schoolOf(request)
    const row = await pending.findPending(app.db, school.id, request.user!.id, pendingId(request))
    if (!row) return gone(request, reply, school)
    return reply.page('imports/preview.hbs', previewPageView(row, school.urn, pending.PENDING_MINUTES))
  })

  app.post('/imports/pending/:id/kind', async (request, reply) => {
    const school = schoolOf(request)
    const row = await pending.findPending(app.db, school.id, request.user!.id, pendingId(request))
    if (!row) return gone(request, reply, school)
    const parsed = kindForm.safeParse(request.body)
    if (!parsed.success) {
      request.flash('important', parsed.error.issues[0]!.message)
      return reply.redirect(`${base(school)}/pending/${row.id}`, 303)
    }
    await check(request, school, row, parsed.data.kind as ImportKind)
    return reply.redirect(`${base(school)}/pending/${row.id}`, 303)
  })

  // The upload leaves waiting in the import's own transaction: if the import fails or Lantern stops
  // halfway, it is still waiting; two confirmations at once import it once.
  app.post('/imports/pending/:id/confirm', async (request, reply) => {
    const school = schoolOf(request)
    const userId = request.user!.id
    const alreadyGone = () => {
      request.flash('important', 'That upload is no longer waiting: it has already been imported or cancelled, or it expired. The import history below shows what went in.')
      return reply.redirect(base(school), 303)
    }
    const row = await pending.findPending(app.db, school.id, userId, pendingId(request))
    if (!row) return alreadyGone()
    const checked = row.result as StoredCheck | null
    // The kind the lead saw in the preview is the kind that goes in.
    const kind = (checked?.kind ?? row.kind ?? undefined) as ImportKind | undefined
    let result
    try {
      result = await runImport(app.db, {
        schoolId: school.id, userId, fileName: row.file_name, content: row.content, kind,
        analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, ip: request.ip,
        claim: (trx) => pending.claimPending(trx, school.id, userId, row.id)
      })
    } catch (err) {
      if (err instanceof NotWaitingError) return alreadyGone()
      throw err
    }
    if (result.errors.length) {
      await pending.savePendingCheck(app.db, school.id, userId, row.id, { kind: row.kind, result: toStoredCheck(result) })
      if (checked?.errors.length === 0) request.flash('important', 'Nothing was imported: the file no longer fits what Lantern holds (another import may have changed the same pupils). The problems are listed below.')
      return reply.redirect(`${base(school)}/pending/${row.id}`, 303)
    }
    const k = result.kind as ImportKind
    request.flash('success', `Imported '${row.file_name}': ${count(result.rows, k)} (${result.created.toLocaleString('en-GB')} new, ${result.updated.toLocaleString('en-GB')} updated).`)
    return reply.redirect(base(school), 303)
  })

  app.post('/imports/pending/:id/cancel', async (request, reply) => {
    const school = schoolOf(request)
    const id = pendingId(request)
    if (await pending.deletePending(app.db, school.id, request.user!.id, id)) {
      await request.audit({ action: 'import_cancelled', subjectType: 'pending_import', subjectId: id })
    }
    request.flash('success', 'Upload cancelled. Nothing was imported.')
    return reply.redirect(base(school), 303)
  })

  async function rollbackTarget(request: FastifyRequest, school: SchoolAccess) {
    const { kind } = request.params as { kind: string }
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new NotFoundError()
    const latest = await pending.findLatestCommitted(app.db, school.id, kind as ImportKind)
    if (!latest) throw new NotFoundError(`There is no ${KIND_LABELS[kind as ImportKind]} import to roll back for this school.`)
    return latest
  }

  const rollbackPage = (reply: FastifyReply, school: SchoolAccess, target: pending.HistoryRow, extra: Record<string, unknown> = {}, status = 200) =>
    reply.page('imports/rollback.hbs', { ...rollbackPageView(target, school.urn), ...extra }, status)

  app.get('/imports/rollback/:kind', async (request, reply) => {
    const school = schoolOf(request)
    return rollbackPage(reply, school, await rollbackTarget(request, school))
  })

  app.post('/imports/rollback/:kind', async (request, reply) => {
    const school = schoolOf(request)
    const target = await rollbackTarget(request, school)
    const result = await rollbackImport(app.db, { schoolId: school.id, userId: request.user!.id, kind: target.kind, ip: request.ip })
    if (result.errors.length) {
      return rollbackPage(reply, school, target, { errors: result.errors.map((e) => ({ field: 'rollback', message: e.message })) }, 409)
    }
    const n = (x: number) => `${x.toLocaleString('en-GB')} record${x === 1 ? '' : 's'}`
    request.flash('success', `Rolled back '${target.file_name}': removed the ${n(result.deleted)} it added and put back the ${n(result.restored)} it changed.`)
    return reply.redirect(base(school), 303)
  })
}
