import type { AppConfig } from './config.js';
import type { AppContext } from './core/app-context.js';
import type { Clock } from './core/clock.js';
import { Dispatcher } from './core/dispatch.js';
import { Registry } from './core/registry.js';
import { loadContent } from './content/load-content.js';
import type { Logger } from './logger.js';
import { DirectOutbox } from './core/direct-outbox.js';
import { cryptoRandom } from './core/crypto-random.js';
import type { Outbox } from './core/outbox.js';
import { OutboxRelay } from './core/outbox-relay.js';
import { openStore } from './store/open-store.js';
import type { Store } from './core/store/index.js';
import { cooperativeStore } from './core/store/cooperative-store.js';
import { commands } from '../commands/index.js';
import { diskPersonFiles } from './adapters/shell/person-files.js';

export interface App extends AppContext {
  dispatcher: Dispatcher;
  registry: Registry;
}

/** Builds the app: content, store, registry and dispatcher. Adapters and the scheduler attach to it. */
export async function createApp(opts: { config: AppConfig; clock: Clock; log: Logger; promptsDir?: string; outbox?: Outbox; store?: Store; random?: () => number }): Promise<App> {
  const content = await loadContent(opts.promptsDir);
  // main.ts opens the store itself (its replica services shape the send path); tests let createApp open it.
  // Every store call may yield to the event loop first, so a burst of requests takes turns (see cooperative.ts).
  const store = cooperativeStore(opts.store ?? (await openStore(opts.config, opts.clock.now())));
  const given: Outbox = opts.outbox ?? new DirectOutbox();
  // Features queue what they start in the store's outbox; an outbox that does not relay it (tests, the
  // shell) gets a relay that sends after each commit and waits for it. main.ts passes its send path's relay.
  const outbox: Outbox = given.flush
    ? given
    : new OutboxRelay({
        outbox: store.outbox,
        clock: opts.clock,
        claimer: 'app',
        deliver: given,
        waitForSends: true,
        onUndelivered: (m, r) => opts.log.warn({ message: m.id, recipients: m.recipients, error: r.ok ? undefined : r.error }, 'a message Attune started was not delivered'),
      });
  const context: AppContext = { store, clock: opts.clock, content, config: opts.config, log: opts.log, outbox, random: opts.random ?? cryptoRandom, files: diskPersonFiles(opts.config.dataDir) };
  const registry = new Registry(commands);
  return { ...context, registry, dispatcher: new Dispatcher(context, registry) };
}
