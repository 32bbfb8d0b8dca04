import type { NudgeState, SupportResources } from '../model/nudges.js';
import type { Change } from './common.js';

/** Each person's nudge settings and recent nudges, and each workspace's support resources. */
export interface NudgesRepository {
  /** An empty state when the person has none. */
  get(personId: string): Promise<NudgeState>;
  /** `change` gets the current state (an empty one when none is stored); the result is stored. */
  update(personId: string, change: Change<NudgeState>): Promise<NudgeState>;
  supportResources(workspace: string): Promise<SupportResources | undefined>;
  /** Sets (or with undefined, clears) a workspace's support resources. */
  setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void>;
}
