// Several files uploaded together (under /s/:urn/imports/sets): one check of the whole set (a dry run
// of `importSet`, in import order), one preview, one confirmation that imports every file or none.
// Called inside importRoutes, so the same lead-only preHandler and multipart parser apply.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SchoolAccess } from '../platform/auth'
import { schoolOf } from '../platform/routes'
import { NotFoundError } from '../platform/errors'
import { afterImport, letterAnalyserForImport } from '../letters/analyse-on-import'
import { importOrder, importSet, NotWaitingError, unreadableFile, type SetFile } from './service'
import * as pending from './pending-store'
import type { UploadedFile } from './upload'
import { setImportedText, setPreviewPageView, toStoredCheck, type StoredCheck } from './view-models'

export function pendingSetRoutes(app: FastifyInstance) {
  const base = (school: SchoolAccess) => `/s/${school.urn}/imports`
  const setIdOf = (request: FastifyRequest) => String((request.params as { id?: unknown }).id ?? '')
  // Another lead's set, an expired one and one already imported look the same: not here.
  const notWaiting = () =>
    new NotFoundError(`That upload is not waiting for you: it was imported or cancelled, or it was more than ${pending.PENDING_MINUTES} minutes old. The import history on the Imports page shows what went in; upload the files again if they are not there.`)

  const options = (request: FastifyRequest, school: SchoolAccess) => ({
    schoolId: school.id, userId: request.user!.id, analyseLetter: letterAnalyserForImport(), afterWrite: afterImport, ip: request.ip
  })

  /** The files arrive in import order, so each result's `index` is its row's position. */
  async function check(request: FastifyRequest, school: SchoolAccess, setId: string, files: readonly SetFile[]) {
    const set = await importSet(app.db, files, { ...options(request, school), dryRun: true })
    await pending.savePendingSetChecks(app.db, school.id, request.user!.id, setId, set.files.map((f) => ({ position: f.index, result: toStoredCheck(f.result) })))
  }

  /** The upload page's handler for several files: refused whole if any cannot be read, else kept and checked. */
  async function uploadSet(request: FastifyRequest, reply: FastifyReply, school: SchoolAccess, uploaded: readonly UploadedFile[], refuse: (messages: string[]) => unknown) {
    const unreadable = uploaded.map((f) => unreadableFile(f.name, f.bytes)).filter((m): m is string => m !== null)
    if (unreadable.length) {
      return refuse([...unreadable, `Nothing from any of the ${uploaded.length} files was uploaded. Fix or leave out ${unreadable.length === 1 ? 'that file' : 'those files'} and upload the set again.`])
    }
    const files = importOrder(uploaded.map((f) => ({ fileName: f.name, content: f.bytes })))
    await pending.deleteExpiredPending(app.db)
    const setId = await pending.createPendingSet(app.db, school.id, request.user!.id, files)
    try {
      await check(request, school, setId, files)
    } catch (err) {
      // a check that fails must not leave the upload behind
      await pending.deletePendingSet(app.db, school.id, request.user!.id, setId)
      throw err
    }
    return reply.redirect(`${base(school)}/sets/${setId}`, 303)
  }

  app.get('/imports/sets/:id', async (request, reply) => {
    const school = schoolOf(request)
    const rows = await pending.findPendingSet(app.db, school.id, request.user!.id, setIdOf(request))
    if (!rows.length) throw notWaiting()
    return reply.page('imports/set-preview.hbs', setPreviewPageView(rows, school.urn, pending.PENDING_MINUTES))
  })

  // The files leave waiting in the set's own transaction: a failure or a crash halfway leaves them waiting.
  app.post('/imports/sets/:id/confirm', async (request, reply) => {
    const school = schoolOf(request)
    const userId = request.user!.id
    const setId = setIdOf(request)
    const rows = await pending.findPendingSet(app.db, school.id, userId, setId)
    if (!rows.length) throw notWaiting()
    const files = rows.map((r) => ({ fileName: r.file_name, content: r.content }))
    let set
    try {
      set = await importSet(app.db, files, { ...options(request, school), claim: (trx) => pending.claimPendingSet(trx, school.id, userId, setId, rows.length) })
    } catch (err) {
      if (err instanceof NotWaitingError) throw notWaiting()
      throw err
    }
    if (!set.imported) {
      await pending.savePendingSetChecks(app.db, school.id, userId, setId, set.files.map((f) => ({ position: f.index, result: toStoredCheck(f.result) })))
      const wasClean = rows.every((r) => (r.result as StoredCheck | null)?.errors.length === 0)
      if (wasClean) request.flash('important', 'Nothing from any of the files was imported: they no longer fit what Lantern holds (another import may have changed the same pupils). The problems are listed below.')
      return reply.redirect(`${base(school)}/sets/${setId}`, 303)
    }
    request.flash('success', setImportedText(set.files.map((f) => f.result)))
    return reply.redirect(base(school), 303)
  })

  app.post('/imports/sets/:id/cancel', async (request, reply) => {
    const school = schoolOf(request)
    const setId = setIdOf(request)
    const removed = await pending.deletePendingSet(app.db, school.id, request.user!.id, setId)
    if (!removed) throw notWaiting()
    await request.audit({ action: 'import_cancelled', subjectType: 'pending_import_set', subjectId: setId, detail: { files: removed } })
    request.flash('success', `Upload cancelled. Nothing from any of the ${removed} files was imported.`)
    return reply.redirect(base(school), 303)
  })

  return { uploadSet }
}
