import type { AppConfig } from '../config.js';
import type { Content } from '../content/load-content.js';
import type { Logger } from '../logger.js';
import type { Store } from './store/index.js';
import type { Clock } from './clock.js';
import type { Outbox } from './outbox.js';
import type { PersonFiles } from './person-files.js';

/** The services every command, feature and job works with. Built once in main.ts (or a test). */
export interface AppContext {
  store: Store;
  clock: Clock;
  content: Content;
  config: AppConfig;
  log: Logger;
  /** Messages Attune starts itself (intros, invitations, scheduled prompts). */
  outbox: Outbox;
  /** Uniform in [0, 1): the digest's privacy noise. Crypto-strong in production, seeded in tests. */
  random: () => number;
  /** Files saved for a person outside the store (the shell's exports and charts), erased with them. */
  files: PersonFiles;
}
