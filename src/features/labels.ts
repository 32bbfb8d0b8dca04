import type { EiComponent } from '../core/model/history.js';

const COMPONENT_LABELS: Record<EiComponent, string> = {
  'self-awareness': 'Self-awareness',
  'self-regulation': 'Self-regulation',
  motivation: 'Motivation',
  empathy: 'Empathy',
  'social-skills': 'Social skills',
};

export function componentLabel(component: EiComponent): string {
  return COMPONENT_LABELS[component];
}
