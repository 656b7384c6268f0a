// The shell's public surface: cli.ts loads this module lazily, only when it draws the UI, so the
// plain modes never pay for ink and React.
export { runApp } from './run-app.js';
