// The console's ending view, loaded when the room's story reaches an ending (a facilitator's
// Continue, or reopening a finished session): this module's name gives its chunk the on-click-
// name that `npm run measure` counts apart from the console's own weight.
export { ConsoleOutcome } from './ConsoleOutcome.tsx';
