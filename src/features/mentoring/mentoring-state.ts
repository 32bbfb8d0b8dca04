import type { MentoringState } from '../../core/model/mentoring.js';
import type { Repositories } from '../../core/store/index.js';

const byId = <T>(records: T[], id: (r: T) => string): Record<string, T> => Object.fromEntries(records.map((r) => [id(r), r]));

/**
 * A copy of mentoring's records that ranking and status read in one go: a workspace's profiles,
 * requests and matches, and every pending invitation (a mentor's places taken). Pools are not included.
 */
export async function loadMentoring(repos: Pick<Repositories, 'mentoring'>, workspace: string): Promise<MentoringState> {
  const [profiles, requests, invitations, matches] = await Promise.all([
    repos.mentoring.profiles.list({ workspace }),
    repos.mentoring.requests.list({ workspace }),
    repos.mentoring.invitations.list({ status: 'pending' }),
    repos.mentoring.matches.list({ workspace }),
  ]);
  return {
    profiles: byId(profiles, (p) => p.personId),
    requests: byId(requests, (r) => r.id),
    invitations: byId(invitations, (i) => i.id),
    matches: byId(matches, (x) => x.id),
    pools: {},
  };
}
