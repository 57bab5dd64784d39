/*
 * The trust index keeps every trust-relevant record in memory (DESIGN §7: the api under 400 MB
 * with 100k organisations and 200k certificates), so records are compact: times are epoch
 * milliseconds (a number costs 16 bytes, a Date about 100), an empty list is one frozen list, and
 * what many records carry alike (kinds, countries, decisions, statuses, stock reasons and titles,
 * a CA's name, a chain's validity) is kept once. The readers of the registry's and of
 * trust's own tables share these.
 */

/** Milliseconds since 1970-01-01T00:00:00Z, as `Date.getTime()` gives them. */
export type EpochMs = number;

export const NONE: readonly never[] = Object.freeze([]);

/**
 * `values` in a list of exactly their length (a list parsed by pg has room to grow), or the shared
 * `NONE` when there are none: no record carries its own empty list.
 */
export function compactList<T>(values: readonly T[] | null | undefined): readonly T[] {
  return values && values.length > 0 ? values.slice() : NONE;
}

/**
 * One copy of each value met, by a key: later records get the copy kept. Bounded, so that values
 * that never repeat (names, identifiers) are not hoarded once it is full: those are then simply
 * not shared.
 */
export class SharedValues<V> {
  private readonly byKey = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, make: () => V): V {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const value = make();
    if (this.byKey.size < this.limit) this.byKey.set(key, value);
    return value;
  }
}

const sharedStrings = new SharedValues<string>(50_000);

/** The copy kept of a string many records carry alike. */
export function shared<S extends string>(value: S): S {
  return sharedStrings.get(value, () => value) as S;
}
