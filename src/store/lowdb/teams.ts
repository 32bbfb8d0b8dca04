import { TeamSchema, type Team } from '../../core/model/index.js';
import type { Change, Created, TeamsRepository } from '../../core/store/index.js';
import type { LowdbEngine } from './engine.js';
import { byKey, StateRecords, type Keyed } from './state-records.js';

const teamsOf: Keyed<Team> = (s) => s.teams;

/** Teams in state.json, keyed by id. */
export class LowdbTeams implements TeamsRepository {
  private readonly records: StateRecords;

  constructor(private readonly engine: LowdbEngine) {
    this.records = new StateRecords(engine);
  }

  async get(id: string): Promise<Team | undefined> {
    return this.records.get(teamsOf, id);
  }

  async list(workspace?: string): Promise<Team[]> {
    return byKey(this.engine.state.data.teams).filter((t) => !workspace || t.workspace === workspace);
  }

  create(team: Team): Promise<Created<Team>> {
    return this.records.create(teamsOf, team.id, team, TeamSchema);
  }

  update(id: string, change: Change<Team>): Promise<Team | undefined> {
    return this.records.update(teamsOf, id, change, TeamSchema, (_, next) => ({ ...next, id }));
  }

  async remove(id: string): Promise<boolean> {
    const s = this.engine.state.data;
    if (!s.teams[id] && !s.digestWeeks[id]) return false;
    return this.engine.mutate(this.engine.state, (d) => {
      const existed = Boolean(d.teams[id]);
      delete d.teams[id];
      delete d.digestWeeks[id];
      return existed;
    });
  }

  /** The person leaves every team they were a member or lead of (part of an erasure). */
  async forgetPerson(personId: string): Promise<void> {
    await this.engine.mutate(this.engine.state, (s) => {
      for (const team of Object.values(s.teams)) {
        team.members = team.members.filter((m) => m.personId !== personId);
        team.leads = team.leads.filter((l) => l !== personId);
      }
    });
  }
}
