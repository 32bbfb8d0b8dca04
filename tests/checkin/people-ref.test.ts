import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { PersonSchema } from '../../src/core/model/person.js';
import type { PersonArg } from '../../src/core/person-arg.js';
import { resolvePersonRef } from '../../src/features/people-ref.js';
import { SHELL_TRAITS } from '../../src/adapters/shell/shell-traits.js';
import { putPerson } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  const save = (id: string, workspace: string, name: string) =>
    putPerson(app.store, PersonSchema.parse({ id, workspace, name, createdAt: '2026-03-01T00:00:00Z' }));
  await save('slack:T1:U111', 'slack:T1', 'Jane Doe');
  await save('slack:T1:U222', 'slack:T1', 'sam');
  await save('slack:T1:U333', 'slack:T1', 'Sam');
  await save('slack:T2:U444', 'slack:T2', 'omar');
  await save('discord:G1:1234567', 'discord:G1', 'kai');
  await save('shell:alice', 'shell', 'alice');
});
afterEach(async () => {
  await app.cleanup();
});

const who = (id: string, name?: string): PersonArg => ({ kind: 'person', id, ...(name ? { name } : {}) });
const typed = (text: string): PersonArg => ({ kind: 'name', text });

describe('resolvePersonRef', () => {
  it('takes a person the platform identified, known or not, within the same workspace', async () => {
    expect(await resolvePersonRef(app, 'slack:T1', who('slack:T1:U111'))).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T1', who('slack:T1:U111', 'jane'))).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T1', who('slack:T1:U999', 'newbie'))).toEqual({ id: 'slack:T1:U999', name: 'newbie', known: false });
    expect(await resolvePersonRef(app, 'discord:G1', who('discord:G1:7654321'))).toEqual({ id: 'discord:G1:7654321', name: '7654321', known: false });
  });

  it('refuses a person of another workspace', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', who('discord:G1:1234567', 'kai'))).rejects.toThrow(
      "@kai is a mention from another chat app, so I can't tell who it is here. Mention the person in this workspace (type @ and pick their name).",
    );
    await expect(resolvePersonRef(app, 'slack:T1', who('slack:T2:U444'))).rejects.toThrow('is a mention from another chat app');
    await expect(resolvePersonRef(app, 'shell', who('slack:T1:U111'))).rejects.toThrow('is a mention from another chat app');
  });

  it('matches a plain name or @name to a known person of the workspace only', async () => {
    expect(await resolvePersonRef(app, 'slack:T1', typed('jane doe'))).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T2', typed('@omar'))).toEqual({ id: 'slack:T2:U444', name: 'omar', known: true });
    await expect(resolvePersonRef(app, 'slack:T1', typed('omar'))).rejects.toThrow(
      'I don\'t know anyone called "omar" here. Mention them (type @ and pick their name) so I can tell who you mean.',
    );
    expect(await resolvePersonRef(app, 'discord:G1', typed('KAI'))).toEqual({ id: 'discord:G1:1234567', name: 'kai', known: true });
  });

  it('mention syntax typed as text is only a name: it never names a person by id', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', typed('<@U111>'))).rejects.toThrow('I don\'t know anyone called "<@U111>" here.');
    await expect(resolvePersonRef(app, 'discord:G1', typed('<@1234567>'))).rejects.toThrow('I don\'t know anyone called "<@1234567>" here.');
  });

  it('asks for a mention when a name fits more than one person', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', typed('sam'))).rejects.toThrow('2 people here are called "sam". Mention the one you mean (type @ and pick their name).');
  });

  it('where names are addresses (the shell), a new name is the person of that name', async () => {
    expect(await resolvePersonRef(app, 'shell', typed('alice'), SHELL_TRAITS)).toEqual({ id: 'shell:alice', name: 'alice', known: true });
    expect(await resolvePersonRef(app, 'shell', typed('@Bob'), SHELL_TRAITS)).toEqual({ id: 'shell:bob', name: 'bob', known: false });
    await expect(resolvePersonRef(app, 'shell', typed('not/a name'), SHELL_TRAITS)).rejects.toThrow('I don\'t know anyone called "not/a name" here.');
    await expect(resolvePersonRef(app, 'shell', typed('@'), SHELL_TRAITS)).rejects.toThrow('I don\'t know anyone called "@" here.');
  });

  it('where names are not addresses, a new name is refused rather than invented', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', typed('newbie'))).rejects.toThrow('I don\'t know anyone called "newbie" here.');
  });
});
