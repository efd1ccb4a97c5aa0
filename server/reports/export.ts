// The screen as files: CSV through the formula-neutralising writer, JSON as the contract's rows.
import { toCsv, type CsvOptions } from './csv'
import { SCREEN_CSV_COLUMNS, screenCsvRecord, type ScreenRow } from '../screening/screen-rows'

export function screenCsv(rows: readonly ScreenRow[], options: CsvOptions = {}): string {
  return toCsv(SCREEN_CSV_COLUMNS, rows.map(screenCsvRecord), options)
}
