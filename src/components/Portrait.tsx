// A person's face in one expression: a part of the cast's portrait sheet, drawn at build time
// (src/course/portraits.ts), a row per person and a column per expression. Used by the islands
// and, as plain HTML without JavaScript, by Astro pages. Every face on a page is the one sheet,
// which a browser loads once and draws once: a face that changes costs no download, and no pass
// over the file, where an image per face (a view of the file each) cost one.
import type { Expression } from '../engine/expression.ts';
import type { FaceRow } from '../course/portraits.ts';

export interface PortraitProps {
  /** The person's row in the sheet (`PortraitView`, or a line's `face`). */
  face: FaceRow;
  expression: Expression;
  /**
   * What the face adds for a screen reader, in the page's language: beside a caption that names
   * the person, only the expression ("Looking worried"); "" where another face nearby says it,
   * and then the face is decoration a screen reader skips.
   */
  alt: string;
  /** Width and height in CSS pixels, unless the page's style sizes it (`.portrait`). */
  size: number;
}

/**
 * The face: the page's style (`.portrait` in styles/global.css) places the sheet so that the
 * expression's column (its class) and the person's row show.
 */
export function Portrait({ face, expression, alt, size }: PortraitProps) {
  return (
    <span
      class={`portrait ${expression}`}
      {...(alt && { role: 'img', 'aria-label': alt })}
      style={`--size:${size}px;--row:${face.row};--rows:${face.rows};background-image:url("${face.src}")`}
    />
  );
}
