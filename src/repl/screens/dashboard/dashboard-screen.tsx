// The progress dashboard: mastery bars per service and exam domain (side by side from 80 columns,
// stacked below), the streak and reviews due today, the weakest topics, the mock exam history. It
// reads the progress store once the answers just given are written (ProgressOutbox.settled).
import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { ProgressData, ProgressRepository } from '../../../progress/index.js';
import type { Question } from '../../../quiz/index.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { BACK_KEYS } from '../../keymap.js';
import { theme } from '../../theme.js';
import { dashboardLines } from './dashboard-lines.js';
import { dashboardModel } from './dashboard-model.js';

export interface DashboardScreenProps {
  readonly version: string;
  readonly bank: readonly Question[];
  /** Resolves with the progress to show, or a message saying why it could not be read. */
  readonly load: () => Promise<ProgressData | string>;
  readonly nowMs: number;
}

function endOfLocalDayMs(nowMs: number): number {
  const date = new Date(nowMs);
  date.setHours(24, 0, 0, 0);
  return date.getTime() - 1;
}

/** Header (2), the margin above the footer and the footer. */
const FRAME_ROWS = 4;

function Dashboard({ data, bank, nowMs }: { readonly data: ProgressData; readonly bank: readonly Question[]; readonly nowMs: number }) {
  const { columns, rows } = useTerminalSize();
  const lines = useMemo(() => dashboardLines(dashboardModel(data, bank, nowMs, endOfLocalDayMs(nowMs)), columns), [data, bank, nowMs, columns]);
  return <ScrollView lines={lines} width={columns - 1} rows={Math.max(3, rows - FRAME_ROWS)} />;
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
