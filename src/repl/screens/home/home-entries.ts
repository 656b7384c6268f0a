// The home menu as data. An entry whose feature has not been built yet says so when chosen (the
// `unavailable` screen) instead of pretending to work.

export type HomeEntryId = 'scenarios' | 'quiz' | 'review' | 'exam' | 'progress' | 'repl' | 'help' | 'quit';

export interface HomeEntry {
  readonly id: HomeEntryId;
  readonly label: string;
  readonly description: string;
  /** False while the feature behind the entry is still being built. */
  readonly isAvailable: boolean;
  /** While its screen is being built: the plain-text command that already does the job, if any. */
  readonly plainCommand?: string;
}

export const HOME_ENTRIES: readonly HomeEntry[] = [
  { id: 'scenarios', label: 'Scenarios', description: 'Watch AWS behave, predict what it will do, then do it yourself.', isAvailable: true },
  { id: 'quiz', label: 'Quiz', description: 'Practise exam-style questions by topic, with explanations.', isAvailable: true },
  { id: 'review', label: 'Review', description: 'Spaced-repetition review of the cards due today.', isAvailable: true },
  { id: 'exam', label: 'Mock exam', description: 'A timed exam in the real format, scored at the end.', isAvailable: true },
  { id: 'progress', label: 'Progress', description: 'Your mastery per service and exam domain, and your streak.', isAvailable: true },
  { id: 'repl', label: 'Sandbox REPL', description: 'Type AWS CLI commands against the simulated AWS world (also: trainer repl).', isAvailable: true },
  { id: 'help', label: 'Help', description: 'Keys, and how trainer works.', isAvailable: true },
  { id: 'quit', label: 'Quit', description: 'Leave trainer.', isAvailable: true },
];
