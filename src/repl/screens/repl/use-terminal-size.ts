// The terminal's height, kept current on resize (ink 6 has no useWindowSize: STYLE.md §7).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useTerminalSize(): { readonly rows: number; readonly columns: number } {
  const { stdout } = useStdout();
  const read = () => ({ rows: stdout.rows ?? 24, columns: stdout.columns ?? 80 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // `read` only reads stdout, which is the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
