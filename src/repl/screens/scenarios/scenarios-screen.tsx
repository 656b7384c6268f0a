// The Scenarios entry: the browser, or the runner while a scenario is open.
import type { ProgressData } from '../../../progress/index.js';
import { RunScreen } from '../scenario-run/run-screen.js';
import { BrowserScreen } from './browser-screen.js';
import type { ScenariosState } from './scenarios-state.js';

export interface ScenariosScreenProps {
  readonly version: string;
  readonly state: ScenariosState;
  readonly progress: ProgressData | undefined;
  readonly notice: string | undefined;
}

export function ScenariosScreen({ version, state, progress, notice }: ScenariosScreenProps) {
  if (state.run !== undefined) return <RunScreen version={version} state={state.run} notice={notice} />;
  return <BrowserScreen version={version} library={state.library} state={state.browser} progress={progress} notice={notice} />;
}
