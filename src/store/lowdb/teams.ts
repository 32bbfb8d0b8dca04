import { TeamSchema, type Team } from '../../core/model/index.js';
import { isCurrentMember } from '../../core/model/team.js';
import type { Change, Created, TeamsRepository } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';
import type { TeamShards } from './team-shards.js';

/** Teams in teams/<shard>.json, keyed by id: a write rewrites one small shard. */
export class LowdbTeams implements TeamsRepository {
  constructor(
    private readonly engine: LowdbEngine,
    private readonly shards: TeamShards,
  ) {}

  async get(id: string): Promise<Team | undefined> {
    const found = this.shards.team(id);
    return found && clone(found);
  }

  async list(workspace?: string): Promise<Team[]> {
    return this.shards.teams(workspace).map(clone);
  }

  /** Picked before copying: a check-in asks this, and copying every team of a large workspace took 10-70 ms. */
  async ofMember(workspace: string, personId: string): Promise<Team[]> {
    return this.shards.matching((t) => t.workspace === workspace && isCurrentMember(t, personId)).map(clone);
  }

  async everHad(workspace: string, personIds: readonly string[]): Promise<Team[]> {
    const wanted = new Set(personIds);
    // Picked before sorting and copying: only the few matching teams are.
    return this.shards
      .matching((t) => t.workspace === workspace && t.members.some((m) => wanted.has(m.personId)))
      .map(clone);
  }

  async create(team: Team): Promise<Created<Team>> {
    const valid = TeamSchema.parse(team);
    return this.engine.mutate(this.shards.doc(valid.id), (s) => {
      const existing = s.teams[valid.id];
      if (existing) return { record: clone(existing), created: false };
      s.teams[valid.id] = valid;
      return { record: clone(valid), created: true };
    });
  }

  async update(id: string, change: Change<Team>): Promise<Team | undefined> {
    const doc = this.shards.doc(id);
    const current = doc.data.teams[id];
    if (!current) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = TeamSchema.parse({ ...proposed, id });
    return this.engine.mutate(doc, (s) => {
      s.teams[id] = next;
      return clone(next);
    });
  }

  async remove(id: string): Promise<boolean> {
    const doc = this.shards.doc(id);
    if (!doc.data.teams[id] && !doc.data.weeks[id]) return false;
    return this.engine.mutate(doc, (d) => {
      const existed = Boolean(d.teams[id]);
      delete d.teams[id];
      delete d.weeks[id];
      return existed;
    });
  }

  /** The person leaves every team they were a member or lead of (part of an erasure). */
  async forgetPerson(personId: string): Promise<void> {
    for (const doc of this.shards.loaded()) {
      const theirs = Object.values(doc.data.teams).some((t) => t.members.some((m) => m.personId === personId) || t.leads.includes(personId));
      if (!theirs) continue;
      await this.engine.mutate(doc, (s) => {
        for (const team of Object.values(s.teams)) {
          team.members = team.members.filter((m) => m.personId !== personId);
          team.leads = team.leads.filter((l) => l !== personId);
        }
      });
    }
  }
}
