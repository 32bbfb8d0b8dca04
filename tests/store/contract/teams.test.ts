import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines, type EngineHandle } from './engines.js';
import { team } from './records.js';

const from = '2026-01-01T00:00:00.000Z';
const to = '2026-02-01T00:00:00.000Z';

describe.each(engines)('store contract ($name): the teams of a member', (engine) => {
  let h: EngineHandle;
  beforeEach(async () => {
    h = await engine.create();
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('lists the teams of the workspace where the person has an open membership, in id order, and no others', async () => {
    await h.store.teams.create(team('zeta', { members: [{ personId: 'shell:ann', from }] }));
    await h.store.teams.create(team('alpha', { members: [{ personId: 'shell:bob', from }, { personId: 'shell:ann', from }] }));
    // Left (a closed interval), never a member, and another workspace: none of these.
    await h.store.teams.create(team('left', { members: [{ personId: 'shell:ann', from, to }] }));
    await h.store.teams.create(team('other', { members: [{ personId: 'shell:bob', from }] }));
    await h.store.teams.create(team('elsewhere', { id: 'slack:T1/elsewhere', workspace: 'slack:T1', members: [{ personId: 'shell:ann', from }] }));
    expect((await h.store.teams.ofMember('shell', 'shell:ann')).map((t) => t.id)).toEqual(['shell/alpha', 'shell/zeta']);
    expect((await h.store.teams.ofMember('shell', 'shell:cat')).map((t) => t.id)).toEqual([]);
  });

  it('follows membership changes, and a rejoin after leaving counts', async () => {
    await h.store.teams.create(team('care', { members: [{ personId: 'shell:ann', from, to }] }));
    expect(await h.store.teams.ofMember('shell', 'shell:ann')).toEqual([]);
    await h.store.teams.update('shell/care', (t) => ({ ...t, members: [...t.members, { personId: 'shell:ann', from: to }] }));
    const [care] = await h.store.teams.ofMember('shell', 'shell:ann');
    expect(care!.members).toHaveLength(2);
  });

  it('finds the teams any of several people was ever in, closed memberships too, in id order and only in the workspace', async () => {
    await h.store.teams.create(team('zeta', { members: [{ personId: 'shell:ann', from }] }));
    await h.store.teams.create(team('left', { members: [{ personId: 'shell:bob', from, to }] }));
    await h.store.teams.create(team('other', { members: [{ personId: 'shell:cat', from }] }));
    await h.store.teams.create(team('elsewhere', { id: 'slack:T1/elsewhere', workspace: 'slack:T1', members: [{ personId: 'shell:ann', from }] }));
    expect((await h.store.teams.everHad('shell', ['shell:ann', 'shell:bob'])).map((t) => t.id)).toEqual(['shell/left', 'shell/zeta']);
    expect(await h.store.teams.everHad('shell', [])).toEqual([]);
    expect(await h.store.teams.everHad('shell', ['shell:nobody'])).toEqual([]);
  });

  it('returns copies: changing one does not change the stored team', async () => {
    await h.store.teams.create(team('care', { members: [{ personId: 'shell:ann', from }] }));
    const [care] = await h.store.teams.ofMember('shell', 'shell:ann');
    care!.members.push({ personId: 'shell:eve', from });
    expect((await h.store.teams.get('shell/care'))!.members).toHaveLength(1);
  });
});
