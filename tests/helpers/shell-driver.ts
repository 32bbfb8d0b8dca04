import { PassThrough } from 'node:stream';
import type { App } from '../../src/app.js';
import { createShell } from '../../src/adapters/shell/start-shell.js';

/**
 * Drives the shell adapter the way a person types: each line is written to its input, and the whole
 * plain-text output is returned once the input ends.
 */
export async function typeIntoShell(app: App, lines: string[], user = 'me'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const shell = createShell(app, { input, output, tty: false, user });
  const running = shell.start();
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await running;
  return text;
}
