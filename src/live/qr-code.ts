// A QR code as SVG, made in the browser when the address to show is known only at run time (the
// live room's join address, or the address the screen was opened at). Loaded on demand, and
// measured apart from the page's budget. uqr is a small, dependency-free encoder.
import { renderSVG } from 'uqr';

/** An SVG QR code of `text`, error correction level M (15 % of the code may be lost), one module of quiet border. */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: 'M', border: 1 });
}
