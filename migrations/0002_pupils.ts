import { sql, type Kysely } from 'kysely'

// Frozen in time: pupils and what is imported about them (KS2, attendance, SDQ, letters to self),
// the school's opportunities, and the imports themselves with enough to undo the latest of a kind.
// Every row belongs to one school. Records about a pupil reference (school_id, pupil_id) together,
// so a row can never point at another school's pupil.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pupils')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('upn', 'text', (c) => c.notNull().check(sql`upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'`))
    .addColumn('temporary_upn', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('forename', 'text', (c) => c.notNull())
    .addColumn('preferred_forename', 'text')
    .addColumn('dob', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('F', 'M', 'U')`))
    .addColumn('form', 'text')
    .addColumn('primary_school', 'text')
    .addColumn('sen', 'char(1)', (c) => c.check(sql`sen in ('N', 'K', 'E')`))
    .addColumn('sen_need', 'text')
    .addColumn('fsm', 'boolean')
    .addColumn('eal', 'boolean')
    .addColumn('looked_after', 'boolean')
    .addColumn('social_care', 'text', (c) => c.check(sql`social_care in ('none', 'CIN', 'CP')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // (school_id, upn) also serves as the index on the school_id foreign key
    .addUniqueConstraint('pupils_school_upn', ['school_id', 'upn'])
    .addUniqueConstraint('pupils_school_id', ['school_id', 'id'])
    .execute()

  const pupilRecord = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
      .addColumn('pupil_id', 'integer', (c) => c.notNull())
      .addForeignKeyConstraint(`${name}_pupil_fk`, ['school_id', 'pupil_id'], 'pupils', ['school_id', 'id'], (fk) => fk.onDelete('cascade'))

  // One KS2 record per pupil: the result as recorded (a scaled score or a code) and the score when numeric.
  await pupilRecord('attainment')
    .addColumn('ks2_reading', 'text')
    .addColumn('ks2_reading_scaled', 'smallint', (c) => c.check(sql`ks2_reading_scaled between 80 and 120`))
    .addColumn('ks2_maths', 'text')
    .addColumn('ks2_maths_scaled', 'smallint', (c) => c.check(sql`ks2_maths_scaled between 80 and 120`))
    .addColumn('ks2_gps', 'text')
    .addColumn('ks2_gps_scaled', 'smallint', (c) => c.check(sql`ks2_gps_scaled between 80 and 120`))
    .addColumn('ks2_writing', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('attainment_school_pupil', ['school_id', 'pupil_id'])
    .execute()

  // The attendance figure screening uses: one per pupil, the latest imported; `period` labels it.
  await pupilRecord('attendance')
    .addColumn('possible', 'integer', (c) => c.notNull().check(sql`possible >= 0`))
    .addColumn('absent', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('attendance_absent_range', sql`absent >= 0 and absent <= possible`)
    .addUniqueConstraint('attendance_school_pupil', ['school_id', 'pupil_id'])
    .execute()

  // Item responses by number only (items[1] is item 1); never the wording.
  await pupilRecord('sdq_administrations')
    .addColumn('informant', 'text', (c) => c.notNull().check(sql`informant in ('self', 'parent', 'teacher')`))
    .addColumn('completed_on', 'date', (c) => c.notNull())
    .addColumn('prescored', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('items', sql`smallint[]`, (c) => c.check(sql`items is null or cardinality(items) = 25`))
    .addColumn('impact_answers', 'jsonb')
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('bands', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sdq_school_pupil_informant_date', ['school_id', 'pupil_id', 'informant', 'completed_on'])
    .execute()

  // The analysis columns are filled by the letter analyser; null until it has read the letter.
  await pupilRecord('letters')
    .addColumn('written_on', 'date')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('concern', 'text', (c) => c.check(sql`concern in ('none', 'some', 'high')`))
    .addColumn('analysis', 'jsonb')
    .addColumn('analyser_version', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A letter is one per pupil and date; an undated letter counts as one date. Serves the FK index too.
  await sql`CREATE UNIQUE INDEX letters_school_pupil_written ON letters (school_id, pupil_id, coalesce(written_on, '-infinity'::date))`.execute(db)

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('interests', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('needs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('lead', 'text')
    .addColumn('schedule', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('opportunities_school_name', ['school_id', 'name'])
    .execute()

  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ctf', 'pupils', 'attainment', 'attendance', 'sdq', 'letters', 'opportunities')`))
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('dry_run', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('committed', 'dry_run', 'rolled_back')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('rolled_back_at', 'timestamptz')
    .addColumn('rolled_back_by', 'integer', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('imports_school_kind_idx').on('imports').columns(['school_id', 'kind', 'id']).execute()
  await db.schema.createIndex('imports_user_idx').on('imports').column('user_id').execute()
  await db.schema.createIndex('imports_rolled_back_by_idx').on('imports').column('rolled_back_by').execute()

  // What an import did to each row: `before` is the row as it was (null when the import created it),
  // so the latest import of a kind can be undone exactly.
  await db.schema
    .createTable('import_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('table_name', 'text', (c) => c.notNull().check(sql`table_name in ('pupils', 'attainment', 'attendance', 'sdq_administrations', 'letters', 'opportunities')`))
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .execute()
  await db.schema.createIndex('import_changes_import_idx').on('import_changes').columns(['import_id', 'table_name']).execute()
  await db.schema.createIndex('import_changes_school_idx').on('import_changes').column('school_id').execute()
  await db.schema.createIndex('import_changes_row_idx').on('import_changes').columns(['table_name', 'row_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['import_changes', 'imports', 'opportunities', 'letters', 'sdq_administrations', 'attendance', 'attainment', 'pupils']) {
    await db.schema.dropTable(table).execute()
  }
}
