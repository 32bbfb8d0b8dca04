import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/logger.js';

function capture(): { sink: Writable; text: () => string } {
  let logs = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString('utf8');
      done();
    },
  });
  return { sink, text: () => logs };
}

it('a logged error keeps its type, code and stack but not a message that quotes what someone typed', () => {
  const { sink, text } = capture();
  const log = createLogger('trace', sink);
  let parseError: unknown;
  try {
    JSON.parse('my private note about my manager');
  } catch (err) {
    parseError = err;
  }
  const zodError = z.object({ mood: z.literal(3) }).safeParse({ mood: 'SECRET-VALUE-9' }).error;
  log.error({ err: parseError }, 'command failed');
  log.error({ err: zodError }, 'command failed');
  const lines = text().trim().split('\n').map((l) => JSON.parse(l) as { err: Record<string, unknown> });
  expect(text()).not.toContain('private note');
  expect(text()).not.toContain('SECRET-VALUE-9');
  expect(lines[0]!.err).toMatchObject({ type: 'SyntaxError', stack: expect.stringContaining(' at ') });
  expect(lines[1]!.err).toMatchObject({ type: 'ZodError', issues: [{ path: 'mood', code: 'invalid_value' }] });
});

it("an operator-facing start-up error keeps its message, which names a file, not anyone's answers", () => {
  const { sink, text } = capture();
  const err = Object.assign(new Error('data/state.json is damaged: restore it from a backup'), { name: 'StoreFileError' });
  createLogger('info', sink).error({ err }, 'store failed');
  expect(JSON.parse(text()).err.message).toBe('data/state.json is damaged: restore it from a backup');
});
