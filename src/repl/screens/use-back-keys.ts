// Keys shared by every screen that is not home: go back, or quit.
import { useInput } from 'ink';
import { BACK_KEYS, keyNamesOf, resolveKey, type BackKeyAction } from '../keymap.js';

export function useBackKeys(onAction: (action: BackKeyAction) => void, isActive = true): void {
  useInput(
    (input, key) => {
      for (const name of keyNamesOf(input, key)) {
        const action = resolveKey(BACK_KEYS, name);
        if (action !== undefined) return onAction(action);
      }
    },
    { isActive },
  );
}
