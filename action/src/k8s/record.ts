/**
 * Records keyed by user input (label maps, YAML maps turned into JSON). A plain `{}` has
 * Object.prototype: assigning its `__proto__` key replaces the prototype instead of adding
 * an entry, so a key named `__proto__` would vanish (and `constructor` would seem present
 * in every map). These records have no prototype, and every key is an own property.
 */

/** An empty record without a prototype. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Sets `key` as an own property, whatever its name. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A record without a prototype holding these entries (a later duplicate key wins). */
export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = emptyRecord<T>();
  for (const [key, value] of entries) setEntry(out, key, value);
  return out;
}
