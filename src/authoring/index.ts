// Problems in files authors write (scenario packs, question packs), shared by src/scenarios and src/quiz
// so both report them the same way: `file: path: expected X, found Y`.
export { describeValue, formatPath, formatProblem, problemsFromIssues, type AuthorProblem } from './problems.js';
