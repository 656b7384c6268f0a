// The public surface of the simulator. Other parts of trainer import only from here (ARCHITECTURE.md).
export { closestMatch, closestMatches, editDistance } from './cli/suggest.js';
