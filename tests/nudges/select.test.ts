import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import type { Nudge } from '../../src/content/nudges.js';
import type { ServedNudge } from '../../src/core/model/nudges.js';
import { addDays } from '../../src/core/time.js';
import { chooseNudge, fittingTechniques, NO_REPEAT_DAYS } from '../../src/features/nudges/select.js';

let library: Nudge[];
beforeAll(async () => {
  library = (await loadContent()).nudges;
});

const TODAY = '2026-03-02';
const calm = { mood: 4, energy: 4, stress: 2 };
const served = (nudgeId: string, daysAgo: number): ServedNudge => ({
  nudgeId,
  localDate: addDays(TODAY, -daysAgo),
  at: `${addDays(TODAY, -daysAgo)}T09:00:00.000Z`,
  source: 'requested',
});
const pick = (input: Partial<Parameters<typeof chooseNudge>[1]> = {}) =>
  chooseNudge(library, { served: [], votes: {}, today: TODAY, seed: 'shell:alice:2026-03-02:0', ...input });

describe('which techniques fit a check-in', () => {
  it('high stress (4 or 5) calls for breathing or grounding, even when mood and energy are low too', () => {
    expect(fittingTechniques({ mood: 1, energy: 1, stress: 4 })).toEqual(['breathing', 'grounding']);
    expect(fittingTechniques({ mood: 3, energy: 3, stress: 5 })).toEqual(['breathing', 'grounding']);
  });

  it('low mood (2 or less) calls for self-compassion, never gratitude', () => {
    expect(fittingTechniques({ mood: 2, energy: 1, stress: 3 })).toEqual(['self-compassion']);
  });

  it('low energy (2 or less) calls for a micro-break', () => {
    expect(fittingTechniques({ mood: 3, energy: 2, stress: 3 })).toEqual(['micro-break']);
  });

  it('a steady check-in, or none, leaves every technique open', () => {
    expect(fittingTechniques({ mood: 3, energy: 3, stress: 3 })).toBeUndefined();
    expect(fittingTechniques(undefined)).toBeUndefined();
  });
});

