import { expect, it } from 'vitest';
import { DocumentCache } from '../../src/store/lowdb/document-cache.js';
import type { DurableJsonFile } from '../../src/store/lowdb/durable-json-file.js';
import { JsonDocument } from '../../src/store/lowdb/json-document.js';

interface Doc {
  items: string[];
}

function loader(itemsPerDoc: (key: string) => number) {
  let loads = 0;
  const load = async (key: string) => {
    loads++;
    const adapter = { read: async () => ({ items: Array.from({ length: itemsPerDoc(key) }, (_, i) => `${key}-${i}`) }), write: async () => undefined };
    return JsonDocument.open<Doc>(adapter as unknown as DurableJsonFile<Doc>, () => ({ items: [] }));
  };
  return { load, loads: () => loads };
}

it('given documents of very different sizes, keeps memory under its byte bound rather than a count', async () => {
  const { load } = loader((key) => (key.startsWith('big') ? 1000 : 10));
  const cache = new DocumentCache<Doc>({ maxEntries: 10_000, maxBytes: 50_000, sizeOf: (d) => (d as Doc).items.length * 100 }, load);
  for (let i = 0; i < 200; i++) {
    await cache.get(`big${i}`);
    expect(cache.heldBytes).toBeLessThanOrEqual(100_000);
  }
  expect(cache.size).toBeLessThanOrEqual(1);
  for (let i = 0; i < 200; i++) await cache.get(`small${i}`);
  expect(cache.heldBytes).toBeLessThanOrEqual(50_000);
  expect(cache.size).toBe(50);
});

it('keeps the most recently used documents and reloads an evicted one from disk', async () => {
  const { load, loads } = loader(() => 10);
  const cache = new DocumentCache<Doc>({ maxEntries: 100, maxBytes: 3000, sizeOf: (d) => (d as Doc).items.length * 100 }, load);
  await cache.get('a');
  await cache.get('b');
  await cache.get('a');
  await cache.get('c');
  await cache.get('d');
  expect(loads()).toBe(4);
  await cache.get('a');
  expect(loads()).toBe(4);
  await cache.get('b');
  expect(loads()).toBe(5);
});
