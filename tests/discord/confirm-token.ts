import type { Call } from './fake-discord.js';

/** The one-time token of a "yes" confirm button in the replies Discord received (read from the button, as a click would). */
export function confirmTokenIn(calls: Call[]): string {
  const ids = JSON.stringify(calls.map((c) => c.json)).match(/"custom_id":"a\|confirm\|[^|"]+\|confirm\|([^"]+)"/g) ?? [];
  const token = ids.map((id) => id.slice(id.lastIndexOf('|') + 1, -1)).find((t) => t !== 'cancel');
  if (!token) throw new Error('no confirm button in the replies');
  return token;
}
