import { canManageAdmins } from '../core/access.js';
import type { CommandContext } from '../core/command.js';
import { UserError } from '../core/errors.js';
import { PersonSchema, type Person } from '../core/model/person.js';
import type { PersonArg } from '../core/person-arg.js';
import { resolvePersonRef } from './people-ref.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now'> & { actor?: CommandContext['actor'] };

/** The admins of a workspace, longest-standing first. */
export async function adminsOf(ctx: Pick<CommandContext, 'store'>, workspace: string): Promise<Person[]> {
  return (await ctx.store.people.list(workspace))
    .filter((p) => p.admin)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Makes someone an admin. Someone Attune has not met yet gets a record now (that is all it holds
 * about them until they use it), so the role is waiting for them.
 */
export async function grantAdmin(ctx: Ctx, ref: PersonArg): Promise<{ person: Person; changed: boolean }> {
  if (!canManageAdmins(ctx.person)) throw new UserError(ctx.content.copy('admin.notAdmin'));
  const target = await resolvePersonRef(ctx, ctx.person.workspace, ref, ctx.actor?.traits);
  const fresh = PersonSchema.parse({ id: target.id, workspace: ctx.person.workspace, name: target.name, createdAt: ctx.now.toISOString(), admin: true });
  const { record, created } = await ctx.store.people.create(fresh);
  if (created) return { person: record, changed: true };
  if (record.admin) return { person: record, changed: false };
  const person = await ctx.store.people.update(record.id, (p) => ({ ...p, admin: true }));
  return { person: person ?? record, changed: true };
}

/** Takes the admin role away; the workspace always keeps at least one admin. */
export async function revokeAdmin(ctx: Ctx, ref: PersonArg): Promise<{ person: Person; changed: boolean }> {
  if (!canManageAdmins(ctx.person)) throw new UserError(ctx.content.copy('admin.notAdmin'));
  const target = await resolvePersonRef(ctx, ctx.person.workspace, ref, ctx.actor?.traits);
  const copy = ctx.content.copy;
  // Counting admins and removing one in one transaction: two admins revoking each other at once can't leave none.
  const person = await ctx.store.transaction(async (tx) => {
    const existing = await tx.people.get(target.id);
    if (!existing?.admin) throw new UserError(copy('admin.notAnAdmin', { name: target.name }));
    if ((await adminsOf({ store: { ...ctx.store, ...tx } }, ctx.person.workspace)).length <= 1) throw new UserError(copy('admin.lastAdmin', { name: existing.name }));
    return (await tx.people.update(existing.id, (p) => ({ ...p, admin: false })))!;
  });
  return { person, changed: true };
}
