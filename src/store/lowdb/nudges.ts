import { emptyNudgeState, NudgeStateSchema, SupportResourcesSchema, type NudgeState, type SupportResources } from '../../core/model/nudges.js';
import type { Change, NudgesRepository } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';

/** Each person's nudge state in their shard; each workspace's support resources in state.json. */
export class LowdbNudges implements NudgesRepository {
  constructor(private readonly engine: LowdbEngine) {}

  async get(personId: string): Promise<NudgeState> {
    const state = this.engine.persons.nudgeState(personId);
    return state ? clone(state) : emptyNudgeState();
  }

  async update(personId: string, change: Change<NudgeState>): Promise<NudgeState> {
    const current = this.engine.persons.nudgeState(personId);
    const next = NudgeStateSchema.parse(change(current ? clone(current) : emptyNudgeState()));
    return this.engine.mutate(this.engine.persons.doc(personId), (s) => {
      s.nudges[personId] = next;
      return clone(next);
    });
  }

  async supportResources(workspace: string): Promise<SupportResources | undefined> {
    const found = this.engine.state.data.nudges.resources[workspace];
    return found && clone(found);
  }

  async setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void> {
    const valid = resources && SupportResourcesSchema.parse(resources);
    await this.engine.mutate(this.engine.state, (s) => {
      if (valid) s.nudges.resources[workspace] = valid;
      else delete s.nudges.resources[workspace];
    });
  }
}
