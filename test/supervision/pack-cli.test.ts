// `pack` as acceptance tests drive it: a real process over a real school. With no meeting on the date
// it prints the planning pack of the proposed agenda; the link team's copy names no pupil unless
// --identified, and then only those with consent recorded; --copy school is identified; every print
// is audited and logged as a share; bad arguments exit 2, an unknown school 1.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '../../server/db/connect'
import { rescreenSchool } from '../../server/screening/service'
import { recordConsent, DEFAULT_CONSENT_PURPOSE } from '../../server/supervision/consent'
import { createTestDatabase } from '../db'
import { runCli } from '../cli/run'
import { loadPupils, pupilId } from '../screening/cohort'

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

t.test('pack: planning pack, the link copy pseudonymised, identified only with consent, the school copy named', async (t) => {
  const url = await createTestDatabase(t)
  const db = connect(url)
  t.teardown(() => db.destroy())
  const school = await db.insertInto('schools').values({ urn: '135790', name: 'Birch School' }).returning('id').executeTakeFirstOrThrow()
  await loadPupils(db, school.id, null, [
    { n: 1, surname: 'Pennywhistle', forename: 'Orla', socialCare: 'CP', sen: 'E', sdq: { self: [8, 5, 9, 6, 3, 4] } },
    { n: 2, surname: 'Ravenscroft', forename: 'Idris', attendance: { possible: 1000, absent: 550 } },
    { n: 3, surname: 'Calm', forename: 'Thriving', attendance: { possible: 380, absent: 0 }, ks2: { reading: '110', maths: '110', writing: 'GDS' } }
  ])
  await rescreenSchool(db, school.id)
  const user = await db.insertInto('users').values({ email: 'lead@birch.test', name: 'Lead', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()
  await recordConsent(db, { schoolId: school.id, pupilId: await pupilId(db, school.id, 2), userId: user.id, kind: 'given', givenBy: 'pupil', givenByName: 'Idris', purpose: DEFAULT_CONSENT_PURPOSE, givenOn: '2026-11-01' })
  const dir = mkdtempSync(join(tmpdir(), 'lantern-pack-cli-'))

  const link = await runCli(url, ['pack', '--school', '135790', '--date', '2026-12-08', '--out', join(dir, 'link.pdf')])
  t.equal(link.code, 0, link.stderr)
  const summary = JSON.parse(link.stdout)
  t.match(summary, { copy: 'link', status: 'planning', pupils: 2, identified: 0 })
  const linkText = text(join(dir, 'link.pdf'))
  t.match(linkText, /Planning pack/)
  t.match(linkText, /OFFICIAL-SENSITIVE/)
  for (const name of ['Pennywhistle', 'Ravenscroft', 'Orla', 'Idris']) t.notMatch(linkText, name, `${name} is not in the pseudonymised copy`)
  t.match(linkText, /P-[2-9A-HJ-NP-Z]{4}/)
  t.notMatch(linkText, 'Calm', 'a thriving pupil with nothing new is not on the agenda')

  const named = await runCli(url, ['pack', '--school', '135790', '--date', '2026-12-08', '--out', join(dir, 'named.pdf'), '--identified'])
  t.equal(named.code, 0, named.stderr)
  t.match(JSON.parse(named.stdout), { identified: 1 })
  const namedText = text(join(dir, 'named.pdf'))
  t.match(namedText, 'Idris Ravenscroft', 'the pupil with consent recorded is named')
  t.notMatch(namedText, 'Pennywhistle', 'the pupil without consent is not')

  const own = await runCli(url, ['pack', '--school', '135790', '--date', '2026-12-08', '--out', join(dir, 'school.pdf'), '--copy', 'school'])
  t.equal(own.code, 0, own.stderr)
  t.match(text(join(dir, 'school.pdf')), 'Orla Pennywhistle', 'the school’s own copy is identified')

  const shares = await db.selectFrom('shares').select(['pupil_ids', 'identified_pupil_ids']).orderBy('id').execute()
  t.equal(shares.length, 2, 'each link copy printed is a share; the school’s own copy is not')
  t.same(shares.map((s) => s.identified_pupil_ids.length), [0, 1])
  t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'pack_printed').execute()).length, 3)

  t.equal((await runCli(url, ['pack', '--school', '135790', '--date', 'tomorrow', '--out', join(dir, 'x.pdf')])).code, 2)
  t.equal((await runCli(url, ['pack', '--school', '135790', '--date', '2026-12-08'])).code, 2)
  t.equal((await runCli(url, ['pack', '--school', '135790', '--date', '2026-12-08', '--out', join(dir, 'x.pdf'), '--copy', 'nhs'])).code, 2)
  t.equal((await runCli(url, ['pack', '--school', '999999', '--date', '2026-12-08', '--out', join(dir, 'x.pdf')])).code, 1)
})
