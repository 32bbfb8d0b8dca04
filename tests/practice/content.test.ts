import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { PRACTICE_CHANNELS, PRACTICE_DIFFICULTIES, PRACTICE_MINIMUMS, type PracticeCard } from '../../src/content/practice-library.js';
import { EI_COMPONENTS } from '../../src/core/model/history.js';
import { NO_REPEAT_SESSIONS, pickCard } from '../../src/features/practice/pick-card.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { useTempPromptsDir } from '../helpers/temp-prompts.js';

const content = await loadContent();
const { cards, techniques } = content.practice;
const count = (of: (c: PracticeCard) => readonly string[], value: string) => cards.filter((c) => of(c).includes(value)).length;

describe('the practice library (prompts/practice.json)', () => {
  it('holds at least 40 scenario cards, each with a scene, the customer\'s words, a private brief, a tip and a model reply', () => {
    expect(cards.length).toBeGreaterThanOrEqual(40);
    for (const c of cards) {
      expect(c.scene.length).toBeGreaterThan(20);
      expect(c.model.length).toBeGreaterThan(60);
      expect(Object.values(c.customer).every((s) => s.length > 5)).toBe(true);
    }
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it('is balanced: enough cards per EI component, per channel and per difficulty', () => {
    const perComponent = Object.fromEntries(EI_COMPONENTS.map((k) => [k, count((c) => c.components, k)]));
    const perChannel = Object.fromEntries(PRACTICE_CHANNELS.map((k) => [k, count((c) => [c.channel], k)]));
    const perDifficulty = Object.fromEntries(PRACTICE_DIFFICULTIES.map((k) => [k, count((c) => [c.difficulty], k)]));
    for (const n of Object.values(perComponent)) expect(n).toBeGreaterThanOrEqual(PRACTICE_MINIMUMS.perComponent);
    for (const n of Object.values(perChannel)) expect(n).toBeGreaterThanOrEqual(PRACTICE_MINIMUMS.perChannel);
    for (const n of Object.values(perDifficulty)) expect(n).toBeGreaterThanOrEqual(PRACTICE_MINIMUMS.perDifficulty);
    // No channel dominates: the largest is at most one and a half times the smallest.
    expect(Math.max(...Object.values(perChannel))).toBeLessThanOrEqual(1.5 * Math.min(...Object.values(perChannel)));
    expect(PRACTICE_MINIMUMS.cards).toBe(40);
  });

  it('covers the hard moments the product is for', () => {
    const titles = cards.map((c) => `${c.title} ${c.scene}`.toLowerCase()).join('\n');
    for (const moment of ['outage', 'refund', 'distressed', 'abusive', 'bad news', 'right', 'chat-only tone', 'follow-up after a failure']) expect(titles).toContain(moment);
  });

  it('names the techniques skilled responders use, and every card uses at least two of them', () => {
    const names = techniques.map((t) => t.name);
    for (const n of ['Acknowledge', 'Label the emotion', 'Take ownership', 'Set a next step']) expect(names).toContain(n);
    for (const c of cards) {
      expect(c.techniques.length).toBeGreaterThanOrEqual(2);
      for (const id of c.techniques) expect(techniques.map((t) => t.id)).toContain(id);
    }
    expect(content.practice.debrief).toHaveLength(3);
  });
});

describe('a broken practice file stops start-up, naming the file and the field', () => {
  const dir = useTempPromptsDir();
  const edit = async (change: (json: { cards: Array<Record<string, unknown>> }) => void) => {
    const file = path.join(dir(), 'practice.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    change(json);
    await writeFile(file, JSON.stringify(json));
    return file;
  };

  it('a card with a channel that is not one', async () => {
    const file = await edit((j) => (j.cards[3]!.channel = 'fax'));
    await expect(loadContent(dir())).rejects.toThrow(`Attune cannot load ${file}: the field cards.3.channel is wrong`);
  });

  it('a card naming an unknown technique', async () => {
    const file = await edit((j) => ((j.cards[0]!.techniques as string[])[1] = 'shout-back'));
    await expect(loadContent(dir())).rejects.toThrow(`Attune cannot load ${file}: the field cards.0.techniques.1 is wrong: unknown technique shout-back`);
  });

  it('too few cards for one channel', async () => {
    const file = await edit((j) => (j.cards = j.cards.map((c) => (c.channel === 'email' ? { ...c, channel: 'chat' } : c))));
    await expect(loadContent(dir())).rejects.toThrow(`Attune cannot load ${file}: the field cards is wrong: only 0 cards for the channel email; at least 8 are needed`);
  });
});

describe('choosing a card', () => {
  it('never offers a card from the last sessions while a fresh one matches, and always honours the filters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...cards.map((c) => c.id)), { maxLength: 30 }),
        fc.option(fc.constantFrom(...PRACTICE_CHANNELS), { nil: undefined }),
        fc.option(fc.constantFrom(...PRACTICE_DIFFICULTIES), { nil: undefined }),
        fc.integer(),
        (recent, channel, difficulty, seed) => {
          const filters = { ...(channel ? { channel } : {}), ...(difficulty ? { difficulty } : {}) };
          const card = pickCard(content.practice, filters, recent, seededRandom(seed));
          const matching = cards.filter((c) => (!channel || c.channel === channel) && (!difficulty || c.difficulty === difficulty));
          if (matching.length === 0) return card === undefined;
          if (!card || !matching.includes(card)) return false;
          const window = recent.slice(-NO_REPEAT_SESSIONS);
          const freshExists = matching.some((c) => !window.includes(c.id));
          return freshExists ? !window.includes(card.id) : true;
        },
      ),
    );
  });

  it('when every matching card was done lately, offers the one done longest ago', () => {
    const hardEmail = cards.filter((c) => c.channel === 'email' && c.difficulty === 'hard').map((c) => c.id);
    expect(hardEmail.length).toBeGreaterThan(1);
    const recent = [...hardEmail].reverse();
    expect(pickCard(content.practice, { channel: 'email', difficulty: 'hard' }, recent, () => 0)!.id).toBe(recent[0]);
  });
});
