import { describe, expect, it } from 'vitest';
import { terms, themes } from '../../src/features/digest/themes.js';

describe('themes', () => {
  it('keeps meaningful words and two-word phrases (never across punctuation or a dropped word), lower-cased, without stop-words, short words or numbers', () => {
    expect([...terms('The new CI tool is down again, 3 times! Angry customer on the phone.')].sort()).toEqual(
      ['angry', 'angry customer', 'customer', 'new', 'phone', 'times', 'tool'].sort(),
    );
  });

  it('counts a term once per person, however often they wrote it', () => {
    const byPerson = new Map([
      ['a', ['meetings meetings', 'meetings']],
      ['b', ['meetings']],
      ['c', ['calm']],
    ]);
    expect(themes(byPerson, 2)).toEqual([{ term: 'meetings', people: 2 }]);
    expect(themes(byPerson, 3)).toEqual([]);
  });

  it('leaves out a word when a phrase with it was used by the same people', () => {
    const byPerson = new Map(['a', 'b', 'c'].map((p) => [p, [`angry customer escalation ${p}`]] as const));
    expect(themes(byPerson, 3)).toEqual([
      { term: 'angry customer', people: 3 },
      { term: 'customer escalation', people: 3 },
    ]);
  });
});
