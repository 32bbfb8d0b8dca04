import { divider, text } from '../../core/reply.js';
import { addDays } from '../../core/time.js';
import type { DailyPromptExtra } from '../daily-prompt-extras.js';
import { nudgeBlocks } from './render.js';
import { serveNudge } from './serve.js';
import { hardDaysInARowBefore } from './stretch.js';

/** Far enough back to find the two working days before a prompt across a long weekend. */
const LOOKBACK_DAYS = 10;

/** After two hard days in a row, the next day's prompt comes with a nudge (within the caps, unless off or snoozed). */
export const nudgeWithDailyPrompt: DailyPromptExtra = async (app, person, localDate) => {
  const checkIns = await app.store.history.checkIns(person.id, { from: addDays(localDate, -LOOKBACK_DAYS), to: addDays(localDate, -1) });
  if (!hardDaysInARowBefore(checkIns, localDate, person.workingDays)) return [];
  const served = await serveNudge(app, person, localDate, 'prompt');
  if (!served) return [];
  const copy = app.content.copy;
  return [divider(), text(copy('nudge.prompt.offer')), ...nudgeBlocks(copy, served.nudge), text(copy('nudge.pausedHint'), 'muted')];
};
