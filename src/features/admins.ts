import { canManageAdmins } from '../core/access.js';
import type { CommandContext } from '../core/command.js';
import { UserError } from '../core/errors.js';
import { PersonSchema, type Person } from '../core/model/person.js';
import { resolvePersonRef } from './people-ref.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now'>;

/** The admins of a workspace, longest-standing first. */
export function adminsOf(ctx: Pick<CommandContext, 'store'>, workspace: string): Person[] {
  return ctx.store
    .people(workspace)
    .filter((p) => p.admin)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Makes someone an admin. Someone Attune has not met yet gets a record now (that is all it holds
 * about them until they use it), so the role is waiting for them.
 */
export async function grantAdmin(ctx: Ctx, ref: string): Promise<{ person: Person; changed: boolean }> {
  if (!canManageAdmins(ctx.person)) throw new UserError(ctx.content.copy('admin.notAdmin'));
  const target = resolvePersonRef(ctx, ctx.person.workspace, ref);
  const existing = ctx.store.person(target.id);
  if (existing?.admin) return { person: existing, changed: false };
  const person = existing
    ? { ...existing, admin: true }
    : PersonSchema.parse({ id: target.id, workspace: ctx.person.workspace, name: target.name, createdAt: ctx.now.toISOString(), admin: true });
  return { person: await ctx.store.savePerson(person), changed: true };
}

/** Takes the admin role away; the workspace always keeps at least one admin. */
export async function revokeAdmin(ctx: Ctx, ref: string): Promise<{ person: Person; changed: boolean }> {
  if (!canManageAdmins(ctx.person)) throw new UserError(ctx.content.copy('admin.notAdmin'));
  const target = resolvePersonRef(ctx, ctx.person.workspace, ref);
  const existing = ctx.store.person(target.id);
  if (!existing?.admin) throw new UserError(ctx.content.copy('admin.notAnAdmin', { name: target.name }));
  if (adminsOf(ctx, ctx.person.workspace).length <= 1) throw new UserError(ctx.content.copy('admin.lastAdmin', { name: existing.name }));
  return { person: await ctx.store.savePerson({ ...existing, admin: false }), changed: true };
}
