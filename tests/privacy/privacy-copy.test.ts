import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPromptsDir } from '../../src/content/load-content.js';
import { confirmCheckIn } from '../../src/features/checkin/confirm-checkin.js';
import { homeSummary } from '../../src/features/home-summary.js';
import { createLogger } from '../../src/logger.js';
import { addDays, weekdayOf } from '../../src/core/time.js';
import { monthlyInsightJob } from '../../src/scheduler/jobs/monthly-insight.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { TimedOutbox } from '../scheduler/helpers.js';
import { checkIn, LATEST, names, pid, team } from '../digest/fixtures.js';
import { contextFor, storeCheckIn } from '../nudges/helpers.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { mentorMatch } from '../practice/helpers.js';

/**
 * Every sentence in prompts/copy that tells a person something about who sees their data, held
 * against what the code does. A new such sentence fails the guard below until it has a check here.
 */
const PRIVACY_WORDS = /privat|only you|nobody else|never|anonym|only ever|team totals|only for you|with your name|erase/i;

/** Sentences the guard's words catch that say nothing about who sees a person's data. */
const NOT_DATA_CLAIMS: Record<string, string> = {
  'checkin.shareLabel': 'a question',
  'privacy.confirmLabel': 'a question',
  'privacy.deleteYes': 'a button label',
  'privacy.deleteExpired': 'about a confirmation button',
  'mentor.stopped': 'about matching, not data',
  'mentor.requestWaiting': 'about matching, not data',
  'mentor.nobodyElse': 'about matching, not data',
  'nudge.snoozed': 'about when nudges are sent (tests/nudges/caps.test.ts)',
  'nudge.off': 'about when nudges are sent (tests/nudges/caps.test.ts)',
  'stop.done': 'about which messages Attune starts (tests/conversation/team-welcome.test.ts); the data itself is untouched',
};

let app: TestApp;
afterEach(async () => {
  await app?.cleanup();
});

const text = (r: unknown) => JSON.stringify(r);

/** A care team of six members (m1-m6) led by maya, with an admin. */
async function careTeam(): Promise<void> {
  app = await makeTestApp();
  await run(app, 'admin', 'help'); // the first person is the workspace admin
  await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
}

/** Everything the lead and the admin can get out of Attune: digests, and their own history, home and export. */
async function whatOthersSee(): Promise<string> {
  const seen: unknown[] = [await run(app, 'maya', 'digest care'), await run(app, 'admin', 'digest care')];
  for (const other of ['maya', 'admin']) {
    seen.push(await run(app, other, 'history'), await app.store.privacy.exportPerson(pid(other)), await homeSummary(app.store, (await app.store.people.get(pid(other))), '2026-03-02'));
  }
  return text(seen);
}

