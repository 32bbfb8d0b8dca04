import type { CommandContext } from '../core/command.js';
import type { PersonalData } from '../core/store/index.js';

type Ctx = Pick<CommandContext, 'store' | 'person' | 'now' | 'log' | 'files'>;

/** Everything of the asking person, and only theirs. */
export async function exportPersonalData(ctx: Ctx): Promise<PersonalData & { exportedAt: string }> {
  const data = await ctx.store.privacy.exportPerson(ctx.person.id);
  if (!data) throw new Error(`No data for ${ctx.person.id}`);
  return { exportedAt: ctx.now.toISOString(), ...data };
}

/**
 * Erases the person. If they were the workspace's last admin, the longest-standing remaining person
 * becomes admin so the workspace can still be managed.
 */
export async function erasePersonalData(ctx: Ctx): Promise<{ reflections: number; checkins: number; newAdmin?: string }> {
  const before = await ctx.store.privacy.exportPerson(ctx.person.id);
  await ctx.store.privacy.erasePerson(ctx.person.id);
  // Erase means everything: earlier exports and charts saved for them go too.
  await ctx.files.erase(ctx.person.id);
  ctx.log.info({ event: 'privacy.erase' }, 'a person erased their data');
  const counts = { reflections: before?.reflections.length ?? 0, checkins: before?.checkins.length ?? 0 };
  const others = await ctx.store.people.list(ctx.person.workspace);
  if (ctx.person.admin && others.length > 0 && !others.some((p) => p.admin)) {
    const heir = [...others].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
    await ctx.store.people.update(heir.id, (p) => ({ ...p, admin: true }));
    return { ...counts, newAdmin: heir.name };
  }
  return counts;
}
