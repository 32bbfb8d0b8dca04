import type { Team } from '../model/team.js';
import type { Change, Created } from './common.js';

/** Teams, keyed by `<workspace>/<slug>`. */
export interface TeamsRepository {
  get(id: string): Promise<Team | undefined>;
  /** Every team, or every team of one workspace; in id order. */
  list(workspace?: string): Promise<Team[]>;
  /** The teams of one workspace this person is a current member of (an open membership interval); in id order. */
  ofMember(workspace: string, personId: string): Promise<Team[]>;
  /** The teams of one workspace any of these people was ever a member of (open or closed membership); in id order. */
  everHad(workspace: string, personIds: readonly string[]): Promise<Team[]>;
  create(team: Team): Promise<Created<Team>>;
  update(id: string, change: Change<Team>): Promise<Team | undefined>;
  /** Removes the team and its frozen digest weeks. */
  remove(id: string): Promise<boolean>;
}
