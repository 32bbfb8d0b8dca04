/**
 * Text as Slack sends it (slash commands and messages, with `should_escape: true`): `&`, `<` and `>`
 * arrive as `&amp;`, `&lt;` and `&gt;`, and everything in angle brackets is Slack's own markup
 * (user and channel mentions, links, `<!here>`). This turns it into what the person typed, except that
 * user mentions stay `<@U123|Their Name>` so the command can tell exactly who was meant.
 */
export async function readIncomingText(raw: string, nameOf: (userId: string) => Promise<string | undefined>): Promise<string> {
  const parts: string[] = [];
  const markup = /<([^<>]*)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = markup.exec(raw))) {
    parts.push(unescapeEntities(raw.slice(last, m.index)));
    parts.push(await readMarkup(m[1]!, nameOf));
    last = m.index + m[0].length;
  }
  parts.push(unescapeEntities(raw.slice(last)));
  return parts.join('');
}

/** Slack's three entities; `&amp;` last, so `&amp;lt;` (a typed "&lt;") stays "&lt;". */
export function unescapeEntities(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const USER = /^@([UW][A-Z0-9]{2,30})(?:\|(.*))?$/;

async function readMarkup(inner: string, nameOf: (userId: string) => Promise<string | undefined>): Promise<string> {
  const user = USER.exec(inner);
  if (user) {
    // A name only helps people read replies; the id decides who it is. Characters that would end
    // the mention early are dropped from it.
    const name = ((await nameOf(user[1]!)) ?? unescapeEntities(user[2] ?? '')).replace(/[<>|]/g, '').trim().slice(0, 80);
    return name ? `<@${user[1]}|${name}>` : `<@${user[1]}>`;
  }
  const [target = '', label] = inner.split('|', 2).map(unescapeEntities);
  if (target.startsWith('#')) return label ? `#${label}` : target; // a channel
  if (/^!(here|channel|everyone)$/.test(target)) return `@${target.slice(1)}`;
  if (target.startsWith('!')) return label ?? target; // a user group ("@name") or a date (its fallback text)
  return label ?? target.replace(/^mailto:/, ''); // a link: what the person typed
}
