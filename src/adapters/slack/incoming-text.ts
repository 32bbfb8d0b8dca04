import type { TextPart } from '../../core/invocation.js';

/**
 * Text as Slack sends it (slash commands and messages, with `should_escape: true`): `&`, `<` and `>`
 * arrive as `&amp;`, `&lt;` and `&gt;`, and everything in angle brackets is Slack's own markup
 * (user and channel mentions, links, `<!here>`). This turns it into what the person typed, except that
 * each user mention becomes a person of this workspace (named through users.info), so the core knows
 * exactly who was meant without ever reading Slack's syntax.
 */
export async function readIncomingText(raw: string, teamId: string, nameOf: (userId: string) => Promise<string | undefined>): Promise<TextPart[]> {
  const parts: TextPart[] = [];
  const markup = /<([^<>]*)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = markup.exec(raw))) {
    parts.push(unescapeEntities(raw.slice(last, m.index)));
    parts.push(await readMarkup(m[1]!, teamId, nameOf));
    last = m.index + m[0].length;
  }
  parts.push(unescapeEntities(raw.slice(last)));
  // Neighbouring text joins up, so the parts read as typed.
  return parts.reduce<TextPart[]>((out, p) => {
    const prev = out[out.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else if (p !== '') out.push(p);
    return out;
  }, []);
}

/** Slack's three entities; `&amp;` last, so `&amp;lt;` (a typed "&lt;") stays "&lt;". */
export function unescapeEntities(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const USER = /^@([UW][A-Z0-9]{2,30})(?:\|(.*))?$/;

async function readMarkup(inner: string, teamId: string, nameOf: (userId: string) => Promise<string | undefined>): Promise<TextPart> {
  const user = USER.exec(inner);
  if (user) {
    // A name only helps people read replies; the id decides who it is.
    const name = ((await nameOf(user[1]!)) ?? unescapeEntities(user[2] ?? '')).trim().slice(0, 80);
    return { kind: 'person', id: `slack:${teamId}:${user[1]}`, ...(name ? { name } : {}) };
  }
  const [target = '', label] = inner.split('|', 2).map(unescapeEntities);
  if (target.startsWith('#')) return label ? `#${label}` : target; // a channel
  if (/^!(here|channel|everyone)$/.test(target)) return `@${target.slice(1)}`;
  if (target.startsWith('!')) return label ?? target; // a user group ("@name") or a date (its fallback text)
  return label ?? target.replace(/^mailto:/, ''); // a link: what the person typed
}
