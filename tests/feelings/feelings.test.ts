import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WORDS_PER_QUADRANT, MIN_WORDS_PER_QUADRANT, QUADRANTS } from '../../src/content/feelings.js';
import { loadContent } from '../../src/content/load-content.js';
import { quadrantOf } from '../../src/features/feelings/quadrant.js';
import { shellFeelingPicker } from '../helpers/feeling-picker.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { useTempPromptsDir } from '../helpers/temp-prompts.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, team } from '../digest/fixtures.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.cleanup();
  app = undefined;
});
const today = { from: '2026-03-02', to: '2026-03-02' };
const stored = async (name: string) => (await app!.store.history.checkIns(`shell:${name}`, today))[0];

describe('the feeling words (prompts/feelings.json)', () => {
  it('holds about 15 words in each mood-meter quadrant, each with a short definition, ids unique', async () => {
    const { feelings } = await loadContent();
    for (const q of QUADRANTS) {
      const words = feelings.words.filter((w) => w.quadrant === q);
      expect(words.length, q).toBeGreaterThanOrEqual(13);
      expect(words.length, q).toBeLessThanOrEqual(17);
      for (const w of words) expect(w.definition.length).toBeLessThanOrEqual(75);
    }
    expect(new Set(feelings.words.map((w) => w.id)).size).toBe(feelings.words.length);
    expect(feelings.words.find((w) => w.id === 'frustrated')).toMatchObject({ quadrant: 'unpleasant-high', nudge: 'reframing' });
    expect(feelings.words.find((w) => w.id === 'anxious')).toMatchObject({ quadrant: 'unpleasant-high', nudge: 'breathing' });
  });

  describe('a bad file stops start-up naming the file and the field', () => {
    const dir = useTempPromptsDir();
    const edit = async (change: (file: { quadrants: Record<string, { words: Array<Record<string, unknown>> }> }) => void) => {
      const file = path.join(dir(), 'feelings.json');
      const json = JSON.parse(await readFile(file, 'utf8'));
      change(json);
      await writeFile(file, JSON.stringify(json));
    };

    it(`given a quadrant with fewer than ${MIN_WORDS_PER_QUADRANT} words`, async () => {
      await edit((f) => (f.quadrants['pleasant-low']!.words = f.quadrants['pleasant-low']!.words.slice(0, 5)));
      await expect(loadContent(dir())).rejects.toThrow(/feelings\.json.*quadrants\.pleasant-low\.words/);
    });

    it(`given a quadrant with more than ${MAX_WORDS_PER_QUADRANT} words`, async () => {
      await edit((f) => {
        const words = f.quadrants['pleasant-low']!.words;
        for (let i = 0; words.length <= MAX_WORDS_PER_QUADRANT; i++) words.push({ ...words[0], id: `extra-${'abcdefghij'[i]}` });
      });
      await expect(loadContent(dir())).rejects.toThrow(/feelings\.json.*quadrants\.pleasant-low\.words/);
    });

    it('given a definition too long for a select option', async () => {
      await edit((f) => (f.quadrants['unpleasant-low']!.words[0]!.definition = 'x'.repeat(76)));
      await expect(loadContent(dir())).rejects.toThrow(/feelings\.json.*quadrants\.unpleasant-low\.words\.0\.definition/);
    });

    it('given an unpleasant feeling that asks for a gratitude exercise', async () => {
      await edit((f) => (f.quadrants['unpleasant-low']!.words[2]!.nudge = 'gratitude'));
      await expect(loadContent(dir())).rejects.toThrow(/feelings\.json.*an unpleasant feeling may not call for gratitude/);
    });
  });
});

describe('which quadrant a check-in puts the person in', () => {
  it('mood 3+ is pleasant and energy 3+ is high energy', () => {
    expect(quadrantOf({ mood: 4, energy: 4 })).toBe('pleasant-high');
    expect(quadrantOf({ mood: 3, energy: 2 })).toBe('pleasant-low');
    expect(quadrantOf({ mood: 2, energy: 3 })).toBe('unpleasant-high');
    expect(quadrantOf({ mood: 1, energy: 1 })).toBe('unpleasant-low');
  });
});

