import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage as renderDiscord, type FormBlock } from '../../src/adapters/discord/render.js';
import { renderModal as renderDiscordModal } from '../../src/adapters/discord/modal.js';
import { renderModal as renderSlackModal } from '../../src/adapters/slack/form-modal.js';
import { renderMessage as renderSlack } from '../../src/adapters/slack/render-blocks.js';
import type { Reply } from '../../src/core/reply.js';
import { jobs } from '../../src/scheduler/jobs/index.js';
import { messageProblems as discordMessageProblems, modalProblems as discordModalProblems } from '../discord/discord-rules.js';
import { checkIn, LATEST, names, person, PREVIOUS, team } from '../digest/fixtures.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { messageProblems as slackMessageProblems, viewProblems } from '../slack/block-kit-rules.js';

let app: TestApp;
/** Every reply gathered, by what produced it. */
const replies: Array<{ source: string; reply: Reply }> = [];
const MEMBERS = names('m', 60);
const NOTE = (n: string) => `${n}: ${'a long week of handovers and late calls, and I am still proud of the team. '.repeat(13)}`.slice(0, 1000);

beforeAll(async () => {
  app = await makeTestApp();
  await person(app, 'ada', { admin: true });
  // A 60-person team whose every member shared a 1,000-character note with the lead, both weeks.
  await team(app, 'care', { members: MEMBERS, leads: ['lee'], name: 'Customer Care' });
  for (const m of MEMBERS) {
    for (const date of [PREVIOUS[2]!, LATEST[2]!]) await checkIn(app, m, date, { mood: 2, energy: 2, stress: 5 }, { teams: ['care'], note: NOTE(m), shareNote: true });
  }
  const say = async (who: string, text: string) => replies.push({ source: `${who}: ${text.slice(0, 60)}`, reply: await run(app, who, text) });
  await say('ada', 'team question add care scale How clear were our priorities this week, taking everything into account?');
  await say('ada', `team question add care text ${'What one thing would make next week calmer for you and the people you work with most? '.slice(0, 150)}`);
  await say('m1', `reflect ${'I noticed I rush when the queue grows, and I want to slow down. '.repeat(60).slice(0, 3000)}`);
  await say('m1', `checkin 2 2 5 --share ${'x'.repeat(1000)}`);
  await say('m1', 'history');
  await say('lee', 'digest care');
  for (const command of app.registry.list()) {
    for (const text of new Set([command.name, ...(command.examples ?? [])])) {
      if (text.startsWith('privacy delete')) continue;
      await say('ada', text);
      await say('m2', text);
    }
  }
  // What the scheduler sends, for the people above, over the coming week.
  const now = app.clock.now();
  for (const job of jobs) {
    const due = await job.occurrences(app, { from: new Date(now.getTime() - 7 * 86_400_000), to: new Date(now.getTime() + 7 * 86_400_000) });
    for (const occ of due.filter((o) => /:(ada|lee|m1|m2)$/.test(o.personId)).slice(0, 6)) {
      const reply = await job.what(app, occ);
      if (reply) replies.push({ source: `${job.name} for ${occ.personId}`, reply });
    }
  }
  await say('ada', 'privacy delete');
}, 120_000);

afterAll(async () => {
  await app.cleanup();
});

const copy = () => app.content.copy;
const slackLabels = () => ({ choose: 'Choose...', cancel: 'Cancel', shortened: copy()('slack.modalShortened') });

describe('every reply Attune can produce fits both platforms', () => {
  it('gathered the replies of every command, form, scheduled job and the 60-person digest', () => {
    expect(replies.length).toBeGreaterThan(app.registry.list().length * 2);
    expect(replies.filter((r) => r.reply.blocks.some((b) => b.type === 'form')).length).toBeGreaterThanOrEqual(3);
    expect(replies.filter((r) => r.source.startsWith('lee') || r.source.includes('for shell:')).length).toBeGreaterThan(3);
    const digest = replies.find((r) => r.source === 'lee: digest care')!.reply;
    const file = digest.blocks.find((b) => b.type === 'file');
    // Nothing is cut: every shared note is in the attached file.
    expect(file && new TextDecoder().decode(file.data).match(/m\d+: a long week/g)).toHaveLength(60);
    expect(replies.some((r) => r.source.startsWith('weekly-digest'))).toBe(true);
  });

  it('Slack: each message (every page), and each form as a modal, is within Block Kit limits', () => {
    const problems: string[] = [];
    for (const { source, reply } of replies) {
      const message = renderSlack(reply, slackLabels(), { formToken: () => 'tok' });
      for (const [i, blocks] of [message.blocks, ...message.more].entries()) {
        problems.push(...slackMessageProblems({ text: message.text, blocks }).map((p) => `${source} page ${i}: ${p}`));
      }
      for (const f of reply.blocks.filter((b): b is FormBlock => b.type === 'form')) {
        problems.push(...viewProblems(renderSlackModal(f, reply.blocks.filter((b) => b !== f), slackLabels(), 'https://hooks.slack.com/commands/T1/1/abc')).map((p) => `${source} modal: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('Discord: each message, and each form as a modal, passes discord.js\'s builders and Discord\'s message limits', () => {
    const problems: string[] = [];
    for (const { source, reply } of replies) {
      const rendered = renderDiscord(reply, { copy: copy(), formToken: () => 'tok' });
      problems.push(...discordMessageProblems({ ...rendered.body, attachments: rendered.files }).map((p) => `${source}: ${p}`));
      for (const f of rendered.forms) problems.push(...discordModalProblems(renderDiscordModal(f.token, f.form, copy())).map((p) => `${source} modal: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});
