// The projector screen's QR maker, loaded when the screen must make a code as it runs (the page
// was built for another address, or a live room gives the phones theirs): this module's name
// gives its file the on-click- name that `npm run measure` counts apart.
export { qrSvg } from './qr-code.ts';
