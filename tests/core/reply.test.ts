import { describe, expect, it } from 'vitest';
import { assertValidReply, privateReply, reply, type Reply } from '../../src/core/reply.js';

describe('reply model', () => {
  it('gives a reply with no blocks a text block equal to its fallback', () => {
    expect(reply('Hello')).toEqual({ text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] });
  });

  it('marks private replies', () => {
    expect(privateReply('Only you')).toEqual({ text: 'Only you', blocks: [{ type: 'text', text: 'Only you' }], private: true });
  });

  it('rejects a reply without a text fallback', () => {
    expect(() => assertValidReply({ text: '  ', blocks: [] })).toThrow('A reply needs a text fallback');
  });

  it('rejects a form with more than five fields, which Discord modals cannot hold', () => {
    const field = (id: string) => ({ kind: 'text' as const, id, label: id, maxLength: 10 });
    const r: Reply = {
      text: 'form',
      blocks: [{ type: 'form', id: 'f', title: 't', submitLabel: 's', fields: ['a', 'b', 'c', 'd', 'e', 'f'].map(field), action: { command: 'x', action: 'y' } }],
    };
    expect(() => assertValidReply(r)).toThrow('A form holds 1-5 fields');
  });

  it('rejects a scale that is not 2-10 whole numbers and duplicate block ids', () => {
    const scale = (min: number, max: number, id = 's') => ({ type: 'scale' as const, id, label: 'l', min, max, action: { command: 'x', action: 'y' } });
    expect(() => assertValidReply({ text: 't', blocks: [scale(1, 1)] })).toThrow('A scale spans 2-10 whole numbers');
    expect(() => assertValidReply({ text: 't', blocks: [scale(1, 5), scale(1, 5)] })).toThrow('Duplicate block id s');
    expect(() => assertValidReply({ text: 't', blocks: [scale(1, 5)] })).not.toThrow();
  });

  it('rejects a text block longer than Slack can show', () => {
    expect(() => assertValidReply({ text: 't', blocks: [{ type: 'text', text: 'x'.repeat(3001) }] })).toThrow('longer than 3000');
  });
});
