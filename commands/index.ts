import type { Command } from '../src/core/command.js';
import { helpCommand } from './help.js';
import history from './history.js';
import privacyDelete from './privacy-delete.js';
import privacyExport from './privacy-export.js';
import reflect from './reflect.js';
import settings from './settings.js';
import mentorOffer from './mentor-offer.js';
import mentorRequest from './mentor-request.js';
import mentorStatus from './mentor-status.js';
import mentorStop from './mentor-stop.js';
import pairsCadence from './pairs-cadence.js';
import pairsJoin from './pairs-join.js';
import pairsLeave from './pairs-leave.js';
import pairsPause from './pairs-pause.js';
import pairsStatus from './pairs-status.js';

/** Every command, in the order help lists them within an audience. Add a new command here. */
const features: Command[] = [
  reflect,
  history,
  settings,
  privacyExport,
  privacyDelete,
  mentorRequest,
  mentorOffer,
  mentorStatus,
  mentorStop,
  pairsJoin,
  pairsLeave,
  pairsPause,
  pairsStatus,
  pairsCadence,
];

export const commands: Command[] = [helpCommand(() => commands), ...features];
