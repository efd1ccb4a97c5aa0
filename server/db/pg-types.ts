// pg type parsers, set once: dates stay YYYY-MM-DD strings (a date of birth must never shift
// by a day with the server's time zone); counts (int8) and numerics become numbers.
import pg from 'pg'

const DATE = 1082
const INT8 = 20
const NUMERIC = 1700

pg.types.setTypeParser(DATE, (value: string) => value)
pg.types.setTypeParser(INT8, (value: string) => Number(value))
pg.types.setTypeParser(NUMERIC, (value: string) => Number(value))
