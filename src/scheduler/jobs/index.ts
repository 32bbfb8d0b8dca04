import type { Job } from '../job.js';
import { dailyNudgeJob } from './daily-nudge.js';
import { mentorFollowUpJob, pairsFollowUpJob } from './mentoring-follow-ups.js';
import { mentoringInvitationsJob } from './mentoring-invitations.js';
import { pairsRoundsJob } from './pairs-rounds.js';

/** Every scheduled job. A feature adds its job here. */
export const jobs: Job[] = [dailyNudgeJob, mentoringInvitationsJob, mentorFollowUpJob, pairsRoundsJob, pairsFollowUpJob];
