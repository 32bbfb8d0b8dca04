import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'me', 'team create Care');
  await run(app, 'me', 'team add care alice bob');
});
afterEach(async () => {
  await app.cleanup();
});

const TODAY = { from: '2026-03-02', to: '2026-03-02' };
const questionIds = async (slug: string) => (await app.store.teams.get(`shell/${slug}`))!.questions.map((q) => q.id);

describe('team questions (admin)', () => {
  it('adds scale and text questions with ids unique to the team, and lists them', async () => {
    const added = await run(app, 'me', 'team question add care scale How supported did you feel today?');
    const [id] = await questionIds('care');
    expect(id).toMatch(/^care-[0-9a-z]{4}$/);
    expect(added.text).toBe(`Added to Care (1 of 3), id ${id}, answered as scale: "How supported did you feel today?". Members get it after their next check-in.`);
    await run(app, 'me', 'team question add care text One word for your week?');
    const [, id2] = await questionIds('care');
    const list = await run(app, 'me', 'team question list care');
    expect(list.text).toBe(`Care's check-in questions (2 of 3):\n1. [scale] How supported did you feel today? (id ${id})\n2. [text] One word for your week? (id ${id2})`);
  });

  it('refuses a fourth question and keeps the three', async () => {
    for (const q of ['First question?', 'Second question?', 'Third question?']) await run(app, 'me', `team question add care scale ${q}`);
    const res = await run(app, 'me', 'team question add care text Fourth question?');
    expect(res.text).toBe('Care already has 3 questions, the most a check-in asks. Remove one first with /attune team question remove.');
    expect((await questionIds('care'))).toHaveLength(3);
  });

  it('refuses a kind other than scale or text', async () => {
    const res = await run(app, 'me', 'team question add care stars How was it?');
    expect(res.text).toContain('"stars" is not a kind of question. Use scale (answered 1-5) or text (a short answer)');
    expect((await questionIds('care'))).toEqual([]);
  });

  it('gives the usage when the question is missing', async () => {
    const res = await run(app, 'me', 'team question add care scale');
    expect(res.text).toBe(
      'Say the kind (scale or text) and then the question.\nUsage: /attune team question add <team> scale|text <question> | remove <team> <id or number> | list <team>\nExample: team question add care scale How supported did you feel by the team today?',
    );
  });

  it('removes a question by its number or its id', async () => {
    await run(app, 'me', 'team question add care scale First question?');
    await run(app, 'me', 'team question add care scale Second question?');
    const [first, second] = await questionIds('care');
    expect((await run(app, 'me', 'team question remove care 2')).text).toBe('Removed from Care: "Second question?". Answers already given stay in past check-ins.');
    expect((await questionIds('care'))).toEqual([first]);
    await run(app, 'me', `team question remove care ${first}`);
    expect((await questionIds('care'))).toEqual([]);
    expect((await run(app, 'me', `team question remove care ${second}`)).text).toBe(`Care has no question "${second}". See them with /attune team question list.`);
  });

  it('refuses a member who is not an admin', async () => {
    const res = await run(app, 'alice', 'team question add care scale Sneaky question?');
    expect(res.text).toBe('Only an admin of this workspace can use "team question".');
    expect((await questionIds('care'))).toEqual([]);
  });
});

