/** The Block Kit JSON Attune emits, kept as plain objects so the renderers stay pure and testable. */
export type SlackText = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };

export type SlackBlock = { type: string; block_id?: string } & Record<string, unknown>;

export interface SlackOption {
  text: { type: 'plain_text'; text: string };
  value: string;
  description?: { type: 'plain_text'; text: string };
}

/** Slack's caps, from the Block Kit reference. */
export const SLACK = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  viewTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  textInputMax: 3000,
  messageBlocks: 50,
  viewBlocks: 100,
} as const;

export function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value;
}

/** Escapes the three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const plain = (text: string, max: number = SLACK.sectionText): { type: 'plain_text'; text: string } => ({ type: 'plain_text', text: clip(text, max) });

export const mrkdwn = (text: string): { type: 'mrkdwn'; text: string } => ({ type: 'mrkdwn', text: clip(text, SLACK.sectionText) });

export function option(label: string, value: string, description?: string): SlackOption {
  return {
    text: plain(label, SLACK.optionText),
    value,
    ...(description ? { description: plain(description, SLACK.optionText) } : {}),
  };
}
