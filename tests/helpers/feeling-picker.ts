import type { App } from '../../src/app.js';
import type { Quadrant } from '../../src/content/feelings.js';

/** What the shell prints for the optional feeling picker that closes a check-in confirmation. */
export function shellFeelingPicker(app: App, quadrant: Quadrant): string {
  const words = app.content.feelings.words.filter((w) => w.quadrant === quadrant).map((w) => w.word);
  const options = [...words, 'What do these words mean?'];
  return [
    'Want to name the feeling too? One tap, optional. Only you see the word you pick.',
    'Which word fits best?',
    ...options.map((o, i) => `  ${i + 1}) ${o}`),
    `Type a number 1-${options.length}, or another command.`,
    '',
  ].join('\n');
}
