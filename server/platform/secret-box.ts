// Secrets Lantern must read back (a second factor's shared secret) are sealed with AES-256-GCM under a
// key derived by HKDF from the session secret: SESSION_SECRET, or the one generated once in the data
// directory. Every app instance shares that secret already, so each can read what another sealed; a
// changed session secret makes sealed values unreadable (their owners then enrol again).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export interface SecretBox {
  seal(plain: string): string
  /** the plain text, or null when the value was not sealed with this key (or was altered) */
  open(sealed: string): string | null
}

const VERSION = 'v1'

export function secretBox(masterSecret: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', masterSecret, 'lantern secret box', purpose, 32))
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed) {
      const [version, iv, tag, body, ...rest] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || body === undefined || rest.length) return null
      try {
        // a full-length tag only: a truncated one would be easier to forge
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 })
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
      } catch {
        return null
      }
    }
  }
}
