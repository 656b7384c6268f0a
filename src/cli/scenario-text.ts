// How the runner's transcript reads in plain text (`trainer run ID --plain`), one entry at a time.
// Pure, so the wording is pinned by tests without spawning anything.
import { choiceLetter, type RunnerEvent, type TranscriptEntry } from '../scenarios/index.js';

function indent(text: string): string {
  return text.replace(/\n$/, '').split('\n').map((line) => `  ${line}`).join('\n');
}

function lettered(choices: readonly string[], index: number | null): string {
  return index === null ? 'none of the choices' : `${choiceLetter(index)}) ${choices[index] ?? ''}`;
}

/** The text of one transcript entry; `choices` are the current question's, for the grading line. */
export function entryText(entry: TranscriptEntry, choices: readonly string[]): string {
  switch (entry.type) {
    case 'step':
      return `\n── Step ${entry.index + 1}/${entry.count}: ${entry.kind} ──\n`;
    case 'narration':
      return `${entry.text}\n`;
    case 'command':
      return entry.isSetup ? `(setup) $ ${entry.line}${entry.ok ? '' : `\n${indent(entry.text)}`}\n` : `$ ${entry.line}\n${entry.text.replace(/\n?$/, '\n')}`;
    case 'panel':
      return `[panel: ${entry.panel.kind}${entry.panel.target === undefined ? '' : ` ${entry.panel.target}`}]\n`;
    case 'question':
      return `? ${entry.question}\n${entry.choices.map((choice, i) => `  ${choiceLetter(i)}) ${choice}`).join('\n')}\nAnswer with a letter (a-${choiceLetter(entry.choices.length - 1)}); the commands run after you answer.\n`;
    case 'graded': {
      const verdict = entry.isCorrect ? `Right: ${lettered(choices, entry.correctChoice)}` : `Wrong: you chose ${lettered(choices, entry.choice)}; the world shows ${lettered(choices, entry.correctChoice)}`;
      return `${verdict}\n${entry.explanation}\nReference: ${entry.reference.fact} ${entry.reference.url}\n`;
    }
    case 'goal':
      return `Task: ${entry.text}\nType sandbox commands. "hint" shows a hint (${entry.hintCount} available), "skip" moves on, "retry" restarts the step.\n`;
    case 'hint':
      return `Hint ${entry.number}/${entry.of}: ${entry.text}\n`;
    case 'task-solved':
      return 'Task solved.\n';
    case 'recap':
      return `Key facts:\n${entry.facts.map((fact) => `  - ${fact}`).join('\n')}\n`;
    case 'note':
      return `${entry.text}\n`;
    case 'finished':
      return `\nFinished: ${entry.title}.\n`;
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}

/** Runner events that the learner should read in plain mode (the rest are for the progress store). */
export function eventText(event: RunnerEvent): string | undefined {
  switch (event.type) {
    case 'action-refused':
      return `(${event.reason})\n`;
    case 'task-skipped':
      return 'Task skipped.\n';
    case 'content-problem':
      return `This scenario has a problem at step ${event.stepId}: ${event.message}. Please report it.\n`;
    default:
      return undefined;
  }
}
