// Data files (catalog, units, modifiers, ...) live in ../data beside src/ and
// dist/, so the same relative URL works from compiled and source code.
import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

export function loadData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
    cache.set(name, value);
  }
  return value as T;
}
