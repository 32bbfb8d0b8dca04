import { heading, text } from '../../core/reply.js';
import type { Job } from '../job.js';
import { personDailyOccurrences } from './people-daily.js';

/** A check-in reminder at each person's reminder time (default 16:30), only if they have not checked in that day. */
export const checkinReminderJob: Job = {
  name: 'checkin-reminder',
  occurrences: (app, window) => personDailyOccurrences(app, window, 'checkin-reminder', (p) => p.reminderTime),
  async what(app, occ) {
    const done = await app.store.history.checkIns(occ.personId, { from: occ.localDate, to: occ.localDate });
    if (done.length) return undefined;
    const copy = app.content.copy;
    const body = copy('scheduler.reminderText');
    return {
      text: `${copy('scheduler.reminderTitle')}\n${body}`,
      blocks: [
        heading(copy('scheduler.reminderTitle')),
        text(body),
        {
          type: 'choice',
          id: 'checkin-now',
          label: copy('scheduler.reminderButtonLabel'),
          style: 'buttons',
          options: [{ label: copy('scheduler.reminderButton'), value: '' }],
          action: { command: 'checkin', action: 'run' },
        },
      ],
    };
  },
};
