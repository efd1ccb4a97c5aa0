// The DfE Common Transfer File (DOMAIN.md, "Common Transfer File"). Read tolerantly — element names
// case-insensitively, both the older and newer shapes — and refuse only what is really broken. Any
// DOCTYPE, entity declaration or external reference is refused before the XML is parsed.
import type { ImportError } from './errors'
import type { AttainmentFields, AttendanceFields, PupilFields } from './rows'
import { decodeText } from './text'
import { checkUpn } from './upn'
import * as v from './values'
import { parseXml } from './xml'

export interface CtfPupil {
  /** position in the file, first pupil = 1 (the `row` of its errors) */
  position: number
  pupil: PupilFields
  attainment: Omit<AttainmentFields, 'row' | 'upn' | 'temporaryUpn' | 'identity'> | null
  attendance: Omit<AttendanceFields, 'row' | 'upn' | 'temporaryUpn' | 'identity'> | null
}

export interface CtfFile {
  sourceSchool: { name: string | null; lea: string | null; estab: string | null }
  pupils: CtfPupil[]
  errors: ImportError[]
}

type Node = Record<string, unknown>

/** The bytes look like XML rather than CSV. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512)).text.replace(/^\uFEFF/, '').trimStart()
  return head.startsWith('<')
}

/** Why this XML must not be parsed at all, or null. */
export function unsafeXml(text: string): string | null {
  if (/<!DOCTYPE/i.test(text)) return 'it contains a DOCTYPE declaration'
  if (/<!ENTITY/i.test(text)) return 'it declares entities'
  if (/<!(?!--|\[CDATA\[)/.test(text)) return 'it contains a markup declaration'
  if (/xinclude|xi:include/i.test(text)) return 'it refers to other files (XInclude)'
  if (/<\?xml-stylesheet/i.test(text)) return 'it refers to a stylesheet'
  return null
}

function list(x: unknown): Node[] {
  if (x === undefined || x === null || x === '') return []
  return (Array.isArray(x) ? x : [x]).filter((n): n is Node => typeof n === 'object' && n !== null)
}

function str(x: unknown): string | undefined {
  if (typeof x === 'string') return x.trim() === '' ? undefined : x.trim()
  if (typeof x === 'number') return String(x)
  return undefined
}

function child(node: Node | undefined, name: string): Node | undefined {
  return list(node?.[name])[0]
}

function firstText(nodes: (Node | undefined)[], ...names: string[]): string | undefined {
  for (const node of nodes) for (const name of names) {
    const value = str(node?.[name])
    if (value !== undefined) return value
  }
  return undefined
}

const ks2Subject = (sa: Node): 'reading' | 'maths' | 'gps' | 'writing' | undefined => {
  const subject = str(sa.subject)?.toUpperCase()
  const component = str(sa.component)?.toUpperCase()
  if (subject === 'MAT') return 'maths'
  if (subject === 'REA' || (subject === 'ENG' && component === 'REA')) return 'reading'
  if (subject === 'GPS' || (subject === 'ENG' && component === 'GPS')) return 'gps'
  if (subject === 'WRI' || (subject === 'ENG' && component === 'WRI')) return 'writing'
  return undefined
}

export function readCtf(bytes: Uint8Array, today: string): CtfFile {
  const sourceSchool = { name: null as string | null, lea: null as string | null, estab: null as string | null }
  const refuse = (message: string): CtfFile => ({ sourceSchool, pupils: [], errors: [{ row: null, field: null, message }] })
  const text = decodeText(bytes).text
  const unsafe = unsafeXml(text)
  if (unsafe) return refuse(`This CTF was refused because ${unsafe}, which a Common Transfer File never needs. Export the CTF again from the primary school's MIS.`)
  const parsed = parseXml(text)
  if (!parsed.ok) return refuse(`This file is not well-formed XML (line ${parsed.line}: ${parsed.message}). Ask the primary school to export the CTF again.`)
  const root = child(parsed.root, 'ctfile')
  if (!root) return refuse('This XML file is not a Common Transfer File (it has no CTfile element).')
  const header = child(root, 'header')
  const source = child(header, 'sourceschool')
  sourceSchool.name = str(source?.schoolname) ?? null
  sourceSchool.lea = str(source?.lea) ?? null
  sourceSchool.estab = str(source?.estab) ?? null

  const pupils: CtfPupil[] = []
  const errors: ImportError[] = []
  const seen = new Map<string, number>()
  list(child(root, 'ctfpupildata')?.pupil).forEach((node, i) => {
    const position = i + 1
    const bd = child(node, 'basicdetails')
    const rawUpn = firstText([node, bd], 'upn')
    const who = rawUpn ? `Pupil ${position} (UPN '${rawUpn}')` : `Pupil ${position}`
    const problems: ImportError[] = []
    const fail = (field: string, value: string | undefined, message: string) =>
      problems.push({ row: position, field, message: value === undefined ? `${who}, ${field} ${message}` : `${who}, ${field} '${value}': ${message}` })
    const attempt = <T>(field: string, value: string | undefined, parse: (s: string) => T): T | undefined => {
      if (value === undefined) return undefined
      try {
        return parse(value)
      } catch (err) {
        if (!(err instanceof v.ValueProblem)) throw err
        fail(field, value, err.message)
        return undefined
      }
    }

    const upnCheck = rawUpn ? checkUpn(rawUpn) : undefined
    if (!rawUpn) fail('UPN', undefined, 'is missing — every pupil in a CTF has a UPN; export the CTF again')
    else if (!upnCheck?.valid) fail('UPN', rawUpn, `${upnCheck?.problem} — check the UPN with the primary school`)
    const upn = rawUpn?.toUpperCase() ?? ''
    const earlier = seen.get(upn)
    if (rawUpn && earlier !== undefined) fail('UPN', rawUpn, `the same pupil is also pupil ${earlier} in this file`)
    if (rawUpn) seen.set(upn, position)

    const surname = firstText([node, bd], 'surname', 'legalsurname')
    const forename = firstText([node, bd], 'forename', 'legalforename')
    if (!surname) fail('Surname', undefined, 'is missing')
    if (!forename) fail('Forename', undefined, 'is missing')
    const rawDob = firstText([node, bd], 'dob')
    if (!rawDob) fail('DOB', undefined, 'is missing')
    const dob = attempt('DOB', rawDob, (s) => v.parseYear7Dob(s, today))
    const sex = attempt('Sex', firstText([node, bd], 'sex', 'gender'), v.parseSex)

    const lookedAfterNode = child(node, 'lookedafter')
    const lookedAfter = attempt('LookedAfter/InCare', str(lookedAfterNode?.incare), v.parseYesNo)

    const senHistory = child(node, 'senhistory')
    const senRecords = list(senHistory?.sen).sort((a, b) => (str(a.startdate) ?? '').localeCompare(str(b.startdate) ?? ''))
    const latestSen = senRecords[senRecords.length - 1]
    const sen = attempt('SENprovision', str(latestSen?.senprovision), v.parseSen)
    const needs = [...list(child(senHistory, 'senneeds')?.senneed), ...senRecords.flatMap((s) => list(child(s, 'senneeds')?.senneed))]
    const primaryNeed = needs.find((n) => str(n.sentyperank) === '1') ?? (needs.length === 1 ? needs[0] : undefined)

    const fsmHistory = child(node, 'fsmhistory')
    const fsmInstances = list(fsmHistory?.fsminstance)
    const fsm = fsmHistory ? fsmInstances.some((f) => str(f.fsmenddate) === undefined) : undefined

    let attendance: CtfPupil['attendance'] = null
    const years = list(child(node, 'attendance')?.yeardata).sort((a, b) => Number(str(a.year) ?? 0) - Number(str(b.year) ?? 0))
    const latest = years[years.length - 1]
    if (latest) {
      const sessions = (name: string, label: string) => attempt(label, str(latest[name]) ?? '0', (s) => v.parseWholeNumber(s, 'a number of sessions'))
      const possible = sessions('sessionspossible', 'SessionsPossible')
      const absent = (sessions('sessionsauthorised', 'SessionsAuthorised') ?? 0) + (sessions('sessionsunauthorised', 'SessionsUnauthorised') ?? 0)
      const year = Number(str(latest.year))
      if (possible !== undefined && absent > possible) {
        fail('Attendance', String(absent), `${absent} sessions absent is more than the ${possible} possible sessions — ask the primary school to check its attendance figures`)
      } else if (possible !== undefined) {
        attendance = { possible, absent, period: Number.isInteger(year) && year > 0 ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : null }
      }
    }

    let attainment: CtfPupil['attainment'] = null
    const ks2 = list(child(node, 'stageassessments')?.keystage).filter((k) => str(k.stage)?.toUpperCase() === 'KS2')
    const assessments = ks2.flatMap((k) => list(k.stageassessment)).sort((a, b) => Number(str(a.year) ?? 0) - Number(str(b.year) ?? 0))
    for (const sa of assessments) {
      const subject = ks2Subject(sa)
      const result = str(sa.result)
      if (!subject || result === undefined) continue
      const method = str(sa.method)?.toUpperCase()
      const isTest = subject !== 'writing'
      // A teacher assessment in a tested subject is not the test result (older CTFs carry both).
      if (isTest && method === 'TA') continue
      const parsed = attempt(`KS2 ${subject}`, result, isTest ? v.parseKs2Test : v.parseKs2Writing)
      if (parsed) attainment = { ...(attainment ?? {}), [subject]: parsed }
    }

    if (problems.length) return void errors.push(...problems)
    pupils.push({
      position,
      pupil: {
        upn,
        temporaryUpn: upnCheck?.temporary ?? false,
        surname: surname as string,
        forename: forename as string,
        dob: dob as string,
        preferredForename: firstText([node, bd], 'preferredforename'),
        sex,
        primarySchool: sourceSchool.name ?? undefined,
        sen,
        senNeed: str(primaryNeed?.sentype),
        fsm,
        lookedAfter
      },
      attainment,
      attendance
    })
  })
  if (!pupils.length && !errors.length) errors.push({ row: null, field: null, message: 'This CTF has no pupils in it (no Pupil elements under CTFpupilData).' })
  return { sourceSchool, pupils, errors }
}
