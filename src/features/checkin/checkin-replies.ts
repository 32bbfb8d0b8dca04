import { CHECKIN_SCALES } from '../../content/checkin-scales.js';
import type { CommandContext } from '../../core/command.js';
import { MAX_NOTE, type CheckIn } from '../../core/model/history.js';
import { heading, privateReply, text, type Block, type FormField, type Reply } from '../../core/reply.js';
import { MAX_TEXT_ANSWER, type AskedQuestion } from '../teams/questions.js';
import { replaceQuestion } from '../replace-question.js';

type Ctx = Pick<CommandContext, 'content'>;

export const CHECKIN_COMMAND = 'checkin';

/** "mood 4 (good), energy 3 (steady), stress 2 (relaxed)" */
export function describeScores(ctx: Ctx, c: Pick<CheckIn, 'mood' | 'energy' | 'stress'>): string {
  return CHECKIN_SCALES.map((s) => {
    const wording = ctx.content.checkin[s];
    return `${wording.label.toLowerCase()} ${c[s]} (${wording.labels[c[s]]})`;
  }).join(', ');
}

/** The check-in form: the three scales, the note and whether to share it (5 fields, Discord's modal limit). */
export function checkInFormReply(ctx: Ctx, today?: CheckIn): Reply {
  const copy = ctx.content.copy;
  const scales: FormField[] = CHECKIN_SCALES.map((s) => {
    const w = ctx.content.checkin[s];
    return { kind: 'scale', id: s, label: w.question, min: 1, max: 5, labels: w.labels, required: true };
  });
  const fields: FormField[] = [
    ...scales,
    { kind: 'text', id: 'note', label: copy('checkin.noteLabel'), hint: copy('checkin.noteHint'), multiline: true, required: false, maxLength: MAX_NOTE },
    {
      kind: 'choice',
      id: 'share',
      label: copy('checkin.shareLabel'),
      required: false,
      initial: 'no',
      askIf: 'note',
      options: [
        { label: copy('checkin.shareNo'), value: 'no' },
        { label: copy('checkin.shareYes'), value: 'yes' },
      ],
    },
  ];
  const intro = today ? `${copy('checkin.intro')}\n${copy('checkin.formAgain', { scores: describeScores(ctx, today) })}` : copy('checkin.intro');
  return privateReply(`${copy('checkin.title')}\n${intro}`, [
    heading(copy('checkin.title')),
    text(intro, 'muted'),
    { type: 'form', id: 'checkin', title: copy('checkin.formTitle'), submitLabel: copy('checkin.submit'), fields, action: { command: CHECKIN_COMMAND, action: 'submit' } },
  ]);
}

/** A form of team questions (each optional), submitted to the `custom` action. */
export function customQuestionsBlocks(ctx: Ctx, questions: AskedQuestion[], lead?: string): Block[] {
  const copy = ctx.content.copy;
  const fields: FormField[] = questions.map((q) =>
    q.kind === 'scale'
      ? { kind: 'scale', id: q.id, label: q.text, min: 1, max: 5, required: false }
      : { kind: 'text', id: q.id, label: q.text, required: false, maxLength: MAX_TEXT_ANSWER },
  );
  return [
    ...(lead ? [text(lead)] : []),
    text(copy('checkin.customIntro'), 'muted'),
    { type: 'form', id: 'custom', title: copy('checkin.customTitle'), submitLabel: copy('checkin.submit'), fields, action: { command: CHECKIN_COMMAND, action: 'custom' } },
  ];
}

export function replaceQuestionReply(ctx: Ctx, existing: CheckIn, pending: CheckIn): Reply {
  const copy = ctx.content.copy;
  const message = copy('checkin.alreadyToday', { first: describeScores(ctx, existing), second: describeScores(ctx, pending) });
  const labels = { question: copy('checkin.replaceQuestion'), yes: copy('checkin.replaceYes'), no: copy('checkin.replaceNo') };
  return replaceQuestion(message, labels, { command: CHECKIN_COMMAND, action: 'replace' });
}

/** The line saying who can read the note. */
export function noteLine(ctx: Ctx, checkIn: CheckIn, hasLead: boolean): string | undefined {
  const copy = ctx.content.copy;
  if (!checkIn.note) return undefined;
  if (!checkIn.shareNote) return copy('checkin.notePrivate');
  return hasLead ? copy('checkin.noteShared') : copy('checkin.noteSharedNoLead');
}
