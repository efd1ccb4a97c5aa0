// The screening settings page: each setting with its default and the reason for it (pure), and the
// form's text fields read back into overrides.
import { SCREENING_SETTING_GUIDE, type ScreeningSettings } from './rules'

type Group = keyof ScreeningSettings
const GROUPS: Array<{ group: Group; legend: string; unit: string }> = [
  { group: 'attendance', legend: 'Attendance', unit: '%' },
  { group: 'ks2', legend: 'KS2', unit: '' },
  { group: 'weights', legend: 'Weight of each reason', unit: '' },
  { group: 'levels', legend: 'Level cut-offs (score)', unit: '' }
]

export const fieldId = (group: string, key: string) => `${group}-${key}`

export function fieldsModel(settings: ScreeningSettings, submitted: Record<string, string> | null, errors: Record<string, string>) {
  return GROUPS.map(({ group, legend, unit }) => ({
    legend,
    fields: Object.entries(SCREENING_SETTING_GUIDE[group]).map(([key, guide]) => {
      const id = fieldId(group, key)
      const current = (settings[group] as Record<string, number>)[key]!
      return {
        id,
        name: `${group}.${key}`,
        label: guide.label,
        why: guide.why,
        unit,
        default: guide.default,
        value: submitted ? (submitted[`${group}.${key}`] ?? '') : String(current),
        changed: current !== guide.default,
        error: errors[id]
      }
    })
  }))
}

/** The form's text fields → overrides (only values that differ from the default), or an error per field. */
export function parseSettingsForm(body: Record<string, unknown>) {
  // Only the fields the form shows are read, and only as the body's own keys; the overrides have no
  // prototype, so no posted key can reach one.
  const overrides: Record<string, Record<string, number>> = Object.create(null)
  const errors: Array<{ field: string; message: string }> = []
  for (const { group } of GROUPS) {
    for (const [key, guide] of Object.entries(SCREENING_SETTING_GUIDE[group])) {
      const name = `${group}.${key}`
      const raw = Object.hasOwn(body, name) ? body[name] : undefined
      const text = typeof raw === 'string' ? raw.trim() : ''
      if (text === '') continue // blank keeps the default
      if (!/^-?\d+(\.\d+)?$/.test(text)) {
        errors.push({ field: fieldId(group, key), message: `${guide.label}: enter a number, like ${guide.default}` })
        continue
      }
      const value = Number(text)
      if (value !== guide.default) (overrides[group] ??= Object.create(null) as Record<string, number>)[key] = value
    }
  }
  return { overrides, errors }
}

