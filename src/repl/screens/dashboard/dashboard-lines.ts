// The dashboard as styled lines (pure), drawn through the scroll view so it scrolls on a short
// terminal: the totals, the two mastery tables (side by side when wide enough, else stacked with
// only the answered rows), the weakest topics and the mock exam history.
import { line, type StyledLine } from '../../styled-line.js';
import { percentBar } from '../exam/exam-view.js';
import type { DashboardModel, MasteryRow } from './dashboard-model.js';

const BAR_WIDTH = 8;
/** From this width the two mastery tables sit side by side. */
export const SIDE_BY_SIDE_COLUMNS = 78;
const TABLE_GAP = 2;

function masteryLines(title: string, rows: readonly MasteryRow[], labelWidth: number, isCompact: boolean): StyledLine[] {
  const shown = isCompact ? rows.filter((row) => row.total > 0) : rows;
  const header = line(`${title}${shown.length === 0 ? ': nothing answered yet' : ''}`, undefined, true);
  return [
    header,
    ...shown.map((row) => {
      const percent = row.percent === null ? '   –' : `${String(row.percent).padStart(3)}%`;
      return line(`${row.label.padEnd(labelWidth)} ${percentBar(row.percent ?? 0, BAR_WIDTH)} ${percent} ${row.correct}/${row.total}`, row.total === 0 ? 'muted' : undefined);
    }),
  ];
}

const textOf = (styled: StyledLine): string => styled.map((segment) => segment.text).join('');

/** Two columns of lines joined row by row, the left one padded to its widest line. */
function sideBySide(left: readonly StyledLine[], right: readonly StyledLine[]): StyledLine[] {
  const width = Math.max(...left.map((styled) => textOf(styled).length)) + TABLE_GAP;
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => {
    const leftLine = left[i] ?? [];
    const pad = { text: ' '.repeat(width - textOf(leftLine).length) };
    return [...leftLine, pad, ...(right[i] ?? [])];
  });
}

export function dashboardLines(model: DashboardModel, columns: number): StyledLine[] {
  const { summary } = model;
  const isCompact = columns < SIDE_BY_SIDE_COLUMNS;
  const accuracy = summary.accuracyPercent === null ? '' : `, ${summary.accuracyPercent}% right`;
  const services = masteryLines('Mastery by service', model.services, 10, isCompact);
  const domains = masteryLines('By exam domain', model.domains, 19, isCompact);
  const weakest = model.weakest.length === 0 ? 'none yet (a topic needs 2 answers)' : model.weakest.map((row) => `${row.label} ${row.percent ?? 0}% (${row.correct}/${row.total})`).join(' · ');
  return [
    line(`Streak ${summary.streakDays} day(s) · ${model.dueToday} review(s) due today · ${summary.attempts} answers${accuracy} · ${summary.activeDays} active day(s)`),
    [],
    ...(isCompact ? [...services, [], ...domains] : sideBySide(services, domains)),
    [],
    [{ text: 'Weakest topics: ', isBold: true }, { text: weakest }],
    line(`Mock exams${model.exams.length === 0 ? ': none yet' : ' (scaled scores are estimates)'}`, undefined, true),
    ...model.exams.map((exam): StyledLine => [
      { text: `${exam.day} ${exam.exam} ${exam.correct}/${exam.total} (${exam.percent}%) · ${exam.scaledScore} · ` },
      { text: exam.isPassed ? 'PASS' : 'FAIL', tone: exam.isPassed ? 'success' : 'error' },
    ]),
  ];
}
