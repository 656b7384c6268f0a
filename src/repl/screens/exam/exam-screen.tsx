// The mock exam screen: the intro, one question at a time with the countdown and flag, the overview
// of all questions, the confirm before submitting, and the results (score, pass/fail, per-domain
// bars, explanations to page through). It only draws: keys are routed by the app (learning-keys.ts).
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { FULL_EXAM, QUICK_EXAM, remainingMs, type ExamResult, type ExamState } from '../../../quiz/index.js';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { withChoiceCount } from '../../keymap.js';
import { line, type StyledLine } from '../../styled-line.js';
import { theme } from '../../theme.js';
import { kindLabel, optionRows } from '../quiz/practice-view.js';
import { feedbackLines, questionLines } from '../quiz/question-lines.js';
import { EXAM_CONFIRM_KEYS, EXAM_INTRO_KEYS, EXAM_OVERVIEW_KEYS, EXAM_QUESTION_KEYS, EXAM_RESULTS_KEYS } from '../quiz/quiz-keymap.js';
import { pickedLetters, type ExamScreenState } from './exam-screen-state.js';
import { OVERVIEW_COLUMNS, cellText, countdownText, domainRows, explanationView, overviewCells, overviewSummary, percentBar, scoreView } from './exam-view.js';

function Intro({ state }: { readonly state: ExamScreenState }) {
  const format = state.isQuick ? QUICK_EXAM : FULL_EXAM;
  return (
    <Box flexDirection="column">
      <Text bold>
        {state.exam} · {state.isQuick ? 'quick' : 'full'} exam: {format.questionCount} questions, {format.timeLimitMs / 60_000} minutes
      </Text>
      <Text wrap="wrap">
        As on the real exam: single choice and "choose N" questions, no feedback until you submit, {format.unscoredCount} questions unscored (and not marked). Flag questions to come back to them.
      </Text>
      {state.notice === null ? null : <Text color={theme.warning}>{state.notice}</Text>}
      <Box marginTop={1}>
        <KeyFooter bindings={EXAM_INTRO_KEYS} />
      </Box>
    </Box>
  );
}

/** The countdown warns (in words and colour) from this much time left. */
const FINAL_MINUTES_MS = 5 * 60_000;

function StatusLine({ session, nowMs }: { readonly session: ExamState; readonly nowMs: number }) {
  const left = remainingMs(session, nowMs);
  return (
    <Text wrap="truncate-end">
      <Text bold>
        Question {session.current + 1} of {session.items.length}
      </Text>
      {session.flagged[session.current] === true ? <Text color={theme.warning}> ⚑ flagged</Text> : null}
      <Text color={left < FINAL_MINUTES_MS ? theme.warning : theme.muted}>
        {' · '}
        {countdownText(left)}
        {left < FINAL_MINUTES_MS ? ' ⚠ last 5 minutes' : ''}
      </Text>
    </Text>
  );
}

/** Header (2), the status line, the margin above the footer and the footer. */
const QUESTION_FRAME_ROWS = 5;

function Question({ state, session }: { readonly state: ExamScreenState; readonly session: ExamState }) {
  const { columns, rows } = useTerminalSize();
  const question = session.items[session.current]?.question;
  const picked = pickedLetters(session);
  const lines = useMemo(() => (question === undefined ? [] : [line(kindLabel(question), 'muted'), ...questionLines(question, picked, true)]), [question, picked]);
  if (question === undefined) return null;
  return (
    <Box flexDirection="column">
      <StatusLine session={session} nowMs={state.nowMs} />
      <ScrollView lines={lines} width={columns - 1} rows={Math.max(3, rows - QUESTION_FRAME_ROWS - (state.notice === null ? 0 : 1))} />
      {state.notice === null ? null : <Text color={theme.warning}>({state.notice})</Text>}
      <Box marginTop={1}>
        <KeyFooter bindings={withChoiceCount(EXAM_QUESTION_KEYS, 'pick', optionRows(question, []).length)} />
      </Box>
    </Box>
  );
}

