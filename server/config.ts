// Lantern's environment, validated once. A bad or missing value stops start-up with a message naming it.
import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

const port = z.coerce.number().int().min(1).max(65535)

/**
 * Which proxies in front of Lantern may say who the client is (X-Forwarded-For). Never "every hop":
 * the left-most addresses are whatever the client wrote. `true` trusts the one proxy directly in
 * front; a number trusts that many hops; a list of addresses or CIDR ranges trusts exactly those.
 */
export type TrustProxy = false | number | string[]

const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    const lower = v.toLowerCase()
    if (['false', 'no', '0'].includes(lower)) return false
    if (['true', 'yes'].includes(lower)) return 1
    if (/^\d+$/.test(v)) {
      const hops = Number(v)
      if (hops <= 10) return hops
    }
    const entries = v.split(',').map((e) => e.trim()).filter(Boolean)
    const bad = entries.filter((e) => {
      const [address = '', bits, ...rest] = e.split('/')
      const family = isIP(address)
      if (!family || rest.length) return true
      if (bits === undefined) return false
      return !/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128)
    })
    if (entries.length && !bad.length) return entries
    ctx.addIssue({
      code: 'custom',
      message: `must be false, true (one proxy), a number of proxy hops up to 10, or a comma-separated list of the proxies' addresses or CIDR ranges${bad.length ? ` (not an address: ${bad.join(', ')})` : ''}`
    })
    return z.NEVER
  })

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v))

const envSchema = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// connection URL' }).optional(),
    /** the role requests run as, under row-level security; by default Lantern makes it from DATABASE_URL's owner */
    LANTERN_APP_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// connection URL' }).optional(),
    LANTERN_DATA_DIR: z.string().min(1).default('./.lantern'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** minutes of inactivity after which a session ends */
    LANTERN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** trust X-Forwarded-* from a TLS-terminating proxy in front of Lantern */
    LANTERN_TRUST_PROXY: trustProxy.default(false),
    /** largest upload accepted, in megabytes */
    LANTERN_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(200).default(20),
    LANTERN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
    /** seed the demo school on an empty database at start-up (embedded mode only by default) */
    LANTERN_SEED_DEMO: flag.optional()
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL is set (at least 32 random characters, the same on every app instance)'
      })
    }
  })

export type Env = z.infer<typeof envSchema>

export interface Config {
  databaseUrl: string | undefined
  /** requests' connection (server/db/scope.ts); unset: Lantern's own app role beside the owner of databaseUrl */
  appDatabaseUrl: string | undefined
  dataDir: string
  port: number
  host: string
  sessionSecret: string | undefined
  sessionIdleMinutes: number
  trustProxy: TrustProxy
  uploadLimitBytes: number
  logLevel: Env['LANTERN_LOG_LEVEL']
  seedDemo: boolean
  /** sign-in throttle (defaults in server/accounts/service.ts; tests lower them) */
  loginLimits?: { windowMinutes: number; perAccountAddress: number; perAccount: number; perAddress: number }
  /** the second step's throttle (defaults in server/accounts/second-factor.ts; tests lower them) */
  secondFactorLimits?: { windowMinutes: number; perAccountAddress: number; perAccount: number; perAddress: number }
  /** compiled template cache; off only in tests that edit templates */
  viewCache: boolean
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(blankAsUnset)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`)
    throw new ConfigError(`Lantern cannot start: the environment is not valid.\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.LANTERN_APP_DATABASE_URL,
    dataDir: resolve(e.LANTERN_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMinutes: e.LANTERN_SESSION_IDLE_MINUTES,
    trustProxy: e.LANTERN_TRUST_PROXY,
    uploadLimitBytes: e.LANTERN_UPLOAD_LIMIT_MB * 1024 * 1024,
    logLevel: e.LANTERN_LOG_LEVEL,
    seedDemo: e.LANTERN_SEED_DEMO ?? !e.DATABASE_URL,
    viewCache: true
  }
}
