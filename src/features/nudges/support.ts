import type { AppContext } from '../../core/app-context.js';
import type { Person } from '../../core/model/person.js';
import { divider, heading, text, type Block } from '../../core/reply.js';
import { addDays, type LocalDate } from '../../core/time.js';
import { supportDue } from './stretch.js';

/** How far back a low stretch is traced. */
const STRETCH_LOOKBACK_DAYS = 60;

type App = Pick<AppContext, 'store' | 'content' | 'config'>;

/** The workspace's support resources: what an admin set in Attune, else ATTUNE_SUPPORT_TEXT. */
export async function supportResourcesText(app: App, workspace: string): Promise<{ text: string; source: 'admin' | 'env' } | undefined> {
  const set = await app.store.nudges.supportResources(workspace);
  if (set) return { text: set.text, source: 'admin' };
  return app.config.supportText ? { text: app.config.supportText, source: 'env' } : undefined;
}

/**
 * The kind support message, once per stretch, when the person's last three check-ins (or more) all
 * had mood 1. It goes only to them, in their own check-in confirmation; it is not logged and its
 * state lives in their personal nudge state, which nothing team-level reads.
 */
export async function supportBlocks(app: App, person: Person, today: LocalDate): Promise<Block[]> {
  const checkIns = await app.store.history.checkIns(person.id, { from: addDays(today, -STRETCH_LOOKBACK_DAYS), to: today });
  const state = await app.store.nudges.get(person.id);
  const stretch = supportDue(checkIns, state.supportShownFor);
  if (!stretch) return [];
  // Shown once per stretch: of two check-ins at once, only the one that marks the stretch shows it.
  let first = false;
  await app.store.nudges.update(person.id, (current) => {
    first = current.supportShownFor !== stretch;
    return first ? { ...current, supportShownFor: stretch } : current;
  });
  if (!first) return [];
  return supportMessage(app, person.workspace);
}

export async function supportMessage(app: App, workspace: string): Promise<Block[]> {
  const copy = app.content.copy;
  const resources = await supportResourcesText(app, workspace);
  return [
    divider(),
    heading(copy('nudge.support.title')),
    text(copy('nudge.support.body')),
    ...(resources ? [text(copy('nudge.support.resourcesIntro')), text(resources.text, 'quote')] : [text(copy('nudge.support.noResources'))]),
    text(copy('nudge.support.close'), 'muted'),
  ];
}
