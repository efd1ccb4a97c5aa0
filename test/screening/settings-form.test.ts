// The screening settings form reads only the fields it shows: keys named __proto__, constructor or
// after a setting's inherited names are ignored, never a 500, never a change to any object's prototype.
import t from 'tap'
import { parseSettingsForm } from '../../server/screening/settings-view'
import { auditRows, buildTestApp, createSchool, createUser, signedIn } from '../helper'

// Built from pairs: an object literal's `__proto__:` would set the prototype rather than make a key.
const form = (pairs: [string, string][]) => Object.fromEntries(pairs) as Record<string, string>
const HOSTILE: [string, string][] = [
  ['__proto__', '5'], ['constructor', '5'], ['toString', '5'], ['__proto__.polluted', 'yes'], ['constructor.prototype.polluted', 'yes'],
  ['attendance.__proto__', '12'], ['attendance.constructor', '12'], ['__proto__.persistentAbsencePercent', '12'],
  ['weights.hasOwnProperty', '3'], ['levels.toString', '3']
]

t.test('parseSettingsForm ignores keys that are not settings', async (t) => {
  const { overrides, errors } = parseSettingsForm(form([...HOSTILE, ['attendance.persistentAbsencePercent', '11']]))
  t.same(errors, [])
  t.same(JSON.parse(JSON.stringify(overrides)), { attendance: { persistentAbsencePercent: 11 } })
  t.equal(Object.getPrototypeOf(overrides), null, 'the overrides have no prototype to reach')
  t.equal(({} as Record<string, unknown>).polluted, undefined)
  t.same(parseSettingsForm(form(HOSTILE)), { overrides: Object.create(null), errors: [] })
})

t.test('a settings post with __proto__ keys saves only the real settings', async (t) => {
  const app = await buildTestApp(t)
  const school = await createSchool(app, 'Settings Academy')
  await createUser(app, [{ schoolId: school.id, role: 'lead' }], { email: 'lead@settings.test' })
  const b = await signedIn(app, 'lead@settings.test')
  await b.get(`/s/${school.urn}/screening/settings`)
  const onlyHostile = await b.post(`/s/${school.urn}/screening/settings`, form(HOSTILE))
  t.equal(onlyHostile.statusCode, 303, 'not a 500: nothing to change')
  await b.get(`/s/${school.urn}/screening/settings`)
  const saved = await b.post(`/s/${school.urn}/screening/settings`, form([...HOSTILE, ['attendance.persistentAbsencePercent', '11']]))
  t.equal(saved.statusCode, 303)
  const stored = await app.db.selectFrom('screening_settings').select('overrides').where('school_id', '=', school.id).executeTakeFirstOrThrow()
  t.same(stored.overrides, { attendance: { persistentAbsencePercent: 11 } })
  t.equal((await auditRows(app, 'screening_settings_changed')).length, 2)
  const page = await b.get(`/s/${school.urn}/screening/settings`)
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Default 10% (changed)')

  // The same keys as JSON are refused by the body parser, with a 4xx, not a 500.
  const json = await b.request({
    method: 'POST', url: `/s/${school.urn}/screening/settings`, headers: { 'content-type': 'application/json' },
    payload: `{"_csrf":"${b.csrf}","__proto__":{"polluted":"yes"},"attendance.persistentAbsencePercent":"12"}`
  })
  t.ok(json.statusCode >= 400 && json.statusCode < 500, `JSON with __proto__: ${json.statusCode}`)
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})
