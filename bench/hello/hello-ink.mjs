// The bench's baseline for the first frame: a bare ink hello-world (the same ink and React as trainer,
// bundled by bench/cases/startup.mjs with trainer's own esbuild options). It draws two lines, the second
// being the text the bench waits for, and quits on `q`, like the home screen.
import { Box, Text, render, useApp, useInput } from 'ink';
import { createElement as h } from 'react';

function Hello() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return h(Box, { flexDirection: 'column' }, h(Text, null, 'Hello from ink'), h(Text, null, '8. Quit'));
}

await render(h(Hello)).waitUntilExit();
