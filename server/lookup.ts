// Tables looked up by text that came from outside — a letter, a file, a form — must answer only for
// their own keys. A plain object literal also answers for what every object inherits ("constructor",
// "__proto__", "toString"…), so a letter saying "constructor" would find a function. A table made
// here has no prototype and is frozen. Pure: no I/O, usable by the pure cores.

/** A frozen, null-prototype copy of `entries`: `table[key]` is undefined for any key not listed. */
export function lookupTable<T>(entries: { readonly [key: string]: T }): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries))
}