const checks: Array<{ keys: string[]; behaviour: string; check: () => Promise<void> }> = [
  {
    keys: ['welcome.private', 'welcome.leads', 'welcome.noLead'],
    behaviour: "someone added to a team is told who leads it; their note stays theirs and their scores reach leads and admins only inside team totals",
    async check() {
      await careTeam();
      await run(app, 'admin', 'team create Ops');
      await run(app, 'admin', 'team add care m7');
      await run(app, 'admin', 'team add ops m7');
      const welcomes = app.outbox.sent.filter((m) => m.to.includes(pid('m7'))).map((m) => text(m.reply));
      expect(welcomes.join()).toContain(JSON.stringify(app.content.copy('welcome.private')).slice(1, -1));
      expect(welcomes.join()).toContain(JSON.stringify(app.content.copy('welcome.leads', { team: 'Care', leads: 'maya', threshold: 5 })).slice(1, -1));
      expect(welcomes.join()).toContain('Ops has no lead yet');
      await run(app, 'm7', 'checkin 1 1 5 saffron kettle');
      const seen = await whatOthersSee();
      expect(seen).not.toContain('saffron');
      expect(seen).not.toContain('m7');
    },
  },
  {
    keys: ['digest.historyIntro'],
    behaviour: "a member's history names each team whose digest counts their check-ins, while no digest shows their own answers",
    async check() {
      await careTeam();
      await run(app, 'm1', 'checkin 2 2 4 quiet cobalt worry');
      const history = (await run(app, 'm1', 'history')).text;
      expect(history).toContain(app.content.copy('digest.historyIntro'));
      expect(history).toContain('Care');
      expect(await whatOthersSee()).not.toContain('cobalt');
    },
  },
  {
    keys: ['practice.answerPrivacy'],
    behaviour: "a practice answer reaches nobody but its author: it is in their export, a lead's digest shows no words, delete erases it",
    async check() {
      await careTeam();
      await run(app, 'm1', 'practice');
      const reply = await act(app, 'm1', 'practice', 'answer', { values: { answer: 'amber teapot apology' } });
      expect(text(reply)).toContain(app.content.copy('practice.answerPrivacy'));
      expect(await whatOthersSee()).not.toContain('amber teapot');
      expect(text(await app.store.privacy.exportPerson(pid('m1')))).toContain('amber teapot apology');
      const confirm = (await run(app, 'm1', 'privacy delete')).blocks.find((b) => b.type === 'choice');
      await act(app, 'm1', 'privacy delete', 'confirm', { value: confirm?.type === 'choice' ? confirm.options[0]!.value : '' });
      expect(text([await app.store.practice.people.list(), await app.store.practice.peers.list(), await app.store.practice.thanks.list()])).not.toContain('amber teapot');
    },
  },
  {
    keys: ['practice.peer.sent', 'practice.peer.briefTitle'],
    behaviour: "with a peer, the customer's brief goes to the partner alone and nothing of the session reaches a lead",
    async check() {
      await careTeam();
      await mentorMatch(app, 'm1', 'm2');
      const before = app.outbox.sent.length;
      const reply = await run(app, 'm2', 'practice with m1');
      expect(reply.text).toContain(app.content.copy('practice.peer.sent', { name: 'm1' }));
      const sent = app.outbox.sent.slice(before);
      expect(sent.map((m) => m.to)).toEqual(sent.map(() => [pid('m1')]));
      expect(text(sent)).toContain(app.content.copy('practice.peer.briefTitle'));
      expect(await whatOthersSee()).not.toContain(app.content.copy('practice.peer.briefTitle'));
    },
  },
  {
    keys: ['thanks.sent', 'thanks.receivedPrivacy'],
    behaviour: 'a thank-you reaches only the person thanked; the sender keeps a copy in their export; a lead sees no words',
    async check() {
      await careTeam();
      const before = app.outbox.sent.length;
      const reply = await run(app, 'm1', 'thanks m2 for the violet handover');
      expect(reply.text).toBe(app.content.copy('thanks.sent', { name: 'm2' }));
      const sent = app.outbox.sent.slice(before);
      expect(sent.map((m) => m.to)).toEqual([[pid('m2')]]);
      expect(text(sent)).toContain(app.content.copy('thanks.receivedPrivacy'));
      expect(await whatOthersSee()).not.toContain('violet handover');
      expect(text(await app.store.privacy.exportPerson(pid('m1')))).toContain('violet handover');
    },
  },
  {
    keys: ['checkin.noteHint', 'checkin.shareNo', 'checkin.notePrivate'],
    behaviour: 'a private note reaches nobody: not a lead, an admin or a digest theme, even when the whole team writes the same words',
    async check() {
      await careTeam();
      for (const [i, m] of names('m', 6).entries()) await checkIn(app, m, LATEST[i]!, { mood: 3 }, { teams: ['care'], note: 'whispered reorganisation worries' });
      const reply = await run(app, 'm1', 'checkin 3 3 3 whispered reorganisation worries');
      expect(reply.text).toContain(app.content.copy('checkin.notePrivate'));
      const seen = await whatOthersSee();
      expect(seen).not.toMatch(/whispered|reorganisation|worries/);
      expect(text(await app.store.privacy.exportPerson(pid('m1')))).toContain('whispered reorganisation worries');
    },
  },
  {
    keys: ['checkin.noteShared'],
    behaviour: 'a shared note reaches the lead, with the name',
    async check() {
      await careTeam();
      await checkIn(app, 'm1', LATEST[2]!, { mood: 2 }, { teams: ['care'], note: 'the release is wearing me down', shareNote: true });
      const reply = await run(app, 'm1', 'checkin 2 2 4 --share still tired');
      expect(reply.text).toContain(app.content.copy('checkin.noteShared'));
      const digest = (await run(app, 'maya', 'digest care')).text;
      expect(digest).toContain('m1, 2026-02-25: "the release is wearing me down"');
    },
  },
  {
    keys: ['checkin.noteSharedNoLead'],
    behaviour: 'a shared note in a team with no lead is read by nobody by name, not even an admin; its words count only as anonymous themes',
    async check() {
      app = await makeTestApp();
      await run(app, 'admin', 'help');
      await team(app, 'ops', { members: names('m', 14), threshold: 5, name: 'Ops' });
      for (const [i, m] of names('m', 14).entries()) await checkIn(app, m, LATEST[i % 7]!, { mood: 3 }, { teams: ['ops'], note: 'blue lantern', shareNote: true });
      const reply = await run(app, 'm1', 'checkin 3 3 3 --share blue lantern');
      expect(reply.text).toContain(app.content.copy('checkin.noteSharedNoLead'));
      const digest = (await run(app, 'admin', 'digest ops')).text;
      expect(digest).not.toContain('"blue lantern"');
      expect(digest).not.toMatch(/^m\d/m);
      expect(digest).toMatch(/^Themes in shared notes \(each used by at least 5 people; counts are approximate\): .*lantern \(about \d+ people\)/m);
    },
  },
  {
    keys: ['checkin.intro', 'help.intro', 'digest.period', 'team.leadAdded', 'slack.home.privacy'],
    behaviour: "leads and admins see team totals only: no one's scores, names or notes, and a person's home shows only their own",
    async check() {
      await careTeam();
      const moods = [1, 5, 4, 3, 2, 5];
      for (const [i, m] of names('m', 6).entries()) await checkIn(app, m, LATEST[i]!, { mood: moods[i]!, energy: 3, stress: 3 }, { teams: ['care'], note: `note of ${m}` });
      for (const viewer of ['maya', 'admin']) {
        const digest = (await run(app, viewer, 'digest care')).text;
        expect(digest).toMatch(/^Mood: \d\.\d/m);
        for (const m of names('m', 6)) expect(digest).not.toContain(m);
      }
      const home = await homeSummary(app.store, (await app.store.people.get(pid('m2'))), '2026-03-02');
      expect(home.lastCheckIn).toMatchObject({ mood: 5 });
      expect(text(home)).not.toContain('m1');
    },
  },
  {
    keys: ['digest.withheld.too-few'],
    behaviour: 'under the threshold the digest shows participation only',
    async check() {
      await careTeam();
      for (const [i, m] of names('m', 4).entries()) await checkIn(app, m, LATEST[i]!, { mood: 1, energy: 1, stress: 5 }, { teams: ['care'] });
      const digest = (await run(app, 'maya', 'digest care')).text;
      expect(digest).toContain(app.content.copy('digest.withheld.too-few', { respondents: 4, threshold: 5 }));
      expect(digest).not.toMatch(/^(Mood|Energy|Stress): /m);
    },
  },
  {
    keys: ['checkin.customIntro'],
    behaviour: "a team question's answers reach the lead only as totals over the threshold",
    async check() {
      await careTeam();
      await run(app, 'admin', 'team question add care text What slowed you down?');
      const [q] = (await app.store.teams.get('shell/care'))!.questions;
      for (const [i, m] of names('m', 4).entries()) await checkIn(app, m, LATEST[i]!, { mood: 3 }, { teams: ['care'], custom: { [q!.id]: 'the legacy billing screen' } });
      const digest = (await run(app, 'maya', 'digest care')).text;
      expect(digest).not.toContain('legacy');
      expect(app.content.copy('checkin.customIntro')).toContain('team totals');
    },
  },
  {
    keys: ['help.privacy', 'reflect.howToAnswer', 'reflect.saved'],
    behaviour: 'a reflection is read by nobody else',
    async check() {
      await careTeam();
      const saved = await run(app, 'm1', 'reflect I snapped at a caller named Ferdinand and regretted it');
      expect(saved.text).toContain('only you can read it');
      expect(await whatOthersSee()).not.toContain('Ferdinand');
      expect((await run(app, 'm1', 'history')).text).toContain('Ferdinand');
    },
  },
  {
    keys: ['feeling.invite', 'feeling.later', 'feeling.saved'],
    behaviour: 'a named feeling is seen only by its author, in their own history',
    async check() {
      await careTeam();
      for (const [i, m] of names('m', 6).entries()) {
        const c = await checkIn(app, m, LATEST[i]!, { mood: 1, energy: 4 }, { teams: ['care'] });
        await app.store.history.replaceCheckIn({ ...c, feeling: 'resentful' });
      }
      await run(app, 'm1', 'checkin 1 4 3');
      expect((await run(app, 'm1', 'feeling resentful')).text).toContain('Only you see the feelings you name');
      expect((await whatOthersSee()).toLowerCase()).not.toContain('resentful');
      expect((await run(app, 'm1', 'history')).text).toContain('Feelings you named (last 30 days): resentful');
    },
  },
  {
    keys: ['nudge.support.body', 'support.setupHint', 'nudge.resources.saved'],
    behaviour: 'the support message goes to that person alone: nothing sent, logged or shown to anyone else',
    async check() {
      await careTeam();
      const lines: string[] = [];
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
      for (const d of ['2026-03-02', '2026-03-03']) await storeCheckIn(app, 'm1', d, { mood: 1, energy: 2, stress: 4 });
      const c = await storeCheckIn(app, 'm1', '2026-03-04', { mood: 1, energy: 2, stress: 4 });
      const ctx = { ...(await contextFor(app, 'm1', '2026-03-04')), log: createLogger('trace', stream) };
      const reply = await confirmCheckIn(ctx, c, { duplicate: false });
      expect(reply.private).toBe(true);
      expect(reply.text).toContain(app.content.copy('nudge.support.body'));
      expect(lines).toEqual([]);
      expect(app.outbox.sent).toEqual([]);
      expect(await whatOthersSee()).not.toContain('Checking in on you');
    },
  },
  {
    keys: ['insight.private', 'insight.on'],
    behaviour: 'the monthly insight note goes only to its person and is made from their own check-ins',
    async check() {
      await careTeam();
      for (const m of names('m', 6)) for (let d = '2026-02-02'; d <= '2026-02-27'; d = addDays(d, 1)) {
        if (['sat', 'sun'].includes(weekdayOf(d))) continue;
        await checkIn(app, m, d, { mood: m === 'm1' ? 1 : 5, stress: m === 'm1' ? 5 : 1 }, { teams: ['care'] });
      }
      const note = await monthlyInsightJob.what(app, { personId: pid('m1'), key: 'monthly-insight', localDate: '2026-03-02', dueAt: new Date('2026-03-02T09:30:00Z') });
      expect(note!.text).toContain(app.content.copy('insight.private'));
      expect(note!.text).toContain('mood 1.0, energy 3.0, stress 5.0');
      expect(note!.private).toBe(true);
      const outbox = new TimedOutbox(app.clock);
      const scheduler = new Scheduler(app, { outbox, jobs: [monthlyInsightJob] });
      app.clock.set('2026-03-02T09:30:00Z');
      await scheduler.tick(new Date('2026-03-02T09:30:00Z'));
      for (const s of outbox.sent) expect(s.text.includes('mood 1.0') ? s.to : pid('m1')).toBe(pid('m1'));
      expect(new Set(outbox.sent.map((s) => s.to)).size).toBe(outbox.sent.length);
      expect(await whatOthersSee()).not.toContain('Your month in check-ins');
    },
  },
  {
    keys: ['privacy.confirmDelete', 'privacy.deleted'],
    behaviour: "privacy delete leaves nothing of the person in any file of the data directory",
    async check() {
      await careTeam();
      await run(app, 'm1', 'checkin 2 2 4 --share my shared words');
      await run(app, 'm1', 'reflect a reflection to erase');
      await run(app, 'm1', 'feeling tired');
      await run(app, 'm1', 'nudge now');
      const question = await run(app, 'm1', 'privacy delete');
      const confirm = question.blocks.find((b) => b.type === 'choice');
      const token = confirm?.type === 'choice' ? confirm.options[0]!.value : '';
      expect((await act(app, 'm1', 'privacy delete', 'confirm', { value: token })).text).toContain('Everything Attune held about you is erased');
      await app.store.close();
      const files = await listFiles(app.dataDir);
      for (const f of files) {
        const content = await readFile(f, 'utf8');
        expect(content, f).not.toContain('shell:m1"');
        expect(content, f).not.toContain('my shared words');
        expect(content, f).not.toContain('a reflection to erase');
      }
      app = await reopen(app);
    },
  },
  {
    keys: ['privacy.deleteCancelled'],
    behaviour: 'cancelling keeps everything',
    async check() {
      await careTeam();
      await run(app, 'm1', 'checkin 3 3 3');
      const question = await run(app, 'm1', 'privacy delete');
      const confirm = question.blocks.find((b) => b.type === 'choice');
      const cancel = confirm?.type === 'choice' ? confirm.options[1]!.value : '';
      expect((await act(app, 'm1', 'privacy delete', 'confirm', { value: cancel })).text).toBe(app.content.copy('privacy.deleteCancelled'));
      expect(await app.store.history.checkIns(pid('m1'), { from: '2026-03-02', to: '2026-03-02' })).toHaveLength(1);
    },
  },
  {
    keys: ['checkin.noteTooLong'],
    behaviour: 'a note over the limit stores nothing',
    async check() {
      await careTeam();
      const reply = await run(app, 'm1', `checkin 3 3 3 ${'x'.repeat(1001)}`);
      expect(reply.text).toContain('Nothing was saved');
      expect(await app.store.history.checkIns(pid('m1'), { from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
    },
  },
];

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

/** The store was closed to read its files at rest; cleanup needs an open app. */
async function reopen(closed: TestApp): Promise<TestApp> {
  const fresh = await makeTestApp();
  return { ...fresh, cleanup: async () => { await fresh.cleanup(); await closed.cleanup().catch(() => undefined); } };
}

describe('every privacy sentence in prompts/copy holds', () => {
  it('each sentence that speaks about who sees a person\'s data has a check below (or is listed as no such claim)', async () => {
    const dir = path.join(defaultPromptsDir(), 'copy');
    const checked = new Set(checks.flatMap((c) => c.keys));
    const unchecked: string[] = [];
    for (const name of await readdir(dir)) {
      const { messages } = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { messages: Record<string, string> };
      for (const [key, message] of Object.entries(messages)) {
        if (PRIVACY_WORDS.test(message) && !checked.has(key) && !(key in NOT_DATA_CLAIMS)) unchecked.push(`${name}: ${key}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  for (const c of checks) {
    it(`${c.keys.join(', ')}: ${c.behaviour}`, c.check);
  }
});
