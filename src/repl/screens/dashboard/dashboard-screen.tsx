// The progress dashboard: mastery bars per service and exam domain (side by side from 80 columns,
// stacked below), the streak and reviews due today, the weakest topics, the mock exam history. It
// reads the progress store once the answers just given are written (ProgressOutbox.settled).
import { Box, Text, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { ProgressData, ProgressRepository } from '../../../progress/index.js';
import type { Question } from '../../../quiz/index.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { BACK_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { percentBar } from '../exam/exam-view.js';
import { dashboardModel, type MasteryRow } from './dashboard-model.js';

export interface DashboardScreenProps {
  readonly version: string;
  readonly bank: readonly Question[];
  /** Resolves with the progress to show, or a message saying why it could not be read. */
  readonly load: () => Promise<ProgressData | string>;
  readonly nowMs: number;
}

const BAR_WIDTH = 8;
/** From this width the two mastery tables sit side by side. */
const SIDE_BY_SIDE_COLUMNS = 78;

function endOfLocalDayMs(nowMs: number): number {
  const date = new Date(nowMs);
  date.setHours(24, 0, 0, 0);
  return date.getTime() - 1;
}

/** Side by side every row shows; stacked (narrow terminals) only rows with answers, to fit the height. */
function MasteryTable({ title, rows, labelWidth, isCompact }: { readonly title: string; readonly rows: readonly MasteryRow[]; readonly labelWidth: number; readonly isCompact: boolean }) {
  const shown = isCompact ? rows.filter((row) => row.total > 0) : rows;
  return (
    <Box flexDirection="column" marginRight={2}>
      <Text bold>
        {title}
        {shown.length === 0 ? ': nothing answered yet' : ''}
      </Text>
      {shown.map((row) => (
        <Text key={row.label} wrap="truncate-end" {...(row.total === 0 ? { color: theme.muted } : {})}>
          {row.label.padEnd(labelWidth)} {percentBar(row.percent ?? 0, BAR_WIDTH)} {row.percent === null ? '   –' : `${String(row.percent).padStart(3)}%`} {row.correct}/{row.total}
        </Text>
      ))}
    </Box>
  );
}

function Dashboard({ data, bank, nowMs }: { readonly data: ProgressData; readonly bank: readonly Question[]; readonly nowMs: number }) {
  const { stdout } = useStdout();
  const model = dashboardModel(data, bank, nowMs, endOfLocalDayMs(nowMs));
  const { summary } = model;
  const isCompact = (stdout.columns || 80) < SIDE_BY_SIDE_COLUMNS;
  const accuracy = summary.accuracyPercent === null ? '' : `, ${summary.accuracyPercent}% right`;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        Streak {summary.streakDays} day(s) · {model.dueToday} review(s) due today · {summary.attempts} answers{accuracy} · {summary.activeDays} active day(s)
      </Text>
      <Box flexDirection={isCompact ? 'column' : 'row'} marginTop={1}>
        <MasteryTable title="Mastery by service" rows={model.services} labelWidth={10} isCompact={isCompact} />
        <MasteryTable title="By exam domain" rows={model.domains} labelWidth={19} isCompact={isCompact} />
      </Box>
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          <Text bold>Weakest topics: </Text>
          {model.weakest.length === 0 ? 'none yet (a topic needs 2 answers)' : model.weakest.map((row) => `${row.label} ${row.percent ?? 0}% (${row.correct}/${row.total})`).join(' · ')}
        </Text>
      </Box>
      <Text bold>Mock exams{model.exams.length === 0 ? ': none yet' : ' (scaled scores are estimates)'}</Text>
      {model.exams.map((exam, i) => (
        <Text key={i} wrap="truncate-end">
          {exam.day} {exam.exam} {exam.correct}/{exam.total} ({exam.percent}%) · {exam.scaledScore} · <Text color={exam.isPassed ? theme.success : theme.error}>{exam.isPassed ? 'PASS' : 'FAIL'}</Text>
        </Text>
      ))}
    </Box>
  );
}

export function DashboardScreen({ version, bank, load, nowMs }: DashboardScreenProps) {
  const [loaded, setLoaded] = useState<ProgressData | string | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    void load().then((result) => isCurrent && setLoaded(result));
    return () => {
      isCurrent = false;
    };
  }, [load]);
  return (
    <Box flexDirection="column">
      <Header version={version} title="Progress" />
      {loaded === undefined ? <Text color={theme.muted}>Reading your progress…</Text> : null}
      {typeof loaded === 'string' ? <Text color={theme.warning}>{loaded}</Text> : null}
      {typeof loaded === 'object' ? <Dashboard data={loaded} bank={bank} nowMs={nowMs} /> : null}
      <Box marginTop={1}>
        <KeyFooter bindings={BACK_KEYS} />
      </Box>
    </Box>
  );
}
