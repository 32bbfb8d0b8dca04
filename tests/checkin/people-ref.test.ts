import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { PersonSchema } from '../../src/core/model/person.js';
import { resolvePersonRef, splitPersonRefs } from '../../src/features/people-ref.js';
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

describe('resolvePersonRef', () => {
  it('reads a Slack mention with and without a name, within the same workspace', async () => {
    expect(await resolvePersonRef(app, 'slack:T1', '<@U111>')).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T1', '<@U111|jane>')).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T1', '<@U999|newbie>')).toEqual({ id: 'slack:T1:U999', name: 'newbie', known: false });
    expect(await resolvePersonRef(app, 'slack:T1', '<@W999>')).toEqual({ id: 'slack:T1:W999', name: '<@W999>', known: false });
  });

  it('reads Discord mentions, with or without the nickname mark', async () => {
    expect(await resolvePersonRef(app, 'discord:G1', '<@1234567>')).toEqual({ id: 'discord:G1:1234567', name: 'kai', known: true });
    expect(await resolvePersonRef(app, 'discord:G1', '<@!1234567>')).toEqual({ id: 'discord:G1:1234567', name: 'kai', known: true });
    expect(await resolvePersonRef(app, 'discord:G1', '<@7654321>')).toEqual({ id: 'discord:G1:7654321', name: '<@7654321>', known: false });
  });

  it('refuses a mention from the other platform', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', '<@1234567>')).rejects.toThrow(
      '<@1234567> is a mention from another chat app, so I can\'t tell who it is here. Mention the person in this workspace (type @ and pick their name).',
    );
    await expect(resolvePersonRef(app, 'discord:G1', '<@U111>')).rejects.toThrow('is a mention from another chat app');
    await expect(resolvePersonRef(app, 'shell', '<@U111>')).rejects.toThrow('is a mention from another chat app');
  });

  it('matches a plain name or @name to a known person of the workspace only', async () => {
    expect(await resolvePersonRef(app, 'slack:T1', 'jane doe')).toEqual({ id: 'slack:T1:U111', name: 'Jane Doe', known: true });
    expect(await resolvePersonRef(app, 'slack:T2', '@omar')).toEqual({ id: 'slack:T2:U444', name: 'omar', known: true });
    await expect(resolvePersonRef(app, 'slack:T1', 'omar')).rejects.toThrow(
      'I don\'t know anyone called "omar" here. Mention them (type @ and pick their name) so I can tell who you mean.',
    );
    expect(await resolvePersonRef(app, 'discord:G1', 'KAI')).toEqual({ id: 'discord:G1:1234567', name: 'kai', known: true });
  });

  it('asks for a mention when a name fits more than one person', async () => {
    await expect(resolvePersonRef(app, 'slack:T1', 'sam')).rejects.toThrow('2 people here are called "sam". Mention the one you mean (type @ and pick their name).');
  });

  it('in the shell, a new name is the shell person of that name', async () => {
    expect(await resolvePersonRef(app, 'shell', 'alice')).toEqual({ id: 'shell:alice', name: 'alice', known: true });
    expect(await resolvePersonRef(app, 'shell', '@Bob')).toEqual({ id: 'shell:bob', name: 'bob', known: false });
    await expect(resolvePersonRef(app, 'shell', 'not/a name')).rejects.toThrow('I don\'t know anyone called "not/a name" here.');
    await expect(resolvePersonRef(app, 'shell', '@')).rejects.toThrow('I don\'t know anyone called "@" here.');
  });
});

describe('splitPersonRefs', () => {
  it('keeps mentions whole (even with spaces in the name), quoted names together, and splits on commas and spaces', async () => {
    expect(splitPersonRefs('<@U1|Jane Doe> <@U2>, <@!123> @alice, bob "Mary Ann"')).toEqual(['<@U1|Jane Doe>', '<@U2>', '<@!123>', '@alice', 'bob', 'Mary Ann']);
    expect(splitPersonRefs('  ,  ')).toEqual([]);
  });
});
