// What a link worker may see of a pupil: the pseudonym and year group without consent; the name, form
// and the letter's words with it. School staff always see the pupil identified. Plain data, no database.
import t from 'tap'
import { linkPupilIdentity, nameRedactor, staffPupilIdentity, yearGroupOn } from '../../server/supervision/link-view'

const pupil = { forename: 'Ashley', surname: 'Khan', preferred_forename: 'Ash', form: '7K', yearGroup: 7, upn: 'A123456789012', dob: '2015-01-01', primary_school: 'Oak Primary' }

t.test('without consent: the pseudonym and year group, nothing that identifies the pupil', async (t) => {
  const seen = linkPupilIdentity(pupil, { consented: false, code: 'P-7F3K' })
  t.same(seen, { label: 'P-7F3K', identified: false, yearGroup: 7, form: null, excerptsAllowed: false })
  const text = JSON.stringify(seen)
  for (const identifier of ['Ash', 'Khan', '7K', pupil.upn, pupil.dob, 'Oak']) t.notMatch(text, identifier, `no ${identifier}`)
})

t.test('with consent: the name the pupil goes by, the form and the marked excerpts', async (t) => {
  t.same(linkPupilIdentity(pupil, { consented: true, code: 'P-7F3K' }), { label: 'Ash Khan', identified: true, yearGroup: 7, form: '7K', excerptsAllowed: true })
  t.equal(linkPupilIdentity({ ...pupil, preferred_forename: null }, { consented: true, code: 'P-7F3K' }).label, 'Ashley Khan')
  t.same(Object.keys(linkPupilIdentity(pupil, { consented: true, code: 'P-7F3K' })).sort(), ['excerptsAllowed', 'form', 'identified', 'label', 'yearGroup'], 'only what the page may use: no UPN or date of birth passed through')
})

t.test('school staff always see the pupil identified', async (t) => {
  t.same(staffPupilIdentity(pupil), { label: 'Ash Khan', identified: true, yearGroup: 7, form: '7K', excerptsAllowed: true })
  t.same(staffPupilIdentity({ ...pupil, form: null, yearGroup: null }), { label: 'Ash Khan', identified: true, yearGroup: null, form: null, excerptsAllowed: true })
})

t.test('year group from the date of birth: born September to August, Year 7 together', async (t) => {
  t.equal(yearGroupOn('2015-01-01', '2026-11-23'), 7)
  t.equal(yearGroupOn('2014-09-01', '2026-11-23'), 7, 'the oldest of the year')
  t.equal(yearGroupOn('2015-08-31', '2026-11-23'), 7, 'the youngest of the year')
  t.equal(yearGroupOn('2014-08-31', '2026-11-23'), 8)
  t.equal(yearGroupOn('2015-01-01', '2027-07-20'), 7, 'until the summer holidays')
  t.equal(yearGroupOn('2015-01-01', '2027-09-01'), 8, 'moved up in September')
  t.equal(yearGroupOn('2016-01-01', '2026-11-23'), null, 'still at primary school')
  t.equal(yearGroupOn('2005-01-01', '2026-11-23'), null, 'past Year 13: the record is wrong')
})

t.test('names in staff’s free text are replaced for the link team: whole words, any case, short names left', async (t) => {
  const r = nameRedactor(['Ash', 'Khan', 'Mary-Jane', 'Al', 'Zoë'])
  t.equal(r('Call ash khan’s mum; Mary-Jane and MARY too'), 'Call [name] [name]’s mum; [name]-[name] and [name] too')
  t.equal(r('Ashley and Khanum are other words'), 'Ashley and Khanum are other words', 'whole words only')
  t.equal(r('Al came with Zoë'), 'Al came with [name]', 'names under three letters are left (too many ordinary words)')
  t.equal(r(null), null)
  t.equal(nameRedactor([])('nothing to hide'), 'nothing to hide')
  t.equal(nameRedactor(['A.J'])('A.J was there, AxJ too'), '[name] was there, AxJ too', 'a name is matched as written, not as a pattern')
})
