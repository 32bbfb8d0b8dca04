import { leadsTeam } from '../../core/access.js';
import type { AppContext } from '../../core/app-context.js';
import type { DigestWeek, ScoreStats, Theme } from '../../core/model/digest-week.js';
import type { Person } from '../../core/model/person.js';
import type { Team } from '../../core/model/team.js';
import { divider, fields, heading, text, type Block, type Reply } from '../../core/reply.js';
import type { LocalDate } from '../../core/time.js';
import { componentLabel } from '../labels.js';
import { trendChart } from './chart.js';
import { frozenWeeks, visibleWeek } from './frozen-weeks.js';
import { coachingTip, participation, signals } from './signals.js';
import { sparkline } from './sparkline.js';
import { everMembers, loadCheckIns, teamCheckIns } from './team-checkins.js';
import { teamThreshold } from './threshold.js';
import { completeWeeks } from './weeks.js';
import { teamActivityBlocks } from '../practice/team-counts.js';

type Ctx = Pick<AppContext, 'store' | 'config' | 'clock' | 'content' | 'random'> & Partial<Pick<AppContext, 'log'>>;

/** The digest's figures: what a lead or admin may see of a team, week by week (oldest first). */
export interface DigestData {
  team: Team;
  threshold: number;
  weeks: DigestWeek[];
  /** Notes whose authors chose to share them with their lead by name; only for the team's leads. */
  shared: Array<{ name: string; date: LocalDate; note: string }>;
  /** Members whose history could not be read (a damaged file): left out of these figures. */
  unreadable: number;
}

