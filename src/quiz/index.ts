// The public surface of the quiz engine: question files, grading, FSRS scheduling, the practice,
// review and exam state machines, and the generated question families. No disk access except load.ts,
// no clock (every time is passed in), no rendering.
export { BANK_SIZE_TARGET, QUESTIONS_PER_TOPIC_TARGET, parseCoverage, topicCounts, type Coverage, type TopicCount } from './coverage.js';
export {
  DOMAIN_TITLES,
  DOMAIN_WEIGHTS,
  FULL_EXAM,
  PASSING_SCALED,
  QUICK_EXAM,
  apportion,
  planExam,
  scaledScoreEstimate,
  shuffled,
  type ExamFormat,
  type ExamItem,
  type ExamPlan,
} from './exam-format.js';
export { GENERATOR_FAMILIES, concurrencyNeeded, findFamily, type GeneratedQuestion, type GeneratorFamily } from './generators/index.js';
export { LETTERS, gradeAnswer, letterOf, orderingDisplay, readAnswer, type Answer, type Grade } from './grade.js';
export { loadQuestionBank, readCoverageText, type QuestionBank } from './load.js';
export { parseQuestionFile, type ParsedQuestionFile, type QuestionProblem } from './parse.js';
export { formatNumber, resolvePlaceholders } from './placeholders.js';
export { FAST_ANSWER_MS, SLOW_ANSWER_MS, dueCardIds, newCard, parseSelfRating, ratingFor, schedule, type CardRecord, type SelfRating } from './scheduler.js';
export { EXAM_DOMAINS, EXAM_IDS, SERVICES, domainsOf, questionSchema, type Choice, type ExamId, type Question, type QuestionKind, type QuestionTags } from './schema.js';
export {
  answerPractice,
  currentQuestion,
  examResult,
  isPracticeDone,
  remainingMs,
  startExam,
  startPractice,
  stepExam,
  type AnsweredEvent,
  type DomainReport,
  type ExamAction,
  type ExamResult,
  type ExamState,
  type PracticeState,
  type PracticeStep,
} from './session.js';
export { answerRecord, examRecord, type AnswerRecord, type ExamRecord } from './record.js';
export { cardIdOf, examPool, practicePool, selectPractice, selectReview } from './select.js';
