/**
 * Slack's documented Block Kit limits, checked the way Slack refuses a payload (`invalid_blocks`).
 * Used by the fake Slack on everything the app sends, and by the render-everything test.
 */
type Obj = Record<string, unknown>;
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function blockKitProblems(blocks: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks in a ${surface} (at most ${MAX_BLOCKS[surface]})`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `blocks[${i}]`;
    // An action_id is unique within its block.
    const actionIds = new Set<string>();
    if (!isObj(b)) return problems.push(`${at} is not an object`);
    if (b.block_id !== undefined) {
      const id = String(b.block_id);
      if (id.length > 255) problems.push(`${at}.block_id over 255`);
      if (blockIds.has(id)) problems.push(`${at}.block_id "${id}" repeated`);
      blockIds.add(id);
    }
    const el = (e: unknown, where: string) => element(e, where, problems, actionIds);
    switch (b.type) {
      case 'section':
        if (b.text === undefined && b.fields === undefined) problems.push(`${at} has neither text nor fields`);
        if (b.text !== undefined) text(b.text, `${at}.text`, 3000, problems);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length === 0 || b.fields.length > 10) problems.push(`${at}.fields holds 1-10 items`);
          else b.fields.forEach((f, j) => text(f, `${at}.fields[${j}]`, 2000, problems));
        }
        if (b.accessory !== undefined) el(b.accessory, `${at}.accessory`);
        break;
      case 'header':
        text(b.text, `${at}.text`, 150, problems, 'plain_text');
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) problems.push(`${at}.elements holds 1-10 items`);
        else b.elements.forEach((e, j) => text(e, `${at}.elements[${j}]`, 3000, problems));
        break;
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) problems.push(`${at}.elements holds 1-25 items`);
        else b.elements.forEach((e, j) => el(e, `${at}.elements[${j}]`));
        break;
      case 'divider':
        break;
      case 'input':
        if (surface === 'message') problems.push(`${at}: input blocks belong in modals`);
        text(b.label, `${at}.label`, 2000, problems, 'plain_text');
        if (b.hint !== undefined) text(b.hint, `${at}.hint`, 2000, problems, 'plain_text');
        el(b.element, `${at}.element`);
        break;
      case 'image':
        if (typeof b.image_url !== 'string' && !isObj(b.slack_file)) problems.push(`${at} needs image_url`);
        break;
      default:
        problems.push(`${at}.type "${String(b.type)}" is not a block Attune should send`);
    }
  });
  return problems;
}

/** A modal or Home view (views.open/push/update/publish, or a view_submission's response_action). */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ['view is not an object'];
  const problems: string[] = [];
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  if (view.type !== 'home' && view.type !== 'modal') problems.push(`view.type "${String(view.type)}"`);
  if (surface === 'modal') {
    text(view.title, 'view.title', 24, problems, 'plain_text');
    if (view.submit !== undefined) text(view.submit, 'view.submit', 24, problems, 'plain_text');
    if (view.close !== undefined) text(view.close, 'view.close', 24, problems, 'plain_text');
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) problems.push('a modal with inputs needs submit');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) problems.push('view.private_metadata over 3000');
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) problems.push('view.callback_id over 255');
  problems.push(...blockKitProblems(view.blocks, surface));
  return problems;
}

/** A message body: chat.postMessage arguments or a response_url post. */
export function messageProblems(body: Obj): string[] {
  const problems: string[] = [];
  if (typeof body.text === 'string' && body.text.length > 40_000) problems.push('text over 40000');
  if ((body.text === undefined || body.text === '') && body.blocks === undefined) problems.push('no text and no blocks');
  if (body.blocks !== undefined) problems.push(...blockKitProblems(body.blocks, 'message'));
  return problems;
}

function element(e: unknown, at: string, problems: string[], actionIds: Set<string>): void {
  if (!isObj(e)) return void problems.push(`${at} is not an object`);
  if (e.action_id !== undefined) {
    const id = String(e.action_id);
    if (id.length > 255) problems.push(`${at}.action_id over 255`);
    if (actionIds.has(id)) problems.push(`${at}.action_id "${id}" repeated`);
    actionIds.add(id);
  }
  switch (e.type) {
    case 'button':
      text(e.text, `${at}.text`, 75, problems, 'plain_text');
      if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length === 0 || e.value.length > 2000)) problems.push(`${at}.value holds 1-2000 characters`);
      break;
    case 'static_select': {
      text(e.placeholder, `${at}.placeholder`, 150, problems, 'plain_text');
      if (!Array.isArray(e.options) || e.options.length === 0 || e.options.length > 100) problems.push(`${at}.options holds 1-100 items`);
      else e.options.forEach((o, j) => option(o, `${at}.options[${j}]`, problems));
      if (e.initial_option !== undefined) option(e.initial_option, `${at}.initial_option`, problems);
      break;
    }
    case 'plain_text_input':
      if (e.max_length !== undefined && (typeof e.max_length !== 'number' || e.max_length < 1 || e.max_length > 3000)) problems.push(`${at}.max_length is 1-3000`);
      if (typeof e.initial_value === 'string' && typeof e.max_length === 'number' && e.initial_value.length > e.max_length) problems.push(`${at}.initial_value longer than max_length`);
      if (e.placeholder !== undefined) text(e.placeholder, `${at}.placeholder`, 150, problems, 'plain_text');
      break;
    default:
      problems.push(`${at}.type "${String(e.type)}" is not an element Attune should send`);
  }
}

function option(o: unknown, at: string, problems: string[]): void {
  if (!isObj(o)) return void problems.push(`${at} is not an object`);
  text(o.text, `${at}.text`, 75, problems, 'plain_text');
  if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150) problems.push(`${at}.value holds 1-150 characters`);
  if (o.description !== undefined) text(o.description, `${at}.description`, 75, problems, 'plain_text');
}

function text(t: unknown, at: string, max: number, problems: string[], only?: 'plain_text'): void {
  if (!isObj(t) || (t.type !== 'plain_text' && t.type !== 'mrkdwn')) return void problems.push(`${at} is not a text object`);
  if (only && t.type !== only) problems.push(`${at} must be ${only}`);
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at}.text is empty`);
  else if (t.text.length > max) problems.push(`${at}.text has ${t.text.length} characters (at most ${max})`);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
