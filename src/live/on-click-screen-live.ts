// The screen's link to a live room, loaded once the screen knows of one: this module's name gives
// its chunk the on-click- name that `npm run measure` counts apart.
export { decodePublicRoom, followRoom, isKey } from './screen-live.ts';
