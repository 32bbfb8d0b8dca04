import type { AppContext } from '../core/app-context.js';
import { UserError } from '../core/errors.js';
import { platformOf } from '../core/model/ids.js';

/** Someone named in a command's arguments: their address, a name to show, and whether Attune knows them yet. */
export interface PersonRef {
  id: string;
  name: string;
  known: boolean;
}

type Ctx = Pick<AppContext, 'store' | 'content'>;

const SLACK_MENTION = /^<@([UW][A-Z0-9]{2,30})(?:\|([^>]{1,80}))?>$/;
const DISCORD_MENTION = /^<@!?(\d{5,25})>$/;
const SHELL_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/i;

/**
 * Resolves how a person was named, on any platform, within one workspace:
 * - Slack mentions `<@U123>` / `<@U123|name>`, only in a Slack workspace;
 * - Discord mentions `<@123>` / `<@!123>`, only in a Discord server;
 * - a plain `name` or `@name`, matching a known person's name (or the end of their address) in the
 *   workspace; in the shell a new name simply means `shell:<name>`.
 * Throws a UserError saying what to do when nobody, or more than one person, matches.
 */
export async function resolvePersonRef(ctx: Ctx, workspace: string, raw: string): Promise<PersonRef> {
  const ref = raw.trim();
  const platform = platformOf(`${workspace}:x`);
  const slack = SLACK_MENTION.exec(ref);
  const discord = DISCORD_MENTION.exec(ref);
  if (slack || discord) {
    const mentionPlatform = slack ? 'slack' : 'discord';
    if (platform !== mentionPlatform) throw new UserError(ctx.content.copy('people.foreignMention', { ref }));
    const id = `${workspace}:${(slack ?? discord)![1]}`;
    const known = await ctx.store.people.get(id);
    return { id, name: known?.name ?? slack?.[2] ?? ref, known: Boolean(known) };
  }
  const name = ref.replace(/^@/, '');
  if (!name || name.startsWith('<')) throw new UserError(ctx.content.copy('people.notFound', { ref }));
  const wanted = name.toLowerCase();
  const matches = (await ctx.store.people.list(workspace)).filter((p) => p.name.toLowerCase() === wanted || p.id.slice(workspace.length + 1).toLowerCase() === wanted);
  if (matches.length === 1) return { id: matches[0]!.id, name: matches[0]!.name, known: true };
  if (matches.length > 1) throw new UserError(ctx.content.copy('people.ambiguous', { ref: name, count: matches.length }));
  if (platform === 'shell' && SHELL_NAME.test(name)) return { id: `shell:${wanted}`, name: wanted, known: false };
  throw new UserError(ctx.content.copy('people.notFound', { ref: name }));
}

/** A name to show for a person id: their known name, else the end of their address. */
export async function nameOf(ctx: Pick<AppContext, 'store'>, personId: string): Promise<string> {
  return (await ctx.store.people.get(personId))?.name ?? personId.slice(personId.lastIndexOf(':') + 1);
}

/**
 * Splits a list of people as typed: mentions stay whole (a Slack mention may hold a name with spaces),
 * "quoted names" keep their spaces, commas and spaces separate the rest.
 */
export function splitPersonRefs(text: string): string[] {
  const out: string[] = [];
  const re = /(<@[^>]+>)|"([^"]*)"|'([^']*)'|([^\s,]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const value = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (value) out.push(value);
  }
  return out;
}
