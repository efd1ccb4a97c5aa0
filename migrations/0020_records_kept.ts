import { sql, type Kysely } from 'kysely'

// Frozen in time: safeguarding records that nobody can rewrite or remove, and a child's data under the
// school's control.
//
// - A safeguarding alert as raised (safeguarding_alert_records) never changes; what the DSL recorded is
//   a row in safeguarding_alert_outcomes, the latest one standing. `safeguarding_alerts` becomes a view
//   deriving each alert's status and outcome from those rows: reading it is as before, an INSERT into it
//   raises an alert, and an UPDATE that records an outcome appends an outcome row (anything else is
//   refused).
// - Alerts, their outcomes and events, level decisions and the supervision records refuse UPDATE,
//   DELETE and TRUNCATE for every role. The one exception is erasing a pupil: a row may go only when its
//   pupil (or its alert, or its action) is already gone in the same transaction, that transaction has
//   written a pupil_erasures record for the school, and never while the alert is open. Shares and audit
//   rows about an erased pupil are unlinked from it in the same way, and in no other.
// - Pupils may carry the date they left; each school may set how many months after leaving a pupil is
//   erased (no setting: never).
const OUTCOMES = sql`('referral_made', 'already_known', 'not_a_concern')`
const GUARDED = ['safeguarding_alert_records', 'safeguarding_alert_outcomes', 'safeguarding_alert_events', 'level_decisions', 'discussion_entries', 'action_updates', 'agenda_changes', 'consent_events', 'shares'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pupils').addColumn('left_on', 'date').execute()
  await db.schema
    .alterTable('schools')
    .addColumn('retention_months', 'integer', (c) => c.check(sql`retention_months between 1 and 1200`))
    .execute()

  await db.schema
    .createTable('pupil_erasures')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // null when the retention setting erased the pupil
    .addColumn('erased_by', 'integer', (c) => c.references('users.id'))
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(btrim(reason)) > 0`))
    // how many rows went from each table: no name, UPN, date of birth or record number of the child
    .addColumn('removed', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('txid', 'bigint', (c) => c.notNull().defaultTo(sql`txid_current()`))
    .execute()
  await db.schema.createIndex('pupil_erasures_school_idx').on('pupil_erasures').columns(['school_id', 'erased_at']).execute()
  await db.schema.createIndex('pupil_erasures_erased_by_idx').on('pupil_erasures').column('erased_by').execute()
  await db.schema.createIndex('pupil_erasures_txid_idx').on('pupil_erasures').column('txid').execute()

  // The alert as raised, and what was recorded about it, as separate append-only rows.
  await sql`ALTER TABLE safeguarding_alerts RENAME TO safeguarding_alert_records`.execute(db)
  await db.schema
    .createTable('safeguarding_alert_outcomes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('safeguarding_alert_records.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ${OUTCOMES}`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('safeguarding_alert_outcomes_alert_idx').on('safeguarding_alert_outcomes').columns(['alert_id', 'id']).execute()
  await db.schema.createIndex('safeguarding_alert_outcomes_school_idx').on('safeguarding_alert_outcomes').column('school_id').execute()
  await db.schema.createIndex('safeguarding_alert_outcomes_user_idx').on('safeguarding_alert_outcomes').column('user_id').execute()
  await sql`
    INSERT INTO safeguarding_alert_outcomes (school_id, alert_id, outcome, reason, user_id, at)
    SELECT school_id, id, outcome, coalesce(outcome_reason, ''), handled_by, coalesce(handled_at, raised_at)
    FROM safeguarding_alert_records WHERE status = 'handled' AND outcome IS NOT NULL ORDER BY id`.execute(db)
  await db.schema.dropIndex('safeguarding_alerts_school_status_idx').execute()
  await db.schema
    .alterTable('safeguarding_alert_records')
    .dropColumn('status')
    .dropColumn('outcome')
    .dropColumn('outcome_reason')
    .dropColumn('handled_by')
    .dropColumn('handled_at')
    .execute()
  await db.schema.createIndex('safeguarding_alert_records_school_idx').on('safeguarding_alert_records').columns(['school_id', 'raised_at']).execute()

  await sql`
    CREATE VIEW safeguarding_alerts AS
    SELECT r.id, r.school_id, r.pupil_id, r.letter_id, r.categories, r.passages, r.letter_text, r.raised_at,
      CASE WHEN o.id IS NULL THEN 'open' ELSE 'handled' END AS status,
      o.outcome, o.reason AS outcome_reason, o.user_id AS handled_by, o.at AS handled_at
    FROM safeguarding_alert_records r
    LEFT JOIN LATERAL (
      SELECT x.id, x.outcome, x.reason, x.user_id, x.at FROM safeguarding_alert_outcomes x
      WHERE x.alert_id = r.id ORDER BY x.id DESC LIMIT 1
    ) o ON true`.execute(db)
  await sql`
    CREATE FUNCTION safeguarding_alerts_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO safeguarding_alert_records (school_id, pupil_id, letter_id, categories, passages, letter_text, raised_at)
        VALUES (NEW.school_id, NEW.pupil_id, NEW.letter_id, NEW.categories, NEW.passages, NEW.letter_text, coalesce(NEW.raised_at, now()))
        RETURNING id, raised_at INTO NEW.id, NEW.raised_at;
        NEW.status := 'open';
        IF NEW.outcome IS NOT NULL THEN
          INSERT INTO safeguarding_alert_outcomes (school_id, alert_id, outcome, reason, user_id, at)
          VALUES (NEW.school_id, NEW.id, NEW.outcome, coalesce(NEW.outcome_reason, ''), NEW.handled_by, coalesce(NEW.handled_at, now()));
          NEW.status := 'handled';
        END IF;
        RETURN NEW;
      ELSIF TG_OP = 'UPDATE' THEN
        IF (NEW.id, NEW.school_id, NEW.pupil_id, NEW.letter_id, NEW.categories, NEW.passages, NEW.letter_text, NEW.raised_at)
           IS DISTINCT FROM (OLD.id, OLD.school_id, OLD.pupil_id, OLD.letter_id, OLD.categories, OLD.passages, OLD.letter_text, OLD.raised_at) THEN
          RAISE EXCEPTION 'a safeguarding alert is kept as it was raised and cannot be changed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status IS DISTINCT FROM 'handled' OR NEW.outcome IS NULL THEN
          RAISE EXCEPTION 'a safeguarding alert cannot be reopened or lose its outcome; record a new outcome instead' USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO safeguarding_alert_outcomes (school_id, alert_id, outcome, reason, user_id, at)
        VALUES (OLD.school_id, OLD.id, NEW.outcome, coalesce(NEW.outcome_reason, ''), NEW.handled_by, coalesce(NEW.handled_at, now()));
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'safeguarding alerts are never deleted' USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db)
  await sql`
    CREATE TRIGGER safeguarding_alerts_write INSTEAD OF INSERT OR UPDATE OR DELETE ON safeguarding_alerts
    FOR EACH ROW EXECUTE FUNCTION safeguarding_alerts_write()`.execute(db)

  // One guard for every kept record. A DELETE passes only as part of erasing a pupil (see above). It
  // runs as its owner, so that what it looks up (is the pupil gone? is there an erasure record?) is
  // not hidden from it by row-level security on the caller.
  await sql`
    CREATE FUNCTION record_kept() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    DECLARE
      old_row jsonb;
      new_row jsonb;
      parent_gone boolean;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION '% is append-only: it cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END IF;
      old_row := to_jsonb(OLD);
      IF NOT EXISTS (SELECT 1 FROM pupil_erasures e WHERE e.txid = txid_current() AND e.school_id = (old_row->>'school_id')::int) THEN
        RAISE EXCEPTION '% is append-only: its rows cannot be changed or deleted; add a new entry instead', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' THEN
        -- erasing a pupil takes their id out of a share's lists (only ids of pupils now gone), and changes nothing else
        new_row := to_jsonb(NEW);
        IF TG_TABLE_NAME = 'shares'
           AND (new_row - 'pupil_ids' - 'identified_pupil_ids') = (old_row - 'pupil_ids' - 'identified_pupil_ids')
           AND NEW.pupil_ids <@ OLD.pupil_ids AND NEW.identified_pupil_ids <@ OLD.identified_pupil_ids
           AND NOT EXISTS (
             SELECT 1 FROM unnest(OLD.pupil_ids || OLD.identified_pupil_ids) AS gone(id)
             WHERE NOT (gone.id = ANY(NEW.pupil_ids || NEW.identified_pupil_ids)) AND EXISTS (SELECT 1 FROM pupils p WHERE p.id = gone.id)
           ) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: its rows cannot be changed; add a new entry instead', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF old_row ? 'pupil_id' AND old_row->>'pupil_id' IS NOT NULL THEN
        parent_gone := NOT EXISTS (SELECT 1 FROM pupils p WHERE p.id = (old_row->>'pupil_id')::int);
      ELSIF old_row ? 'alert_id' THEN
        parent_gone := NOT EXISTS (SELECT 1 FROM safeguarding_alert_records a WHERE a.id = (old_row->>'alert_id')::int);
      ELSIF old_row ? 'action_id' THEN
        parent_gone := NOT EXISTS (SELECT 1 FROM supervision_actions a WHERE a.id = (old_row->>'action_id')::int);
      ELSE
        parent_gone := false;
      END IF;
      IF NOT parent_gone THEN
        RAISE EXCEPTION '% is append-only: its rows go only when their pupil is erased', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_TABLE_NAME = 'safeguarding_alert_records'
         AND NOT EXISTS (SELECT 1 FROM safeguarding_alert_outcomes o WHERE o.alert_id = OLD.id) THEN
        RAISE EXCEPTION 'a pupil with an open safeguarding alert cannot be erased' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN OLD;
    END $$`.execute(db)
  await sql`DROP TRIGGER level_decisions_no_change ON level_decisions`.execute(db)
  for (const table of ['discussion_entries', 'action_updates', 'consent_events', 'shares', 'agenda_changes']) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_no_change`)} ON ${sql.table(table)}`.execute(db)
  }
  for (const table of [...GUARDED, 'pupil_erasures']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_kept`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION record_kept()`.execute(db)
    await sql`CREATE TRIGGER ${sql.raw(`${table}_kept_whole`)} BEFORE TRUNCATE ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION record_kept()`.execute(db)
  }

  // The audit log stays append-only; the one change allowed is unlinking rows about a pupil being
  // erased in this transaction from that pupil (they then point at the erasure record instead).
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.subject_type = 'pupil' AND NEW.subject_type = 'erased_pupil'
         AND (to_jsonb(NEW) - 'subject_type' - 'subject_id') = (to_jsonb(OLD) - 'subject_type' - 'subject_id')
         AND NOT EXISTS (SELECT 1 FROM pupils p WHERE p.id::text = OLD.subject_id)
         AND EXISTS (SELECT 1 FROM pupil_erasures e WHERE e.txid = txid_current() AND e.id::text = NEW.subject_id AND e.school_id = OLD.school_id) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db)
  for (const table of [...GUARDED, 'pupil_erasures']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_kept`)} ON ${sql.table(table)}`.execute(db)
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_kept_whole`)} ON ${sql.table(table)}`.execute(db)
  }
  await sql`DROP FUNCTION record_kept()`.execute(db)
  await sql`CREATE TRIGGER level_decisions_no_change BEFORE UPDATE ON level_decisions FOR EACH ROW EXECUTE FUNCTION level_decisions_append_only()`.execute(db)
  for (const table of ['discussion_entries', 'action_updates', 'consent_events', 'shares', 'agenda_changes']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION supervision_append_only()`.execute(db)
  }
  await sql`DROP VIEW safeguarding_alerts`.execute(db)
  await sql`DROP FUNCTION safeguarding_alerts_write()`.execute(db)
  await db.schema
    .alterTable('safeguarding_alert_records')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'handled')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ${OUTCOMES}`))
    .addColumn('outcome_reason', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('handled_at', 'timestamptz')
    .execute()
  await sql`
    UPDATE safeguarding_alert_records r SET status = 'handled', outcome = o.outcome, outcome_reason = o.reason, handled_by = o.user_id, handled_at = o.at
    FROM (SELECT DISTINCT ON (alert_id) * FROM safeguarding_alert_outcomes ORDER BY alert_id, id DESC) o WHERE o.alert_id = r.id`.execute(db)
  await db.schema.dropTable('safeguarding_alert_outcomes').execute()
  await db.schema.dropIndex('safeguarding_alert_records_school_idx').execute()
  await sql`ALTER TABLE safeguarding_alert_records RENAME TO safeguarding_alerts`.execute(db)
  await db.schema.createIndex('safeguarding_alerts_school_status_idx').on('safeguarding_alerts').columns(['school_id', 'status']).execute()
  await db.schema.createIndex('safeguarding_alerts_handled_by_idx').on('safeguarding_alerts').column('handled_by').execute()
  await db.schema.dropTable('pupil_erasures').execute()
  await db.schema.alterTable('schools').dropColumn('retention_months').execute()
  await db.schema.alterTable('pupils').dropColumn('left_on').execute()
}
