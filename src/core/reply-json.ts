import type { Reply } from './reply.js';

/** Replies as JSON: images and files carry bytes, kept as base64 so a stored reply comes back byte for byte. */
export function replyToJson(reply: Reply): string {
  return JSON.stringify(reply, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value));
}

export function replyFromJson(value: unknown): Reply {
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive);
    if (v && typeof v === 'object') {
      const bytes = (v as { $bytes?: unknown }).$bytes;
      if (typeof bytes === 'string' && Object.keys(v).length === 1) return new Uint8Array(Buffer.from(bytes, 'base64'));
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
    }
    return v;
  };
  return revive(value) as Reply;
}
