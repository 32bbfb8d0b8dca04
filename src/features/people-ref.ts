import type { AppContext } from '../core/app-context.js';
import { UserError } from '../core/errors.js';
import { workspaceOf } from '../core/model/ids.js';
import { personArgText, type PersonArg } from '../core/person-arg.js';
import type { Repositories } from '../core/store/index.js';
import type { PlatformTraits } from '../core/platform-traits.js';

/** Someone named in a command's arguments: their address, a name to show, and whether Attune knows them yet. */
export interface PersonRef {
  id: string;
  name: string;
  known: boolean;
}

type Ctx = Pick<AppContext, 'store' | 'content'>;

/** A name that can be an address where names are addresses: one word, letters, digits and . _ - */
const ADDRESS_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/i;

/**
 * Resolves a person argument within one workspace:
 * - a person the platform identified is that person, if they belong to this workspace;
 * - a typed name matches a known person's name (or the end of their address) in the workspace; where
 *   names are addresses (see PlatformTraits) a new name is a new person there.
 * Throws a UserError saying what to do when nobody, or more than one person, matches.
 */
export async function resolvePersonRef(ctx: Ctx, workspace: string, ref: PersonArg, traits?: PlatformTraits): Promise<PersonRef> {
  if (ref.kind === 'person') {
    if (workspaceOf(ref.id) !== workspace || ref.id.length <= workspace.length + 1) throw new UserError(ctx.content.copy('people.foreignMention', { ref: personArgText(ref) }));
    const known = await ctx.store.people.get(ref.id);
    return { id: ref.id, name: known?.name ?? ref.name ?? personArgText(ref).slice(1), known: Boolean(known) };
  }
  const name = ref.text.trim().replace(/^@/, '');
  if (!name) throw new UserError(ctx.content.copy('people.notFound', { ref: ref.text }));
  const wanted = name.toLowerCase();
  const matches = (await ctx.store.people.list(workspace)).filter((p) => p.name.toLowerCase() === wanted || p.id.slice(workspace.length + 1).toLowerCase() === wanted);
  if (matches.length === 1) return { id: matches[0]!.id, name: matches[0]!.name, known: true };
  if (matches.length > 1) throw new UserError(ctx.content.copy('people.ambiguous', { ref: name, count: matches.length }));
  if (traits?.namesAreAddresses && ADDRESS_NAME.test(name)) return { id: `${workspace}:${wanted}`, name: wanted, known: false };
  throw new UserError(ctx.content.copy('people.notFound', { ref: name }));
}

/** A name to show for a person id: their known name, else the end of their address. */
export async function nameOf(ctx: { store: Pick<Repositories, 'people'> }, personId: string): Promise<string> {
  return (await ctx.store.people.get(personId))?.name ?? personId.slice(personId.lastIndexOf(':') + 1);
}