/** Computes (or reads the frozen) weeks and applies today's threshold. `viewer` decides the shared notes. */
export async function digestData(app: Ctx, viewer: Person, team: Team, today: LocalDate): Promise<DigestData> {
  const threshold = teamThreshold(team, app.config);
  const unreadable = new Set<string>();
  const weeks = (await frozenWeeks(app, team, completeWeeks(today), { unreadable })).map((w) => visibleWeek(w, threshold));
  const latest = weeks[weeks.length - 1]!;
  let shared: DigestData['shared'] = [];
  if (leadsTeam(viewer, team)) {
    // Shared notes are read live, never frozen: a person who erases their data takes them along. A note goes
    // only to the leads who led one of the author's teams when it was written ("nobody else reads it" holds).
    const mine = teamCheckIns(team, await loadCheckIns(app.store, everMembers(team), { from: latest.from, to: latest.to }, unreadable));
    const notes = mine.filter((c) => c.shareNote && c.note && (c.sharedWith ?? []).includes(viewer.id));
    const names = new Map<string, string>();
    for (const c of notes) if (!names.has(c.personId)) names.set(c.personId, (await app.store.people.get(c.personId))?.name ?? c.personId);
    shared = notes
      .map((c) => ({ name: names.get(c.personId)!, date: c.localDate, note: c.note! }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  }
  // Operators learn which file to fix from store:check; the log names how many, never what they hold.
  if (unreadable.size) app.log?.error({ team: team.id, people: unreadable.size }, 'digest left out history that could not be read; run npm run store:check');
  return { team, threshold, weeks, shared, unreadable: unreadable.size };
}

export async function buildDigest(app: Ctx, viewer: Person, team: Team, today: LocalDate): Promise<Reply> {
  const data = await digestData(app, viewer, team, today);
  return withBlocks(renderDigest(app, data), teamActivityBlocks(app, data.weeks[data.weeks.length - 1]!));
}

/** Practice and thanks counts, added after the figures (before the chart); they hold their own threshold rule. */
function withBlocks(reply: Reply, extra: Block[]): Reply {
  const at = reply.blocks.findIndex((b) => b.type === 'image');
  const blocks = at < 0 ? [...reply.blocks, ...extra] : [...reply.blocks.slice(0, at), ...extra, ...reply.blocks.slice(at)];
  return { ...reply, blocks, text: fallback(blocks) };
}

const fmt = (x: number) => x.toFixed(1);

/** The reply: a text fallback holding everything, blocks for the platforms, and the chart. */
export function renderDigest(app: Pick<AppContext, 'content'>, data: DigestData): Reply {
  const copy = app.content.copy;
  const { team, threshold, weeks } = data;
  const latest = weeks[weeks.length - 1]!;
  const previous = weeks[weeks.length - 2];
  const blocks: Block[] = [heading(copy('digest.title', { team: team.name })), text(copy('digest.period', { from: latest.from, to: latest.to, threshold }), 'muted')];
  if (data.unreadable) blocks.push(text(copy('digest.unreadable', { count: data.unreadable }), 'muted'));

  const pNow = participation(latest);
  const pBefore = previous ? participation(previous) : undefined;
  const pChange =
    pNow === undefined || pBefore === undefined
      ? ''
      : Math.round(pNow) > Math.round(pBefore)
        ? copy('digest.pointsUp', { points: Math.round(pNow) - Math.round(pBefore) })
        : Math.round(pNow) < Math.round(pBefore)
          ? copy('digest.pointsDown', { points: Math.round(pBefore) - Math.round(pNow) })
          : copy('digest.pointsSame');
  const pValue =
    latest.withheld === 'too-few'
      ? // The threshold the week was frozen under: that is what its count was compared with.
        copy('digest.participationFew', { threshold: latest.threshold, members: latest.members })
      : pNow === undefined
        ? latest.members === 0
          ? copy('digest.participationNone')
          : copy('digest.participationWithheld')
        : copy('digest.participationValue', { respondents: latest.respondents!, members: latest.members, percent: Math.round(pNow), change: pChange });
  const rows: Array<[string, string]> = [
    [copy('digest.participation'), `${pValue} · ${copy('digest.trend', { spark: sparkline(weeks.map(participation), 0, 100) })}`],
  ];

  if (latest.withheld) {
    blocks.push(fields(rows), text(copy(`digest.withheld.${latest.withheld}`, { threshold: latest.withheld === 'too-few' ? latest.threshold : threshold, frozen: latest.threshold })));
  } else {
    for (const key of ['mood', 'energy', 'stress'] as const) {
      rows.push([copy(`digest.${key}`), scoreLine(app, latest[key]!, previous?.withheld ? undefined : previous?.[key], sparkline(weeks.map((w) => w[key]?.mean), 1, 5))]);
    }
    blocks.push(fields(rows));
    blocks.push(
      text(
        latest.themes.length
          ? copy('digest.themes', { threshold, list: themeList(app, latest.themes) })
          : copy('digest.themesNone', { threshold }),
      ),
    );
    const custom = customLines(app, data, latest);
    if (custom.length) blocks.push(text(`${copy('digest.customTitle')}\n${custom.join('\n')}`));
  }

  const found = signals(latest, previous);
  blocks.push(divider(), heading(copy('digest.signalsTitle')));
  if (found.length === 0) blocks.push(text(copy('digest.signalsNone')));
  for (const s of found) {
    const tip = coachingTip(app.content.coaching, s.kind, latest.from, team.id);
    blocks.push(text(`${copy(`digest.signal.${s.kind}`, { ...s.vars, threshold })}\n${copy('digest.coaching', { component: componentLabel(tip.component), tip: tip.text })}`));
  }

  const slug = team.id.slice(team.id.lastIndexOf('/') + 1);
  if (data.shared.length) blocks.push(...sharedNotes(app, data, slug));

  const chart = trendChart(
    copy('digest.chartTitle', { team: team.name }),
    weeks.map((w) => ({
      week: w.from,
      ...(participation(w) !== undefined ? { participation: participation(w)! } : {}),
      ...(w.mood ? { mood: w.mood.mean } : {}),
      ...(w.energy ? { energy: w.energy.mean } : {}),
      ...(w.stress ? { stress: w.stress.mean } : {}),
    })),
  );
  blocks.push({ type: 'image', alt: copy('digest.chartAlt', { team: team.name }), filename: `digest-${slug}-${latest.from}.png`, data: chart, mime: 'image/png' });

  return { text: fallback(blocks), blocks, private: true };
}

/** Characters of shared notes shown in the digest itself; the rest goes to an attached file. */
const SHARED_INLINE_CHARS = 2500;

/**
 * Shared notes, designed to fit every platform whatever the team's size: as many whole notes as fit
 * in one quote block, and when that is not all of them, a line saying so and a text file with every
 * note (the digest is private to the lead, and so is the file).
 */
function sharedNotes(app: Pick<AppContext, 'content'>, data: DigestData, slug: string): Block[] {
  const copy = app.content.copy;
  const items = data.shared.map((s) => copy('digest.sharedItem', s));
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    if (length + item.length + 2 > SHARED_INLINE_CHARS) break;
    shown.push(item);
    length += item.length + 2;
  }
  const blocks: Block[] = [divider(), heading(copy('digest.sharedTitle')), text(copy('digest.sharedIntro'), 'muted')];
  if (shown.length) blocks.push(text(shown.join('\n\n'), 'quote'));
  if (shown.length === items.length) return blocks;
  const latest = data.weeks[data.weeks.length - 1]!;
  const file = `shared-notes-${slug}-${latest.from}.txt`;
  const title = copy('digest.sharedFileTitle', { team: data.team.name, from: latest.from, to: latest.to });
  blocks.push(text(copy('digest.sharedMore', { shown: shown.length, total: items.length, file }), 'muted'));
  blocks.push({ type: 'file', filename: file, mime: 'text/plain', title, data: new TextEncoder().encode(`${title}\n\n${items.join('\n\n')}\n`) });
  return blocks;
}

function scoreLine(app: Pick<AppContext, 'content'>, now: ScoreStats, before: ScoreStats | undefined, spark: string): string {
  const copy = app.content.copy;
  const delta = before ? Math.round((now.mean - before.mean) * 10) / 10 : undefined;
  const change =
    delta === undefined
      ? copy('digest.changeNone')
      : delta > 0
        ? copy('digest.changeUp', { delta: fmt(delta), before: fmt(before!.mean) })
        : delta < 0
          ? copy('digest.changeDown', { delta: fmt(-delta), before: fmt(before!.mean) })
          : copy('digest.changeSame');
  return copy('digest.scoreValue', { mean: fmt(now.mean), change, distribution: distributionText(app, now.distribution), spark });
}

/**
 * The distribution as shown. When one score holds all or all but one of the people counted, the counts
 * would read as "everyone answered 2" (homogeneity): it is coarsened to "nearly all at 2".
 */
function distributionText(app: Pick<AppContext, 'content'>, distribution: readonly number[]): string {
  const total = distribution.reduce((a, b) => a + b, 0);
  const top = Math.max(...distribution);
  if (total > 0 && top >= total - 1) return app.content.copy('digest.distributionMostly', { score: distribution.indexOf(top) + 1 });
  return distribution.join(' · ');
}

function themeList(app: Pick<AppContext, 'content'>, themes: readonly Theme[]): string {
  return themes.map((t) => app.content.copy('digest.themeItem', { term: t.term, people: t.people })).join(', ');
}

function customLines(app: Pick<AppContext, 'content'>, data: DigestData, week: DigestWeek): string[] {
  const copy = app.content.copy;
  const { threshold } = data;
  return data.team.questions.map((q) => {
    const agg = week.custom.find((c) => c.id === q.id && c.kind === q.kind);
    if (agg?.withheld) return copy('digest.customWithheld', { question: q.text });
    if (!agg || (!agg.stats && !agg.themes)) return copy('digest.customTooFew', { question: q.text, threshold });
    if (agg.stats) return copy('digest.customScale', { question: q.text, mean: fmt(agg.stats.mean), respondents: agg.respondents, distribution: distributionText(app, agg.stats.distribution) });
    return agg.themes!.length ? copy('digest.customText', { question: q.text, list: themeList(app, agg.themes!) }) : copy('digest.customTextNone', { question: q.text, threshold });
  });
}

function fallback(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'text') lines.push(b.style === 'quote' ? `> ${b.text}` : b.text);
    else if (b.type === 'fields') for (const f of b.fields) lines.push(`${f.label}: ${f.value}`);
    else if (b.type === 'divider') lines.push('');
  }
  return lines.join('\n');
}
