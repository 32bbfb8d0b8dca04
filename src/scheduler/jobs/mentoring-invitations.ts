import type { AppContext } from '../../core/app-context.js';
import { localDate } from '../../core/time.js';
import { effectiveTimeZone } from '../../features/people.js';
import { expireInvitation } from '../../features/mentoring/mentor-flow.js';
import type { Job, Occurrence } from '../job.js';

/**
 * 48 hours after an invitation with no answer: it expires, the request moves on to the next mentor,
 * and the requester is told (the reply this job sends). Every overdue pending invitation is listed, not
 * only those in the window, so one missed by a tick is still handled; `what` does nothing twice.
 */
export const mentoringInvitationsJob: Job = {
  name: 'mentor-invitation-expiry',
  ignoresPause: true,
  async occurrences(app: AppContext, window) {
    const out: Occurrence[] = [];
    for (const inv of await app.store.mentoring.invitations.list({ status: 'pending' })) {
      const dueAt = new Date(inv.expiresAt);
      if (dueAt > window.to) continue;
      const mentee = await app.store.people.get(inv.menteeId);
      if (!mentee) continue;
      out.push({
        personId: inv.menteeId,
        key: `mentor-invitation-expiry:${inv.id}`,
        localDate: localDate(dueAt, effectiveTimeZone(app, mentee)),
        dueAt,
        data: { invitationId: inv.id },
      });
    }
    return out;
  },
  async what(app, occurrence) {
    const result = await expireInvitation(app, occurrence.data?.invitationId ?? '', app.clock.now());
    return result?.notice;
  },
};
