import { sql, type Kysely } from 'kysely'

// Frozen in time: the lead's decision about an opportunity left below its fewest places ("on hold"):
// run it anyway, or cancel it this round (its proposals go and its pupils are allocated elsewhere the
// next time the allocation runs), or think again (the decision is lifted). Every decision is kept; an
// opportunity's latest row is the one that stands.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('opportunity_hold_decisions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('run', 'cancel', 'reopen')`))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('opportunity_hold_decisions_opportunity_fk', ['school_id', 'opportunity_id'], 'opportunities', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  await db.schema.createIndex('opportunity_hold_decisions_opportunity_idx').on('opportunity_hold_decisions').columns(['school_id', 'opportunity_id']).execute()
  await db.schema.createIndex('opportunity_hold_decisions_decided_by_idx').on('opportunity_hold_decisions').column('decided_by').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('opportunity_hold_decisions').execute()
}
