import type { App } from '../../app.js';
import { loadDemo, DEMO_LEAD } from '../../features/demo.js';
import { ShellAdapter, type ShellOptions } from './shell-adapter.js';

/** The shell adapter over stdin/stdout (or given streams), with the standard meta-commands. */
export function createShell(app: App, io: Pick<ShellOptions, 'input' | 'output' | 'tty' | 'user'>): ShellAdapter {
  return new ShellAdapter({
    app,
    dispatcher: app.dispatcher,
    ...io,
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
    },
  });
}
