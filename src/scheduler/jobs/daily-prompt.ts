import { dailyPromptExtras } from '../../features/daily-prompt-extras.js';
import { reflectionPromptReply } from '../../features/reflection/prompt-reply.js';
import { todaysPrompt } from '../../features/reflection/reflections.js';
import type { Job } from '../job.js';
import { personDailyOccurrences } from './people-daily.js';

/** The daily reflection prompt at each person's prompt time (default 09:30) on their working days. */
export const dailyPromptJob: Job = {
  name: 'daily-prompt',
  occurrences: (app, window) => personDailyOccurrences(app, window, 'daily-prompt', (p) => p.promptTime),
  async what(app, occ) {
    const person = await app.store.people.get(occ.personId);
    if (!person) return undefined;
    const prompt = await todaysPrompt({ store: app.store, content: app.content, person, today: occ.localDate, now: app.clock.now() });
    const extra = (await Promise.all(dailyPromptExtras.map((hook) => hook(app, person, occ.localDate)))).flat();
    return reflectionPromptReply(app.content, prompt, extra);
  },
};
