import type { TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';

/** Makes alice bob's mentor through the shell: offer, request, accept. */
export async function mentorMatch(app: TestApp, mentor = 'alice', mentee = 'bob'): Promise<void> {
  await typeIntoShell(app, ['mentor offer de-escalating angry customers'], mentor);
  await typeIntoShell(app, ['mentor request staying calm with angry customers'], mentee);
  await typeIntoShell(app, ['mentor status', '1'], mentor);
  const [match] = await app.store.mentoring.matches.list({ status: 'active' });
  if (!match) throw new Error('the mentor match was not made');
}

/** The card a reply shows, found by its title line. */
export function cardIn(app: TestApp, output: string) {
  const card = app.content.practice.cards.find((c) => output.includes(`: ${c.title}\n`));
  if (!card) throw new Error(`no card title in:\n${output}`);
  return card;
}
