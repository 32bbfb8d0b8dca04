import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateOptions, wordsToOptions, tokenize } from '../../src/core/args.js';
import { defineCommand } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { reply } from '../../src/core/reply.js';
import { Registry } from '../../src/core/registry.js';

const noop = () => reply('ok');
const checkin = defineCommand({
  name: 'checkin',
  description: 'Check in',
  usage: '/attune checkin [mood energy stress] [note]',
  examples: ['checkin 4 3 2 long day'],
  audience: 'member',
  args: z.object({
    mood: z.coerce.number().int().min(1, 'a number from 1 to 5').max(5, 'a number from 1 to 5').optional(),
    energy: z.coerce.number().int().min(1).max(5).optional(),
    stress: z.coerce.number().int().min(1).max(5).optional(),
    note: z.string().optional(),
  }),
  parse: { positional: ['mood', 'energy', 'stress', 'note'], rest: 'note' },
  run: noop,
});
const privacyExport = defineCommand({ name: 'privacy export', description: 'Export', usage: '/attune privacy export', audience: 'member', args: z.object({}), run: noop });
const privacyDelete = defineCommand({ name: 'privacy delete', description: 'Delete', usage: '/attune privacy delete', audience: 'member', args: z.object({}), run: noop });
const settings = defineCommand({
  name: 'settings',
  description: 'Settings',
  usage: '/attune settings [tz <zone>]',
  audience: 'member',
  args: z.object({ tz: z.string().optional(), resume: z.boolean().optional() }),
  parse: { named: true, flags: ['resume'] },
  run: noop,
});

describe('registry', () => {
  const registry = new Registry([checkin, privacyExport, privacyDelete, settings]);

  it('resolves two-word commands before one-word ones and returns the rest of the text', () => {
    expect(registry.resolve('privacy export')?.command.name).toBe('privacy export');
    const found = registry.resolve('checkin 4 3 2  a long   day');
    expect(found?.command.name).toBe('checkin');
    expect(found?.rest).toBe('4 3 2  a long   day');
  });

  it('is case-insensitive on command words and finds nothing for unknown words', () => {
    expect(registry.resolve('PRIVACY Delete')?.command.name).toBe('privacy delete');
    expect(registry.resolve('dance')).toBeUndefined();
    expect(registry.resolve('privacy')).toBeUndefined();
  });

  it('lists a group by its first word', () => {
    expect(registry.group('privacy').map((c) => c.name)).toEqual(['privacy export', 'privacy delete']);
  });

  it('refuses a command declared twice and a bad command name', () => {
    expect(() => new Registry([checkin, checkin])).toThrow('Command checkin is declared twice');
    expect(() => defineCommand({ name: 'Check In Now', description: 'x', usage: 'x', audience: 'member', args: z.object({}), run: noop })).toThrow('Bad command name');
  });
});

describe('arguments', () => {
  it('maps positional words and keeps the rest of the text as the last field', () => {
    expect(wordsToOptions(checkin, '4 3 2 a "long" day')).toEqual({ mood: '4', energy: '3', stress: '2', note: 'a "long" day' });
    expect(validateOptions(checkin, { mood: '4', energy: '3', stress: '2' })).toEqual({ mood: 4, energy: 3, stress: 2 });
  });

  it('turns a value out of range into a usage error with the example', () => {
    const err = (() => {
      try {
        validateOptions(checkin, { mood: '9' });
      } catch (e) {
        return e as UsageError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(UsageError);
    expect(err?.message).toBe('mood: a number from 1 to 5\nUsage: /attune checkin [mood energy stress] [note]\nExample: checkin 4 3 2 long day');
  });

  it('reads named pairs and flags, and rejects unknown keys', () => {
    expect(wordsToOptions(settings, 'tz Europe/Berlin resume')).toEqual({ tz: 'Europe/Berlin', resume: true });
    expect(() => wordsToOptions(settings, 'colour blue')).toThrow('I don\'t understand "colour": settings takes tz, resume.');
    expect(() => wordsToOptions(settings, 'tz')).toThrow('"tz" needs a value.');
  });

  it('refuses words to a command that takes none', () => {
    expect(() => wordsToOptions(privacyExport, 'now please')).toThrow('privacy export takes no arguments.\nUsage: /attune privacy export');
  });

  it('keeps quoted words together', () => {
    expect(tokenize('create "Customer Care" now').map((t) => t.value)).toEqual(['create', 'Customer Care', 'now']);
  });
});
