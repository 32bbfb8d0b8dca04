import type { MentoringState } from '../../src/core/model/mentoring.js';
import type { Person, Team } from '../../src/core/model/index.js';
import type { Store } from '../../src/core/store/index.js';

/** Test seeding: stores the person as given, whether or not one with that id exists. */
export async function putPerson(store: Pick<Store, 'people'>, person: Person): Promise<Person> {
  const { record, created } = await store.people.create(person);
  if (created) return record;
  return (await store.people.update(person.id, () => person))!;
}

/** Test seeding: stores the team as given, whether or not one with that id exists. */
export async function putTeam(store: Pick<Store, 'teams'>, team: Team): Promise<Team> {
  const { record, created } = await store.teams.create(team);
  if (created) return record;
  return (await store.teams.update(team.id, () => team))!;
}

/** Every mentoring record and pairing pool, as one object, for assertions. */
export async function mentoringOf(store: Pick<Store, 'mentoring' | 'pairing'>): Promise<MentoringState> {
  const byId = <T>(records: T[], id: (r: T) => string): Record<string, T> => Object.fromEntries(records.map((r) => [id(r), r]));
  const [profiles, requests, invitations, matches, pools] = await Promise.all([
    store.mentoring.profiles.list(),
    store.mentoring.requests.list(),
    store.mentoring.invitations.list(),
    store.mentoring.matches.list(),
    store.pairing.pools(),
  ]);
  return {
    profiles: byId(profiles, (p) => p.personId),
    requests: byId(requests, (r) => r.id),
    invitations: byId(invitations, (i) => i.id),
    matches: byId(matches, (x) => x.id),
    pools: byId(pools, (p) => p.id),
  };
}