function Overview({ state, session }: { readonly state: ExamScreenState; readonly session: ExamState }) {
  const cells = overviewCells(session, state.cursor);
  const rows = Array.from({ length: Math.ceil(cells.length / OVERVIEW_COLUMNS) }, (_, r) => cells.slice(r * OVERVIEW_COLUMNS, (r + 1) * OVERVIEW_COLUMNS));
  return (
    <Box flexDirection="column">
      <Text bold>
        All questions · {countdownText(remainingMs(session, state.nowMs))}
      </Text>
      <Text color={theme.muted}>{overviewSummary(session)}</Text>
      {rows.map((row, r) => (
        <Text key={r}>
          {row.map((cell) => (
            <Text key={cell.number} {...(cell.isCursor ? { inverse: true, bold: true } : {})}>
              {cellText(cell)}
            </Text>
          ))}
        </Text>
      ))}
      <Box marginTop={1}>
        <KeyFooter bindings={EXAM_OVERVIEW_KEYS} />
      </Box>
    </Box>
  );
}

function Confirm({ session }: { readonly session: ExamState }) {
  return (
    <Box flexDirection="column">
      <Text bold>Submit the exam now?</Text>
      <Text>{overviewSummary(session)}</Text>
      <Text wrap="wrap">After submitting you see your score and every explanation; answers can no longer change.</Text>
      <Box marginTop={1}>
        <KeyFooter bindings={EXAM_CONFIRM_KEYS} />
      </Box>
    </Box>
  );
}

/** The score, its caveat, a bar per domain, then the explanation of the question at the cursor. */
function resultLines(state: ExamScreenState, session: ExamState, result: ExamResult): StyledLine[] {
  const score = scoreView(result, session.items.length);
  const explanation = explanationView(session, result, state.cursor);
  const bars = domainRows(result).map((row) =>
    line(`${percentBar(row.percent ?? 0, 10)} ${row.percent === null ? '  –' : `${String(row.percent).padStart(3)} %`} ${row.correct}/${row.total} ${row.title} (${row.weightPercent} %)`),
  );
  const head = [line(score.headline), line(score.score, score.isPassed ? 'success' : 'error', true), line(score.caveat, 'muted'), [], ...bars, []];
  if (explanation === undefined) return head;
  const [, ...reasons] = feedbackLines(explanation);
  return [...head, line(`Question ${state.cursor + 1} of ${session.items.length}: ${explanation.verdict}`, undefined, true), line(explanation.stem), ...reasons];
}

/** Header (2) and the footer. */
const RESULTS_FRAME_ROWS = 3;

function Results({ state, session, result }: { readonly state: ExamScreenState; readonly session: ExamState; readonly result: ExamResult }) {
  const { columns, rows } = useTerminalSize();
  const lines = useMemo(() => resultLines(state, session, result), [state, session, result]);
  return (
    <Box flexDirection="column">
      <ScrollView lines={lines} width={columns - 1} rows={Math.max(3, rows - RESULTS_FRAME_ROWS)} />
      <KeyFooter bindings={EXAM_RESULTS_KEYS} />
    </Box>
  );
}

export function ExamScreen({ version, state }: { readonly version: string; readonly state: ExamScreenState }) {
  const { session, result } = state;
  return (
    <Box flexDirection="column">
      <Header version={version} title={`Mock exam ${state.exam}`} />
      {state.phase === 'intro' || session === null ? <Intro state={state} /> : null}
      {state.phase === 'question' && session !== null ? <Question state={state} session={session} /> : null}
      {state.phase === 'overview' && session !== null ? <Overview state={state} session={session} /> : null}
      {state.phase === 'confirm' && session !== null ? <Confirm session={session} /> : null}
      {state.phase === 'results' && session !== null && result !== null ? <Results state={state} session={session} result={result} /> : null}
    </Box>
  );
}
