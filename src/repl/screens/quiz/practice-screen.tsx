// The quiz and review screen: the topic picker, a question with its kind and lettered choices, the
// feedback with the rating row, and the summary. It only draws: keys are routed by the app
// (learning-keys.ts) and the state lives in practice-state.ts.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { Header } from '../../components/header.js';
import { KeyFooter } from '../../components/key-footer.js';
import { ScrollView } from '../../components/scroll-view.js';
import { useTerminalSize } from '../../components/use-terminal-size.js';
import { withChoiceCount } from '../../keymap.js';
import { line } from '../../styled-line.js';
import { theme } from '../../theme.js';
import type { QuizData } from './practice-state.js';
import { questionOnScreen, topicRows, type PracticeScreenState } from './practice-state.js';
import { feedbackView, kindLabel, optionRows, ratingPrompt } from './practice-view.js';
import { feedbackLines, questionLines } from './question-lines.js';
import { CHOICE_KEYS, DONE_KEYS, RATING_KEYS, TOPIC_KEYS, TYPING_KEYS } from './quiz-keymap.js';
import type { Question } from '../../../quiz/index.js';

export interface PracticeScreenProps {
  readonly version: string;
  readonly state: PracticeScreenState;
  readonly data: QuizData;
  readonly nowMs: number;
  /** Rows the topic list may use (the terminal's height minus the frame around it). */
  readonly listRows: number;
}

function TopicPicker({ state, data, nowMs, listRows }: Omit<PracticeScreenProps, 'version'>) {
  const rows = topicRows(data, nowMs);
  const first = Math.max(0, Math.min(state.topicIndex - Math.floor(listRows / 2), rows.length - listRows));
  return (
    <Box flexDirection="column">
      <Text>Pick a topic (questions · due for review):</Text>
      {rows.slice(first, first + listRows).map((row, offset) => {
        const isSelected = first + offset === state.topicIndex;
        return (
          <Text key={row.topic ?? '*'} wrap="truncate-end" {...(isSelected ? { color: theme.accent, bold: true } : {})}>
            {isSelected ? '❯ ' : '  '}
            {(row.topic ?? 'All topics').padEnd(26)} {String(row.questionCount).padStart(3)} questions · {row.dueCount} due
          </Text>
        );
      })}
      <Box marginTop={1}>
        <KeyFooter bindings={TOPIC_KEYS} />
      </Box>
    </Box>
  );
}

function AnswerLine({ state, question }: { readonly state: PracticeScreenState; readonly question: Question }) {
  const isTyped = question.type === 'numeric' || question.type === 'ordering';
  return (
    <Box flexDirection="column" marginTop={1}>
      {isTyped ? (
        <Text>
          Your answer: <Text bold>{state.typed}</Text>
          <Text inverse> </Text>
        </Text>
      ) : null}
      {state.problem === null ? null : <Text color={theme.warning}>({state.problem})</Text>}
      <KeyFooter bindings={isTyped ? TYPING_KEYS : withChoiceCount(CHOICE_KEYS, 'pick', optionRows(question, []).length)} />
    </Box>
  );
}

function Summary({ state }: { readonly state: PracticeScreenState }) {
  const answered = state.session?.index ?? 0;
  return (
    <Box flexDirection="column">
      <Text bold>{state.message ?? `Done: ${state.session?.correctCount ?? 0} of ${answered} correct.`}</Text>
      <Text wrap="wrap">Your answers and review cards are saved. The Progress screen shows how you are doing.</Text>
      <Box marginTop={1}>
        <KeyFooter bindings={DONE_KEYS} />
      </Box>
    </Box>
  );
}

/** Header (2), the question's status line, the margin above the answer line and the footer. */
const QUESTION_FRAME_ROWS = 5;

/** The question (and its feedback after answering) in a scroll view; the answer line and keys stay below it. */
function QuestionAndFeedback({ state, question, position, total }: { readonly state: PracticeScreenState; readonly question: Question; readonly position: number; readonly total: number }) {
  const { columns, rows } = useTerminalSize();
  const answered = state.phase === 'feedback' ? state.answered : null;
  const lines = useMemo(() => {
    const body = questionLines(question, state.selected, answered === null);
    return answered === null ? body : [...body, [], ...feedbackLines(feedbackView(answered)), [], line(ratingPrompt(answered.rating), undefined, true)];
  }, [question, state.selected, answered]);
  const isTyped = answered === null && (question.type === 'numeric' || question.type === 'ordering');
  const belowRows = (isTyped ? 1 : 0) + (answered === null && state.problem !== null ? 1 : 0);
  return (
    <Box flexDirection="column">
      <Text color={theme.muted} wrap="truncate-end">
        Question {position} of {total} · {kindLabel(question)} · {question.tags.topic} · {question.tags.difficulty}
      </Text>
      <ScrollView lines={lines} width={columns - 1} rows={Math.max(3, rows - QUESTION_FRAME_ROWS - belowRows)} />
      {answered === null ? (
        <AnswerLine state={state} question={question} />
      ) : (
        <Box marginTop={1}>
          <KeyFooter bindings={RATING_KEYS} />
        </Box>
      )}
    </Box>
  );
}

export function PracticeScreen(props: PracticeScreenProps) {
  const { version, state } = props;
  const title = state.mode === 'review' ? 'Review' : 'Quiz';
  const question = questionOnScreen(state);
  const total = state.session?.questions.length ?? 0;
  const position = Math.min(total, (state.session?.index ?? 0) + (state.phase === 'feedback' ? 0 : 1));
  return (
    <Box flexDirection="column">
      <Header version={version} title={title} />
      {state.phase === 'topics' ? <TopicPicker {...props} /> : null}
      {state.phase === 'done' ? <Summary state={state} /> : null}
      {(state.phase === 'question' || state.phase === 'feedback') && question !== undefined ? <QuestionAndFeedback state={state} question={question} position={position} total={total} /> : null}
    </Box>
  );
}
