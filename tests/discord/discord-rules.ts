import {
  ButtonBuilder,
  ComponentType,
  EmbedBuilder,
  embedLength,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  type APIEmbed,
} from 'discord.js';

/**
 * Discord's limits on what a bot sends, checked by rebuilding each part with discord.js's own builders
 * (their setters validate lengths and counts) plus the message-wide rules they don't see: 2,000
 * characters of content, 10 embeds, 6,000 embed characters in all, 5 rows, unique custom ids.
 * Used by the fake Discord (which then answers 50035 Invalid Form Body) and the render-everything test.
 */
type Obj = Record<string, unknown>;

export function messageProblems(body: unknown): string[] {
  if (!isObj(body)) return ['body is not an object'];
  const problems: string[] = [];
  if (typeof body.content === 'string' && body.content.length > 2000) problems.push(`content has ${body.content.length} characters (at most 2000)`);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds (at most 10)`);
  const total = embeds.reduce((n, e) => n + embedLength(e), 0);
  if (total > 6000) problems.push(`embeds hold ${total} characters (at most 6000)`);
  embeds.forEach((e, i) => attempt(problems, `embeds[${i}]`, () => embed(e)));
  const rows = Array.isArray(body.components) ? body.components : [];
  if (rows.length > 5) problems.push(`${rows.length} component rows (at most 5)`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (!isObj(row) || row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) return void problems.push(`components[${i}] is not an action row`);
    const items = row.components as Obj[];
    const selects = items.filter((c) => c.type === ComponentType.StringSelect).length;
    if (items.length === 0 || items.length > 5 || (selects && items.length > 1)) problems.push(`components[${i}] holds 1-5 buttons or one select`);
    items.forEach((c, j) => {
      const id = String(c.custom_id);
      if (ids.has(id)) problems.push(`custom_id "${id}" repeated`);
      ids.add(id);
      attempt(problems, `components[${i}][${j}]`, () => component(c));
    });
  });
  if (!body.content && embeds.length === 0 && rows.length === 0 && !(Array.isArray(body.attachments) && body.attachments.length)) problems.push('empty message');
  return problems;
}

export function modalProblems(data: unknown): string[] {
  if (!isObj(data)) return ['modal is not an object'];
  const problems: string[] = [];
  attempt(problems, 'modal', () => {
    const modal = new ModalBuilder().setCustomId(String(data.custom_id)).setTitle(String(data.title));
    const parts = Array.isArray(data.components) ? (data.components as Obj[]) : [];
    if (parts.length < 1 || parts.length > 5) throw new Error(`a modal holds 1-5 components, not ${parts.length}`);
    for (const part of parts) {
      if (part.type === ComponentType.Label) {
        const label = new LabelBuilder().setLabel(String(part.label));
        if (part.description !== undefined) label.setDescription(String(part.description));
        const inner = part.component as Obj;
        if (inner.type === ComponentType.TextInput) label.setTextInputComponent(textInput(inner, false));
        else if (inner.type === ComponentType.StringSelect) label.setStringSelectMenuComponent(select(inner));
        else throw new Error(`a label holds a text input or a select, not type ${String(inner.type)}`);
        modal.addLabelComponents(label);
      } else if (part.type === ComponentType.TextDisplay) {
        modal.addTextDisplayComponents(new TextDisplayBuilder().setContent(String(part.content)));
      } else if (part.type === ComponentType.ActionRow) {
        const [input] = part.components as Obj[];
        modal.addLabelComponents(new LabelBuilder().setLabel(String(input!.label)).setTextInputComponent(textInput(input!, false)));
        textInput(input!, true);
      } else throw new Error(`modal component type ${String(part.type)}`);
    }
    modal.toJSON();
  });
  return problems;
}

function embed(e: APIEmbed): void {
  const b = new EmbedBuilder();
  if (e.title !== undefined) b.setTitle(e.title);
  if (e.description !== undefined) b.setDescription(e.description);
  if (e.color !== undefined) b.setColor(e.color);
  if (e.fields) b.setFields(e.fields);
  if (e.image) b.setImage(e.image.url);
  if (e.footer) b.setFooter({ text: e.footer.text });
}

function component(c: Obj): void {
  if (c.type === ComponentType.Button) {
    new ButtonBuilder().setCustomId(String(c.custom_id)).setLabel(String(c.label)).setStyle(Number(c.style)).toJSON();
  } else if (c.type === ComponentType.StringSelect) select(c).toJSON();
  else throw new Error(`component type ${String(c.type)} is not one Attune sends`);
}

function select(c: Obj): StringSelectMenuBuilder {
  const options = (c.options as Obj[]).map((o) => {
    const b = new StringSelectMenuOptionBuilder().setLabel(String(o.label)).setValue(String(o.value));
    if (o.description !== undefined) b.setDescription(String(o.description));
    if (o.default !== undefined) b.setDefault(Boolean(o.default));
    return b;
  });
  const b = new StringSelectMenuBuilder().setCustomId(String(c.custom_id)).setOptions(options);
  if (c.placeholder !== undefined) b.setPlaceholder(String(c.placeholder));
  if (c.min_values !== undefined) b.setMinValues(Number(c.min_values));
  if (c.max_values !== undefined) b.setMaxValues(Number(c.max_values));
  if (c.required !== undefined) b.setRequired(Boolean(c.required));
  return b;
}

/** A text input; in an action row (the older layout) it carries its own label. */
function textInput(c: Obj, withLabel: boolean): TextInputBuilder {
  const b = new TextInputBuilder().setCustomId(String(c.custom_id)).setStyle(Number(c.style));
  if (withLabel) b.setLabel(String(c.label));
  if (c.required !== undefined) b.setRequired(Boolean(c.required));
  if (c.max_length !== undefined) b.setMaxLength(Number(c.max_length));
  if (c.min_length !== undefined) b.setMinLength(Number(c.min_length));
  if (c.placeholder !== undefined) b.setPlaceholder(String(c.placeholder));
  if (c.value !== undefined) b.setValue(String(c.value));
  return b;
}

function attempt(problems: string[], at: string, check: () => void): void {
  try {
    check();
  } catch (err) {
    problems.push(`${at}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
