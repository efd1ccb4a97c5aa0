// One import problem, as the contract prints it: {row, field, message}. `row` is the spreadsheet row
// number (header = 1) for CSV files and the pupil's position in the file (first pupil = 1) for a CTF;
// `field` is Lantern's column name (or the CTF element), null for a problem with the whole file.
export interface ImportError {
  row: number | null
  field: string | null
  message: string
}
