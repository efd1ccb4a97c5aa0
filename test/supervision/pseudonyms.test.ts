// Pseudonyms: one stable random code per pupil per school, unique in the school, never derived from the
// UPN or name, and one code per pupil even when requests race.
import t from 'tap'
import { sql } from 'kysely'
import { isPseudonym, pseudonymsFor, PSEUDONYM_ALPHABET, randomPseudonym } from '../../server/supervision/pseudonyms'
import { setUp } from '../imports/helpers'

async function withPupils(t: Parameters<typeof setUp>[0], n: number) {
  const ctx = await setUp(t)
  const rows = Array.from({ length: n }, (_, i) => ({ school_id: ctx.schoolId, upn: `A80120000${String(i).padStart(4, '0')}`, surname: `Surname${i}`, forename: 'Sam', dob: '2015-01-01' }))
  const pupils = await ctx.db.insertInto('pupils').values(rows).returning('id').execute()
  return { ...ctx, ids: pupils.map((p) => p.id) }
}

t.test('codes look like P-7F3K, from an alphabet without 0, O, 1 or I', async (t) => {
  t.equal(PSEUDONYM_ALPHABET.length, 32)
  t.notMatch(PSEUDONYM_ALPHABET, /[01OI]/)
  const codes = Array.from({ length: 500 }, () => randomPseudonym())
  t.same(codes.filter((c) => !isPseudonym(c) || c.length !== 6), [], '500 codes, each P- and 4 characters')
  t.ok(new Set(codes.map((c) => c.slice(2)).join('')).size > 20, 'drawn from across the alphabet')
  t.match(randomPseudonym(6), /^P-[2-9A-HJ-NP-Z]{6}$/)
  t.notOk(isPseudonym('P-O0I1'))
})

t.test('each pupil gets one code, kept for good, unique in the school', async (t) => {
  const { db, schoolId, ids } = await withPupils(t, 60)
  const first = await pseudonymsFor(db, schoolId, ids)
  t.equal(first.size, 60)
  t.equal(new Set(first.values()).size, 60, 'unique')
  for (const code of first.values()) t.ok(isPseudonym(code))
  const again = await pseudonymsFor(db, schoolId, [ids[3]!, ids[3]!, ids[7]!])
  t.same([...again], [[ids[3], first.get(ids[3]!)], [ids[7], first.get(ids[7]!)]], 'the same codes next time')
  t.equal((await pseudonymsFor(db, schoolId, [])).size, 0)
  await t.rejects(pseudonymsFor(db, schoolId + 1, [ids[0]!]), 'a pupil of another school gets no code there')
})

t.test('random, not a function of the UPN: the same pupils in another database get other codes', async (t) => {
  const a = await withPupils(t, 20)
  const b = await withPupils(t, 20)
  const codesA = [...(await pseudonymsFor(a.db, a.schoolId, a.ids)).values()]
  const codesB = [...(await pseudonymsFor(b.db, b.schoolId, b.ids)).values()]
  const same = codesA.filter((c, i) => c === codesB[i]).length
  t.ok(same <= 1, `${same} of 20 codes alike for the same UPNs`)
  const upns = await a.db.selectFrom('pupils').select('upn').execute()
  for (const code of codesA) t.notOk(upns.some((u) => u.upn.includes(code.slice(2))), 'no code is part of a UPN')
})

t.test('two requests at once: one code per pupil', async (t) => {
  const { db, schoolId, ids } = await withPupils(t, 40)
  const results = await Promise.all([pseudonymsFor(db, schoolId, ids), pseudonymsFor(db, schoolId, [...ids].reverse()), pseudonymsFor(db, schoolId, ids.slice(0, 10))])
  for (const id of ids) t.equal(results[1].get(id), results[0].get(id))
  for (const id of ids.slice(0, 10)) t.equal(results[2].get(id), results[0].get(id))
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pupil_pseudonyms`.execute(db)
  t.equal(rows[0]!.n, 40, 'one row per pupil')
})

t.test('a code another pupil has is drawn again, and longer when clashes repeat', async (t) => {
  const { db, schoolId, ids } = await withPupils(t, 3)
  const taken = (await pseudonymsFor(db, schoolId, [ids[0]!], () => 'P-2222')).get(ids[0]!)
  t.equal(taken, 'P-2222')
  const lengths: number[] = []
  // every 4-character draw clashes with the code already taken; 5 characters are free
  const draw = (length: number) => {
    lengths.push(length)
    return length === 4 ? 'P-2222' : `P-${'3456789'.slice(0, length)}`
  }
  const second = await pseudonymsFor(db, schoolId, [ids[1]!], draw)
  t.equal(second.get(ids[1]!), 'P-34567')
  t.same(lengths, [4, 4, 4, 4, 5], 'four clashes, then one character more')
  await t.rejects(pseudonymsFor(db, schoolId, [ids[2]!], () => 'P-2222'), /could not make unique pseudonyms/, 'a draw that always clashes gives up rather than loops')
  const both = await pseudonymsFor(db, schoolId, [ids[0]!, ids[1]!, ids[2]!], (n) => `P-${'ABCDEFGH'.slice(0, n)}`)
  t.equal(both.get(ids[2]!), 'P-ABCD')
  t.equal(new Set(both.values()).size, 3)
})

t.test('the code is the key, kept in the school: no update path, and the database checks its shape', async (t) => {
  const { db, schoolId, ids } = await withPupils(t, 1)
  await t.rejects(db.insertInto('pupil_pseudonyms').values({ school_id: schoolId, pupil_id: ids[0]!, code: 'KHAN' }).execute(), /check constraint/)
})
