// Keys of the home screen → home actions or an entry to open.
import { useInput } from 'ink';
import { useRef } from 'react';
import { HOME_KEYS, keyNamesOf, resolveKey } from '../../keymap.js';
import { HOME_ENTRIES, type HomeEntryId } from './home-entries.js';
import { homeReducer, selectedEntry, type HomeAction, type HomeState } from './home-state.js';

export function useHomeKeys(
  state: HomeState,
  dispatch: (action: HomeAction) => void,
  onChoose: (entry: HomeEntryId) => void,
  isActive: boolean,
): void {
  // ink may deliver a key to the handler of the previous render; read the state through a ref so a
  // key never acts on a stale selection, and reduce several keys of one event ("jj\r") locally.
  const latest = useRef(state);
  latest.current = state;
  useInput(
    (input, key) => {
      let current = latest.current;
      const move = (action: HomeAction): void => {
        current = homeReducer(current, action);
        latest.current = current;
        dispatch(action);
      };
      for (const name of keyNamesOf(input, key)) {
        const action = resolveKey(HOME_KEYS, name);
        if (action === undefined) continue;
        if (action === 'move-up' || action === 'move-down') move({ type: action });
        else if (action === 'choose') return onChoose(selectedEntry(current).id);
        else if (action === 'open-help') return onChoose('help');
        else if (action === 'quit') return onChoose('quit');
        else {
          const index = Number(action.slice('jump-'.length)) - 1;
          const entry = HOME_ENTRIES[index];
          if (entry === undefined) continue;
          move({ type: 'select', index });
          return onChoose(entry.id);
        }
      }
    },
    { isActive },
  );
}
