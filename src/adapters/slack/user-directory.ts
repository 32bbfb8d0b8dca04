import type { webApi } from '@slack/bolt';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../logger.js';
import { errorCode } from './slack-errors.js';

export interface SlackUser {
  /** The IANA zone Slack reports (can be missing). */
  tz?: string;
  name?: string;
}

const TTL_MS = 6 * 3600_000;
const FAILURE_TTL_MS = 60_000;

/** users.info with a cache per user, so commands don't each cost a Web API call. */
export class UserDirectory {
  private readonly cache = new Map<string, { user: SlackUser; until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async lookup(userId: string): Promise<SlackUser> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return hit.user;
    try {
      const res = await this.client.users.info({ user: userId });
      const u = res.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      const user: SlackUser = { ...(u?.tz ? { tz: u.tz } : {}), ...(name ? { name } : {}) };
      this.cache.set(userId, { user, until: now + TTL_MS });
      return user;
    } catch (err) {
      this.log.warn({ component: 'slack', error: errorCode(err) }, 'users.info failed; using the default time zone for now');
      this.cache.set(userId, { user: {}, until: now + FAILURE_TTL_MS });
      return {};
    }
  }
}
