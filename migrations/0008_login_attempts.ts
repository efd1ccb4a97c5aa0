import { sql, type Kysely } from 'kysely'

// Frozen in time: every checked sign-in attempt, so that the throttle counts under a lock before a
// password is verified. An attempt is 'pending' while its password is checked and counts as a failure
// until it succeeds, so parallel guesses cannot all slip under the limit.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('pending').check(sql`outcome in ('pending', 'failed', 'ok')`))
    .execute()
  await db.schema.createIndex('login_attempts_email_idx').on('login_attempts').columns(['email', 'at']).execute()
  await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute()
  await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').execute()
}