describe('naming the feeling through the shell', () => {
  it('given a calm check-in, one tap names it; "What do these words mean?" shows the definitions first', async () => {
    app = await makeTestApp();
    const out = await typeIntoShell(app, ['checkin 4 4 2', '16', '1'], 'alice');
    expect(out).toContain(shellFeelingPicker(app, 'pleasant-high'));
    expect(out).toContain('Pleasant, high energy: what the words mean\n-------');
    expect(out).toContain('Excited: Looking forward to something with a lift of energy\nEnergised: Full of go; ready to take things on');
    expect(out).toContain('Noted: excited (Looking forward to something with a lift of energy). Only you see the feelings you name, in your own history.');
    expect(await stored('alice')).toMatchObject({ mood: 4, energy: 4, stress: 2, feeling: 'excited' });
  });

  it('given a hard check-in, the exercise comes first and a line says how to name the feeling; frustrated then brings a reframe', async () => {
    app = await makeTestApp();
    const out = await typeIntoShell(app, ['checkin 2 4 3 the queue was endless', 'feeling frustrated'], 'alice');
    expect(out).toContain('Want to name the feeling behind these numbers? Type /attune feeling any time today.');
    expect(out).toContain('Noted: frustrated (Blocked from something you want or need to do).');
    expect(out).toContain('For feeling frustrated, this short exercise may help:');
    const served = (await app.store.nudges.get('shell:alice')).served;
    expect(served.map((s) => s.source)).toEqual(['checkin', 'feeling']);
    expect(app.content.nudges.find((n) => n.id === served[1]!.nudgeId)!.technique).toBe('reframing');
    expect(await stored('alice')).toMatchObject({ note: 'the queue was endless', feeling: 'frustrated' });
  });

  it('anxious brings a breathing exercise, and a daily or requested nudge that day fits the word too', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'checkin 3 4 3');
    const reply = await run(app, 'alice', 'feeling anxious');
    expect(reply.text).toContain('For feeling anxious, this short exercise may help:');
    const [first] = (await app.store.nudges.get('shell:alice')).served;
    expect(app.content.nudges.find((n) => n.id === first!.nudgeId)!.technique).toBe('breathing');
    await run(app, 'alice', 'nudge now');
    const second = (await app.store.nudges.get('shell:alice')).served[1]!;
    expect(app.content.nudges.find((n) => n.id === second.nudgeId)!.technique).toBe('breathing');
  });

  it('grateful on a low day is noted, with no gratitude exercise', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'checkin 2 3 2');
    const reply = await run(app, 'alice', 'feeling grateful');
    expect(reply.text).toContain('Noted: grateful');
    expect(reply.text).not.toContain('exercise');
    const techniques = (await app.store.nudges.get('shell:alice')).served.map((s) => app!.content.nudges.find((n) => n.id === s.nudgeId)!.technique);
    expect(techniques).not.toContain('gratitude');
  });

  it('no exercise while nudges are off; the word is still saved', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'nudge off');
    await run(app, 'alice', 'checkin 3 4 3');
    const reply = await run(app, 'alice', 'feeling anxious');
    expect(reply.text).not.toContain('exercise');
    expect((await app.store.nudges.get('shell:alice')).served).toEqual([]);
    expect((await stored('alice'))!.feeling).toBe('anxious');
  });

  it('a later word replaces the first; the numbers and note stay as they were', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'checkin 4 2 2 quiet morning');
    await run(app, 'alice', 'feeling calm');
    await act(app, 'alice', 'feeling', 'pick', { value: 'content' });
    expect(await stored('alice')).toMatchObject({ mood: 4, energy: 2, stress: 2, note: 'quiet morning', feeling: 'content' });
    expect(await app.store.history.checkIns('shell:alice', today)).toHaveLength(1);
  });

  it('an unknown word says what to type instead and changes nothing', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'checkin 4 2 2');
    await run(app, 'alice', 'feeling calm');
    const reply = await run(app, 'alice', 'feeling meh');
    expect(reply.text).toBe(
      '"meh" is not one of Attune\'s feeling words. For today\'s check-in try one of: calm, content, relaxed, at ease, peaceful, relieved, thankful, satisfied, mellow, balanced, secure, rested, reflective, comfortable, steady. Type /attune feeling words to see what each means.\nUsage: /attune feeling [word | words]\nExample: feeling frustrated',
    );
    expect((await stored('alice'))!.feeling).toBe('calm');
  });

  it('without a check-in today, asks for one first', async () => {
    app = await makeTestApp();
    const reply = await run(app, 'alice', 'feeling calm');
    expect(reply.text).toContain('There is no check-in from you today to name a feeling for. Check in first, then name the feeling.');
    expect(await stored('alice')).toBeUndefined();
  });

  it('"feeling words" lists the meanings of today\'s quadrant', async () => {
    app = await makeTestApp();
    await run(app, 'alice', 'checkin 1 1 3');
    const reply = await run(app, 'alice', 'feeling words');
    expect(reply.text.split('\n')[0]).toBe('Unpleasant, low energy: what the words mean');
    expect(reply.text).toContain('Worn out: Tired in a way one night\'s sleep won\'t fix');
  });

  it('shows in the person\'s own history, and nowhere in anyone else\'s', async () => {
    app = await makeTestApp();
    await typeIntoShell(app, ['checkin 2 4 3', 'feeling frustrated'], 'alice');
    const mine = await run(app, 'alice', 'history');
    expect(mine.text).toContain('Feelings you named (last 30 days): frustrated');
    const bobs = await run(app, 'bob', 'history');
    expect(JSON.stringify(bobs)).not.toContain('frustrated');
  });
});

describe('leads never see the words', () => {
  it('given a whole team naming the same feeling, the digest holds no feeling word', async () => {
    app = await makeTestApp();
    const members = names('m', 6);
    await team(app, 'care', { members, leads: ['lead'] });
    for (const m of members) for (const d of LATEST.slice(0, 3)) {
      const c = await checkIn(app, m, d, { mood: 2, energy: 4, stress: 4 }, { teams: ['care'] });
      await app.store.history.replaceCheckIn({ ...c, feeling: 'frustrated' });
    }
    const digest = await run(app, 'lead', 'digest care');
    expect(digest.text).toContain('Mood');
    expect(JSON.stringify(digest).toLowerCase()).not.toContain('frustrat');
  });
});