describe('choosing a nudge', () => {
  it('given stress 4, picks breathing or grounding', () => {
    for (let i = 0; i < 20; i++) {
      const n = pick({ checkIn: { mood: 3, energy: 3, stress: 4 }, seed: `s${i}` })!;
      expect(['breathing', 'grounding']).toContain(n.technique);
    }
  });

  it('given mood 2, picks self-compassion', () => {
    for (let i = 0; i < 20; i++) expect(['self-compassion']).toContain(pick({ checkIn: { mood: 2, energy: 3, stress: 2 }, seed: `s${i}` })!.technique);
  });

  it('given energy 1, picks a micro-break', () => {
    for (let i = 0; i < 20; i++) expect(pick({ checkIn: { mood: 3, energy: 1, stress: 2 }, seed: `s${i}` })!.technique).toBe('micro-break');
  });

  it('never repeats a nudge served 13 days ago, but may bring back one served 14 days ago', () => {
    const microBreaks = library.filter((n) => n.technique === 'micro-break');
    const lowEnergy = { mood: 3, energy: 1, stress: 2 };
    const allButOne = microBreaks.slice(1).map((n) => served(n.id, 1));
    expect(pick({ checkIn: lowEnergy, served: [...allButOne, served(microBreaks[0]!.id, NO_REPEAT_DAYS - 1)] })!.technique).not.toBe('micro-break');
    expect(pick({ checkIn: lowEnergy, served: [...allButOne, served(microBreaks[0]!.id, NO_REPEAT_DAYS)] })!.id).toBe(microBreaks[0]!.id);
  });

  it('serving a nudge every day for 40 days never repeats one within 14 days', () => {
    const history: ServedNudge[] = [];
    for (let day = 0; day < 40; day++) {
      const today = addDays(TODAY, day);
      const n = chooseNudge(library, { checkIn: { mood: 3, energy: 3, stress: 5 }, served: history, votes: {}, today, seed: `d${day}` })!;
      const recent = history.filter((s) => s.localDate > addDays(today, -NO_REPEAT_DAYS)).map((s) => s.nudgeId);
      expect(recent).not.toContain(n.id);
      history.push({ nudgeId: n.id, localDate: today, at: `${today}T09:00:00.000Z`, source: 'requested' });
    }
  });

  it('when every fitting nudge was served recently, offers another technique rather than a repeat', () => {
    const microBreaks = library.filter((n) => n.technique === 'micro-break').map((n) => served(n.id, 2));
    const n = pick({ checkIn: { mood: 3, energy: 1, stress: 2 }, served: microBreaks })!;
    expect(n.technique).not.toBe('micro-break');
  });

  it('gives nothing when every nudge was served in the last 14 days', () => {
    expect(pick({ served: library.map((n) => served(n.id, 3)) })).toBeUndefined();
  });

  it('prefers a technique the person found helpful when the check-in leaves the choice open', () => {
    const gratitude = library.find((n) => n.technique === 'gratitude')!;
    const votes = { [gratitude.id]: { helpful: true, at: `${TODAY}T08:00:00.000Z` } };
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: calm, votes, seed: `s${i}` })!.technique).toBe('gratitude');
  });

  it('prefers the helpful one of the fitting techniques: grounding over breathing after grounding helped', () => {
    const grounding = library.find((n) => n.technique === 'grounding')!;
    const votes = { [grounding.id]: { helpful: true, at: `${TODAY}T08:00:00.000Z` } };
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: { mood: 3, energy: 3, stress: 5 }, votes, seed: `s${i}` })!.technique).toBe('grounding');
  });

  it('offers a technique the person found unhelpful only after the others', () => {
    const breathing = library.find((n) => n.technique === 'breathing')!;
    const votes = { [breathing.id]: { helpful: false, at: `${TODAY}T08:00:00.000Z` } };
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: { mood: 3, energy: 3, stress: 5 }, votes, seed: `s${i}` })!.technique).toBe('grounding');
  });

  it('never lets a helpful technique outside the fit override the check-in', () => {
    const gratitude = library.find((n) => n.technique === 'gratitude')!;
    const votes = { [gratitude.id]: { helpful: true, at: `${TODAY}T08:00:00.000Z` } };
    expect(pick({ checkIn: { mood: 3, energy: 1, stress: 2 }, votes })!.technique).toBe('micro-break');
  });

  it('given the feeling frustrated, picks a reframe first, even on a high-stress day', () => {
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: { mood: 2, energy: 4, stress: 5 }, feeling: 'reframing', seed: `s${i}` })!.technique).toBe('reframing');
  });

  it('given the feeling anxious, picks breathing', () => {
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: { mood: 3, energy: 4, stress: 3 }, feeling: 'breathing', seed: `s${i}` })!.technique).toBe('breathing');
  });

  it('never offers gratitude at mood 2 or lower, even when it helped before and nothing else fits', () => {
    const gratitude = library.find((n) => n.technique === 'gratitude')!;
    const votes = { [gratitude.id]: { helpful: true, at: `${TODAY}T08:00:00.000Z` } };
    const others = library.filter((n) => n.technique !== 'gratitude').map((n) => served(n.id, 2));
    for (let i = 0; i < 10; i++) expect(pick({ checkIn: { mood: 2, energy: 3, stress: 2 }, votes, seed: `s${i}` })!.technique).not.toBe('gratitude');
    expect(pick({ checkIn: { mood: 1, energy: 3, stress: 2 }, votes, served: others })).toBeUndefined();
    expect(fittingTechniques({ mood: 1, energy: 3, stress: 2 }, 'gratitude')).toEqual(['self-compassion']);
  });

  it('is reproducible for the same seed and varies between people', () => {
    expect(pick({ seed: 'a' })!.id).toBe(pick({ seed: 'a' })!.id);
    const ids = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => pick({ seed })!.id));
    expect(ids.size).toBeGreaterThan(1);
  });
});
