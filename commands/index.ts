import type { Command } from '../src/core/command.js';
import adminAdd from './admin-add.js';
import adminRemove from './admin-remove.js';
import checkin from './checkin.js';
import digest from './digest.js';
import feeling from './feeling.js';
import { helpCommand } from './help.js';
import history from './history.js';
import insight from './insight.js';
import nudge from './nudge.js';
import privacyDelete from './privacy-delete.js';
import privacyExport from './privacy-export.js';
import reflect from './reflect.js';
import settings from './settings.js';
import teamAdd from './team-add.js';
import teamCreate from './team-create.js';
import teamLead from './team-lead.js';
import teamList from './team-list.js';
import teamQuestion from './team-question.js';
import teamRemove from './team-remove.js';
import teamThreshold from './team-threshold.js';
import mentorOffer from './mentor-offer.js';
import mentorRequest from './mentor-request.js';
import mentorStatus from './mentor-status.js';
import mentorStop from './mentor-stop.js';
import pairsCadence from './pairs-cadence.js';
import pairsJoin from './pairs-join.js';
import pairsLeave from './pairs-leave.js';
import pairsPause from './pairs-pause.js';
import pairsStatus from './pairs-status.js';
import practice from './practice.js';
import thanks from './thanks.js';
import stop from './stop.js';
import teams from './teams.js';
import teamSchedule from './team-schedule.js';
import teamRename from './team-rename.js';
import teamDelete from './team-delete.js';

/** Every command, in the order help lists them within an audience. Add a new command here. */
const features: Command[] = [
  reflect,
  checkin,
  feeling,
  history,
  insight,
  settings,
  privacyExport,
  privacyDelete,
  // Teams and admins.
  teamList,
  teamCreate,
  teamAdd,
  teamRemove,
  teamLead,
  teamThreshold,
  teamQuestion,
  teamSchedule,
  teamRename,
  teamDelete,
  adminAdd,
  adminRemove,
  nudge,
  mentorRequest,
  mentorOffer,
  mentorStatus,
  mentorStop,
  pairsJoin,
  pairsLeave,
  pairsPause,
  pairsStatus,
  pairsCadence,
  practice,
  thanks,
  digest,
  teams,
  stop,
];

export const commands: Command[] = [helpCommand(() => commands), ...features];