describe('team questions in a check-in', () => {
  it('follows the check-in with a form of the team questions and stores the answers by question id', async () => {
    await run(app, 'me', 'team question add care scale How supported did you feel today?');
    await run(app, 'me', 'team question add care text One word for your week?');
    const [scaleId, textId] = await questionIds('care');
    const out = await typeIntoShell(app, ['checkin 4 3 2', '5', 'busy'], 'alice');
    expect(out).toContain(
      [
        'Checked in: mood 4 (good), energy 3 (steady), stress 2 (relaxed). Thank you.',
        'Your team has 2 more question(s) for you.',
        'Each is optional. Your lead sees these answers only as team totals.',
        'Team questions (2 questions; type \\cancel to stop):',
        'How supported did you feel today? (optional)',
        'Type 1-5:',
        'One word for your week? (optional, press Enter to skip) [up to 200 characters]:',
        "Saved 2 answer(s) to your team's questions. Thank you.",
      ].join('\n'),
    );
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored!.custom).toEqual({ [scaleId!]: 5, [textId!]: 'busy' });
  });

  it('asks the team questions after the form too, and skipped ones stay unanswered', async () => {
    await run(app, 'me', 'team question add care scale How supported did you feel today?');
    await run(app, 'me', 'team question add care text One word for your week?');
    const [scaleId] = await questionIds('care');
    const out = await typeIntoShell(app, ['checkin', '3', '3', '3', '', '', '2', ''], 'alice');
    expect(out).toContain("Saved 1 answer(s) to your team's questions. Thank you.");
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    expect(stored!.custom).toEqual({ [scaleId!]: 2 });
  });

  it('does not ask anything more of people whose teams have no questions', async () => {
    const reply = await run(app, 'alice', 'checkin 4 3 2');
    expect(reply.blocks.some((b) => b.type === 'form')).toBe(false);
  });

  it('refuses a text answer over 200 characters, keeps nothing, and asks again', async () => {
    await run(app, 'me', 'team question add care text One word for your week?');
    const [textId] = await questionIds('care');
    await run(app, 'alice', 'checkin 4 3 2');
    const reply = await act(app, 'alice', 'checkin', 'custom', { values: { [textId!]: 'y'.repeat(201) } });
    expect(reply.text).toBe('Your answer to "One word for your week?" is 201 characters; the limit is 200. Nothing was saved; here are the questions again.');
    expect(reply.blocks.some((b) => b.type === 'form' && b.fields.map((f) => f.id).join() === textId)).toBe(true);
    expect((await app.store.history.checkIns('shell:alice', TODAY))[0]!.custom).toEqual({});
    await act(app, 'alice', 'checkin', 'custom', { values: { [textId!]: 'calm' } });
    expect((await app.store.history.checkIns('shell:alice', TODAY))[0]!.custom).toEqual({ [textId!]: 'calm' });
  });

  it('refuses a scale answer outside 1-5 from a platform form', async () => {
    await run(app, 'me', 'team question add care scale How supported did you feel today?');
    const [id] = await questionIds('care');
    await run(app, 'alice', 'checkin 4 3 2');
    const reply = await act(app, 'alice', 'checkin', 'custom', { values: { [id!]: '9' } });
    expect(reply.text).toBe('"9" is not an answer to "How supported did you feel today?": use a whole number from 1 to 5. Nothing was saved; here are the questions again.');
    expect((await app.store.history.checkIns('shell:alice', TODAY))[0]!.custom).toEqual({});
  });

  it('pages questions from several teams five at a time (the form limit)', async () => {
    await run(app, 'me', 'team create Ops');
    await run(app, 'me', 'team add ops alice');
    for (const q of ['Care one?', 'Care two?', 'Care three?']) await run(app, 'me', `team question add care scale ${q}`);
    for (const q of ['Ops one?', 'Ops two?', 'Ops three?']) await run(app, 'me', `team question add ops scale ${q}`);
    const out = await typeIntoShell(app, ['checkin 4 3 2', '1', '2', '3', '4', '5', '1'], 'alice');
    expect(out).toContain('Team questions (5 questions; type \\cancel to stop):');
    expect(out).toContain("Saved 5 answer(s) to your team's questions. Thank you.\n1 more team question(s):");
    expect(out).toContain('Team questions (1 question; type \\cancel to stop):\nOps three? (optional)');
    expect(out).toContain("Saved 1 answer(s) to your team's questions. Thank you.");
    const [stored] = await app.store.history.checkIns('shell:alice', TODAY);
    const ids = [...(await questionIds('care')), ...(await questionIds('ops'))];
    expect(stored!.custom).toEqual(Object.fromEntries(ids.map((id, i) => [id, [1, 2, 3, 4, 5, 1][i]])));
  });

  it('says the questions are closed when there is nothing open', async () => {
    const reply = await act(app, 'alice', 'checkin', 'custom', { values: { x: '3' } });
    expect(reply.text).toBe('Those team questions are no longer open. They come with your next check-in.');
  });
});
