import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { stableHash } from '../../core/hash.js';
import type { CustomQuestion, Team } from '../../core/model/team.js';
import type { Store } from '../../core/store/index.js';
import { handleOf } from './find-team.js';
import { managedTeam } from './team-admin.js';
import { currentTeamsOf } from './membership.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now' | 'config'>;

export const MAX_QUESTIONS = 3;
/** Max characters of an answer to a text question. */
export const MAX_TEXT_ANSWER = 200;
const MIN_TEXT = 3;
const MAX_TEXT = 150;
/** The longest `add` details: the kind (`scale` or `text`), a space, and the question. */
export const MAX_QUESTION_DETAILS = 'scale'.length + 1 + MAX_TEXT;

/** A team question with the team it belongs to, as asked in a check-in. */
export interface AskedQuestion extends CustomQuestion {
  teamId: string;
  teamName: string;
}

/**
 * Ids are unique across teams and never reused, because check-ins keep answers by question id and the
 * digest must not mix a removed question's answers with a new one's: team handle plus a hash of
 * (team, text, moment).
 */
function newQuestionId(team: Team, text: string, now: Date): string {
  const taken = new Set(team.questions.map((q) => q.id));
  for (let salt = 0; ; salt++) {
    const id = `${handleOf(team).slice(0, 32)}-${(stableHash(`${team.id}|${text}|${now.toISOString()}|${salt}`) % 36 ** 4).toString(36).padStart(4, '0')}`;
    if (!taken.has(id)) return id;
  }
}

export async function addQuestion(ctx: Ctx, teamRef: string, kind: string, rawText: string): Promise<{ team: Team; question: CustomQuestion }> {
  const found = await managedTeam(ctx, teamRef);
  const k = kind.trim().toLowerCase();
  if (k !== 'scale' && k !== 'text') throw new UserError(ctx.content.copy('team.questionBadKind', { value: kind }));
  const text = rawText.trim().replace(/\s+/g, ' ');
  if (text.length < MIN_TEXT || text.length > MAX_TEXT) throw new UserError(ctx.content.copy('team.questionLength', { min: MIN_TEXT, max: MAX_TEXT, length: text.length }));
  const full = () => new UserError(ctx.content.copy('team.questionsFull', { team: found.name, max: MAX_QUESTIONS }));
  if (found.questions.length >= MAX_QUESTIONS) throw full();
  let question: CustomQuestion | undefined;
  const team = await ctx.store.teams.update(found.id, (t) => {
    if (t.questions.length >= MAX_QUESTIONS) throw full();
    question = { id: newQuestionId(t, text, ctx.now), kind: k, text };
    return { ...t, questions: [...t.questions, question] };
  });
  return { team: team ?? found, question: question! };
}

/** Removes a question by its id or its number in the list (1-3). */
export async function removeQuestion(ctx: Ctx, teamRef: string, ref: string): Promise<{ team: Team; question: CustomQuestion }> {
  const team = await managedTeam(ctx, teamRef);
  const wanted = ref.trim().toLowerCase();
  const byNumber = /^\d$/.test(wanted) ? team.questions[Number(wanted) - 1] : undefined;
  const question = byNumber ?? team.questions.find((q) => q.id === wanted);
  if (!question) throw new UserError(ctx.content.copy('team.questionNotFound', { ref: ref.trim(), team: team.name }));
  const updated = await ctx.store.teams.update(team.id, (t) => ({ ...t, questions: t.questions.filter((q) => q.id !== question.id) }));
  return { team: updated ?? team, question };
}

export function listQuestions(ctx: Ctx, teamRef: string): Promise<Team> {
  return managedTeam(ctx, teamRef);
}

/** The questions of every team the person is in now, in team order, each once. */
export async function questionsFor(store: Pick<Store, 'teams'>, workspace: string, personId: string): Promise<AskedQuestion[]> {
  const out: AskedQuestion[] = [];
  for (const team of await currentTeamsOf(store, workspace, personId)) {
    for (const q of team.questions) if (!out.some((o) => o.id === q.id)) out.push({ ...q, teamId: team.id, teamName: team.name });
  }
  return out;
}
