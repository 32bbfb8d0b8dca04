import type { Command } from '../src/core/command.js';
import digest from './digest.js';
import { helpCommand } from './help.js';
import history from './history.js';
import privacyDelete from './privacy-delete.js';
import privacyExport from './privacy-export.js';
import reflect from './reflect.js';
import settings from './settings.js';

/** Every command, in the order help lists them within an audience. Add a new command here. */
const features: Command[] = [reflect, history, settings, privacyExport, privacyDelete, digest];

export const commands: Command[] = [helpCommand(() => commands), ...features];
