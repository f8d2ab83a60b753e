/**
 * Lookups by a name that came from outside (a request path, an action, a stored label): only the
 * table's own entries answer, never what every object inherits (`constructor`, `__proto__`,
 * `toString`…). Written with hasOwnProperty rather than Object.hasOwn because the mini-program's
 * older WeChat runtimes lack the latter.
 */
const hasOwn = (table: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(table, key)

export function isOwnKey<T extends object>(table: T, key: unknown): key is keyof T & string {
  return typeof key === 'string' && hasOwn(table, key)
}

/** `table[key]` when key is one of its own entries; undefined otherwise. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return isOwnKey(table, key) ? table[key] : undefined
}
