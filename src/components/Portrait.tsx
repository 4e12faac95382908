// A person's face in one expression: an <img> of the cast's portrait file, drawn at build time
// (src/course/portraits.ts), with the person and the expression as the file's view. Used by the
// islands and, as plain HTML without JavaScript, by Astro pages. The file holds every face of
// every person, so a face that changes or a new person costs no new download.
import type { Expression } from '../engine/expression.ts';

export interface PortraitProps {
  /** The person's faces as the page finds them, without the expression (`PortraitView.src`), e.g. "/portraits/cast.svg#anna". */
  src: string;
  expression: Expression;
  /**
   * What the face adds for a screen reader, in the page's language: beside a caption that names
   * the person, only the expression ("Looking worried"); "" where another face nearby says it.
   */
  alt: string;
  /** Width and height in CSS pixels. */
  size: number;
  /** Loads when near the viewport: for faces below the fold. */
  lazy?: boolean;
}

export function Portrait({ src, expression, alt, size, lazy }: PortraitProps) {
  return (
    <img
      class="portrait"
      src={`${src}-${expression}`}
      width={size}
      height={size}
      alt={alt}
      loading={lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
