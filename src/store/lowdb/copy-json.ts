/**
 * A deep copy of JSON data (what the store holds: parsed from its files and validated). About ten times
 * faster than structuredClone on the store's records (500 teams: 0.35 ms against 4-5 ms), which matters
 * because every read hands out a copy: no caller may hold a live object of the store.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out as T;
}
