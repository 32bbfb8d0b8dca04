import { z } from 'zod';
import type { ActionRef, Block, FormField } from '../../core/reply.js';
import { escapeMrkdwn, mrkdwn, option, plain, SLACK, type SlackBlock } from './block-kit.js';
import { renderStatic, type RenderLabels } from './render-blocks.js';

type FormBlock = Extract<Block, { type: 'form' }>;

/** Every Attune modal has this callback_id; what it submits to travels in private_metadata. */
export const FORM_CALLBACK_ID = 'attune_form';
/** The action_id of the one element inside each input block. */
export const INPUT_ACTION_ID = 'value';

/** A field's rule, small enough for private_metadata (3,000 characters). */
const FieldRule = z.union([
  z.tuple([z.string(), z.literal('t'), z.number(), z.number()]), // id, text, required, maxLength
  z.tuple([z.string(), z.literal('s'), z.number(), z.number(), z.number()]), // id, scale, required, min, max
  z.tuple([z.string(), z.literal('c'), z.number()]), // id, choice, required
]);

const FormMetadata = z.object({
  c: z.string().min(1),
  a: z.string().min(1),
  f: z.array(FieldRule).max(10),
  /** The slash command's response_url, so the result goes back where the person asked. */
  r: z.string().url().optional(),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

export interface ModalLabels extends RenderLabels {
  cancel: string;
  /** Said under a modal's introduction when it was too long to show whole. */
  shortened: string;
}

/** The modal for a form: the reply's other static blocks as context above one input block per field. Pure. */
export function renderModal(form: FormBlock, context: Block[], labels: ModalLabels, responseUrl?: string): Record<string, unknown> {
  const metadata: FormMetadata = { c: form.action.command, a: form.action.action, f: form.fields.map(fieldRule), ...(responseUrl ? { r: responseUrl } : {}) };
  const inputs = form.fields.map((f) => renderInput(f, labels));
  const above = context.flatMap((b) => (b.type === 'scale' || b.type === 'choice' ? [] : renderStatic(b, labels)));
  // A modal holds 100 blocks. The text above the inputs only introduces them: past the room left, it
  // ends with a line saying it was shortened rather than stopping mid-way unannounced.
  const room = SLACK.viewBlocks - inputs.length;
  const intro = above.length <= room ? above : [...above.slice(0, room - 1), { type: 'context', elements: [mrkdwn(escapeMrkdwn(labels.shortened))] }];
  const blocks: SlackBlock[] = [...intro, ...inputs];
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, SLACK.viewTitle),
    submit: plain(form.submitLabel, SLACK.viewTitle),
    close: plain(labels.cancel, SLACK.viewTitle),
    blocks,
  };
}

function fieldRule(field: FormField): z.infer<typeof FieldRule> {
  const required = field.required === false || (field.kind === 'text' && !field.required) ? 0 : 1;
  switch (field.kind) {
    case 'text':
      return [field.id, 't', required, field.maxLength];
    case 'scale':
      return [field.id, 's', required, field.min, field.max];
    case 'choice':
      return [field.id, 'c', required];
  }
}

function renderInput(field: FormField, labels: RenderLabels): SlackBlock {
  const optional = fieldRule(field)[2] === 0;
  const base = { type: 'input', block_id: field.id, optional, label: plain(field.label, SLACK.inputLabel) };
  switch (field.kind) {
    case 'text':
      return {
        ...base,
        ...(field.hint ? { hint: plain(field.hint, SLACK.inputHint) } : {}),
        element: {
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          multiline: Boolean(field.multiline),
          // Slack caps max_length at 3,000; a longer limit is enforced on submission instead.
          ...(field.maxLength <= SLACK.textInputMax ? { max_length: field.maxLength } : {}),
          ...(field.placeholder ? { placeholder: plain(field.placeholder, SLACK.placeholder) } : {}),
          ...(field.initial ? { initial_value: field.initial } : {}),
        },
      };
    case 'scale': {
      const options = [];
      for (let n = field.min; n <= field.max; n++) options.push(option(field.labels?.[n] ? `${n} ${field.labels[n]}` : String(n), String(n)));
      return { ...base, element: { type: 'static_select', action_id: INPUT_ACTION_ID, placeholder: plain(labels.choose, SLACK.placeholder), options } };
    }
    case 'choice': {
      const options = field.options.map((o) => option(o.label, o.value, o.description));
      const initial = options.find((o) => o.value === field.initial);
      return { ...base, element: { type: 'static_select', action_id: INPUT_ACTION_ID, placeholder: plain(labels.choose, SLACK.placeholder), options, ...(initial ? { initial_option: initial } : {}) } };
    }
  }
}

/** The form a modal submits to, or undefined when its metadata is not Attune's (or is damaged). */
export function readFormMetadata(privateMetadata: string | undefined): (FormMetadata & { ref: ActionRef }) | undefined {
  if (!privateMetadata) return undefined;
  try {
    const parsed = FormMetadata.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? { ...parsed.data, ref: { command: parsed.data.c, action: parsed.data.a } } : undefined;
  } catch {
    return undefined;
  }
}

/** What Slack sends in view.state.values: block_id -> action_id -> element state. */
export type ViewStateValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null }>>;

export interface SubmissionMessages {
  required(): string;
  tooLong(max: number, length: number): string;
  scale(min: number, max: number): string;
  choice(): string;
}

/**
 * Validates a submitted form against its rules (required, text length, scale range, known option).
 * Returns the values by field id, or the errors by block id for `response_action: 'errors'`.
 */
export function validateSubmission(
  meta: FormMetadata,
  state: ViewStateValues,
  viewBlocks: unknown[],
  messages: SubmissionMessages,
): { values: Record<string, string> } | { errors: Record<string, string> } {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const rule of meta.f) {
    const [id, kind, required] = rule;
    const element = state[id]?.[INPUT_ACTION_ID];
    const raw = (kind === 't' ? element?.value : element?.selected_option?.value) ?? '';
    const answer = kind === 't' ? raw.trim() : raw;
    if (answer === '') {
      if (required) errors[id] = messages.required();
      continue;
    }
    if (rule[1] === 't' && answer.length > rule[3]) errors[id] = messages.tooLong(rule[3], answer.length);
    else if (rule[1] === 's') {
      const n = Number(answer);
      if (!Number.isInteger(n) || n < rule[3] || n > rule[4]) errors[id] = messages.scale(rule[3], rule[4]);
    } else if (rule[1] === 'c' && !optionValues(viewBlocks, id).includes(answer)) errors[id] = messages.choice();
    if (!errors[id]) values[id] = answer;
  }
  return Object.keys(errors).length ? { errors } : { values };
}

/** The option values of a choice input, read from the view Slack echoes back (the view Attune built). */
function optionValues(viewBlocks: unknown[], blockId: string): string[] {
  const block = viewBlocks.find((b): b is { block_id: string; element?: { options?: Array<{ value?: unknown }> } } => typeof b === 'object' && b !== null && (b as { block_id?: unknown }).block_id === blockId);
  return (block?.element?.options ?? []).map((o) => String(o.value));
}

