import type { Job } from '../job.js';
import { checkinReminderJob } from './checkin-reminder.js';
import { dailyNudgeJob } from './daily-nudge.js';
import { dailyPromptJob } from './daily-prompt.js';
import { mentorFollowUpJob, pairsFollowUpJob } from './mentoring-follow-ups.js';
import { mentoringInvitationsJob } from './mentoring-invitations.js';
import { monthlyInsightJob } from './monthly-insight.js';
import { pairsRoundsJob } from './pairs-rounds.js';
import { weeklyDigestJob } from './weekly-digest.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [
  dailyPromptJob,
  checkinReminderJob,
  weeklyDigestJob,
  dailyNudgeJob,
  mentoringInvitationsJob,
  mentorFollowUpJob,
  pairsRoundsJob,
  pairsFollowUpJob,
  monthlyInsightJob,
];
