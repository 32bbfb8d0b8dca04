import type { App } from '../../app.js';
import type { Outbox } from '../../core/outbox.js';
import { loadDemo, DEMO_LEAD } from '../../features/demo.js';
import { Scheduler } from '../../scheduler/scheduler.js';
import { ShellAdapter, type ShellOptions } from './shell-adapter.js';
import { timeMetaCommands } from './time-meta.js';

/**
 * The shell adapter over stdin/stdout (or given streams), with the standard meta-commands. \time and
 * \advance drive the given scheduler (main.ts passes the running one); without one (tests, tools) the
 * shell runs its own over the same store, delivering shell messages to itself.
 */
export function createShell(app: App, io: Pick<ShellOptions, 'input' | 'output' | 'tty' | 'user'> & { scheduler?: Scheduler }): ShellAdapter {
  const { scheduler: given, ...streams } = io;
  const toShell: Outbox = {
    send: (id, reply) => (id.startsWith('shell:') ? shell.send(id, reply) : app.outbox.send(id, reply)),
    sendGroup: (ids, reply) => app.outbox.sendGroup(ids, reply),
  };
  const scheduler = given ?? new Scheduler(app, { outbox: toShell });
  const shell: ShellAdapter = new ShellAdapter({
    app,
    dispatcher: app.dispatcher,
    ...streams,
    meta: {
      demo: {
        help: '\\demo             load a demo team (Customer Care, lead maya) with four weeks of history',
        async run(shell) {
          const { loaded, team } = await loadDemo(app, shell.actor());
          shell.print(
            loaded
              ? `Demo loaded: team "${team.name}" with ${team.members.length} members and lead ${DEMO_LEAD}, four weeks of check-ins and reflections. Try \\as alice then history, or \\as ${DEMO_LEAD}.`
              : `The demo team "${team.name}" is already here.`,
          );
        },
      },
      ...timeMetaCommands(app, scheduler),
    },
  });
  return shell;
}
