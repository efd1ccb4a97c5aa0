import { sql, type Kysely } from 'kysely'

// Frozen in time: each school's screening settings (only what it changed from the defaults), the
// stored result of screening each pupil (so pages and exports read rather than recompute), the
// history of suggested levels, and the levels staff chose with their reasons (never overwritten).
const LEVELS = sql`('thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('screening_settings')
    .addColumn('school_id', 'integer', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('overrides', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz')
    // when the school's pupils were last screened, and how many imports (committed, rolled back) the
    // screening saw: a different count now means an import has made the results stale
    .addColumn('screened_at', 'timestamptz')
    .addColumn('screened_imports', 'integer')
    .execute()
  await db.schema.createIndex('screening_settings_updated_by_idx').on('screening_settings').column('updated_by').execute()

  const pupilRecord = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
      .addColumn('pupil_id', 'integer', (c) => c.notNull())
      .addForeignKeyConstraint(`${name}_pupil_fk`, ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))

  await pupilRecord('screening_results')
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${LEVELS}`))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('hidden', 'boolean', (c) => c.notNull())
    .addColumn('safeguarding', 'boolean', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('missing', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // also the index on the pupil foreign key
    .addPrimaryKeyConstraint('screening_results_pk', ['school_id', 'pupil_id'])
    .execute()

  // A row each time a pupil's suggested level changes, so the profile can show how the suggestion moved.
  await pupilRecord('level_suggestions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${LEVELS}`))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('suggested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('level_suggestions_pupil_idx').on('level_suggestions').columns(['school_id', 'pupil_id', 'id']).execute()

  // Levels chosen by staff, each with its reason; the latest is the pupil's level. Rows are only ever added.
  await pupilRecord('level_decisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${LEVELS}`))
    .addColumn('suggested_level', 'text', (c) => c.check(sql`suggested_level in ${LEVELS}`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(btrim(reason)) > 0`))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('level_decisions_pupil_idx').on('level_decisions').columns(['school_id', 'pupil_id', 'id']).execute()
  await db.schema.createIndex('level_decisions_decided_by_idx').on('level_decisions').column('decided_by').execute()
  // History is kept, never rewritten; rows go only when their pupil does (cascade, e.g. an import rolled back).
  await sql`
    CREATE FUNCTION level_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'level_decisions is append-only'; END $$`.execute(db)
  await sql`
    CREATE TRIGGER level_decisions_no_change BEFORE UPDATE ON level_decisions
    FOR EACH ROW EXECUTE FUNCTION level_decisions_append_only()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['level_decisions', 'level_suggestions', 'screening_results', 'screening_settings']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`DROP FUNCTION level_decisions_append_only()`.execute(db)
}
