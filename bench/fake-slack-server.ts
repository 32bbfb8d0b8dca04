/**
 * Runs the fake Slack API in its own process, so its clock and its windows are not disturbed by the
 * bot's own work (store writes, JSON) as they would be in one event loop. Prints its base URL.
 *   node --import tsx bench/fake-slack-server.ts <workspacePerSecond> <failRate> [tier-limits]
 */
import { FakeSlackApi } from './fake-slack-api.js';

const api = new FakeSlackApi(Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 0.05), 42, { tierLimits: process.argv[4] === 'tier-limits' });
const url = await api.start();
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => void api.stop().then(() => process.exit(0)));
