// Draws the quiz/review, mock exam or progress screen from the shared learning state, fitting the
// terminal's height (ink redraws everything when a frame is taller than the screen: PLATFORM.md).
import { useStdout } from 'ink';
import { useCallback } from 'react';
import { emptyProgress, type ProgressData, type ProgressRepository } from '../progress/index.js';
import type { LearningState } from './learning-state.js';
import { DashboardScreen } from './screens/dashboard/dashboard-screen.js';
import { ExamScreen } from './screens/exam/exam-screen.js';
import { PracticeScreen } from './screens/quiz/practice-screen.js';
import type { ProgressOutbox } from './use-progress-outbox.js';

export interface LearningScreenProps {
  readonly version: string;
  readonly screen: 'quiz' | 'exam' | 'progress';
  readonly learning: LearningState;
  readonly outbox: ProgressOutbox;
  readonly repository: ProgressRepository | undefined;
  readonly now: () => number;
}

/** Rows around a list: header, prompt, footer and their margins. */
const FRAME_ROWS = 7;

export function LearningScreen({ version, screen, learning, outbox, repository, now }: LearningScreenProps) {
  const { stdout } = useStdout();
  const { settled } = outbox;
  // The dashboard reads the store after the answers just given are written.
  const load = useCallback(async (): Promise<ProgressData | string> => {
    await settled();
    if (repository === undefined) return emptyProgress();
    const loaded = await repository.load();
    return loaded.ok ? loaded.value : loaded.problem.message;
  }, [settled, repository]);
  if (screen === 'progress') return <DashboardScreen version={version} bank={learning.bank} load={load} nowMs={now()} />;
  const listRows = Math.max(5, (stdout.rows || 24) - FRAME_ROWS);
  if (screen === 'quiz' && learning.practice !== null) {
    return <PracticeScreen version={version} state={learning.practice} data={learning} nowMs={now()} listRows={listRows} />;
  }
  if (screen === 'exam' && learning.exam !== null) return <ExamScreen version={version} state={learning.exam} />;
  return null;
}
