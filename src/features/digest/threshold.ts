import type { AppConfig } from '../../config.js';
import type { Team } from '../../core/model/team.js';

/** The smallest number of distinct people any shown figure may come from: the team's, else the configured default, never below 3. */
export function teamThreshold(team: Team, config: Pick<AppConfig, 'minRespondents'>): number {
  return Math.max(3, team.threshold ?? config.minRespondents);
}
