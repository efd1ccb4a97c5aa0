// Uploads through the import page as a browser does: multipart/form-data, the CSRF token in the query.
import type { Browser } from '../helper'

export function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>) {
  const boundary = `----lantern${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    const type = p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : ''
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** GETs the import page (for a fresh CSRF token), then uploads one file, as the form would. */
export async function upload(browser: Browser, urn: string, file: { name: string; content: Buffer }, kind = '') {
  await browser.get(`/s/${urn}/imports`)
  const { payload, contentType } = multipart([{ name: 'kind', value: kind }, { name: 'file', value: file.content, filename: file.name }])
  return browser.request({ method: 'POST', url: `/s/${urn}/imports?_csrf=${encodeURIComponent(browser.csrf ?? '')}`, payload, headers: { 'content-type': contentType } })
}

/** GETs the import page, then uploads several files in one form, as `<input type="file" multiple>` sends them. */
export async function uploadSet(browser: Browser, urn: string, files: Array<{ name: string; content: Buffer }>, kind = '') {
  await browser.get(`/s/${urn}/imports`)
  const { payload, contentType } = multipart([{ name: 'kind', value: kind }, ...files.map((f) => ({ name: 'file', value: f.content, filename: f.name }))])
  return browser.request({ method: 'POST', url: `/s/${urn}/imports?_csrf=${encodeURIComponent(browser.csrf ?? '')}`, payload, headers: { 'content-type': contentType } })
}
