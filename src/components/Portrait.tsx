// A person's face in one expression: an <img> of their portrait file, drawn at build time
// (src/course/portraits.ts), with the expression as the file's view. Used by the islands and, as
// plain HTML without JavaScript, by Astro pages. Each file holds every expression of one person,
// so a face that changes costs no new download.
import type { Expression } from '../engine/expression.ts';
import type { Translate } from '../i18n/messages.ts';

export interface PortraitProps {
  /** The person's id, as declared under `people`. */
  person: string;
  /** The person's name in the page's language, for the alternative text. */
  name: string;
  expression: Expression;
  /** Width and height in CSS pixels. */
  size: number;
  /** Loads when near the viewport: for faces below the fold. */
  lazy?: boolean;
  t: Translate;
}

export function Portrait({ person, name, expression, size, lazy, t }: PortraitProps) {
  return (
    <img
      class="portrait"
      src={`/portraits/${person}.svg#${expression}`}
      width={size}
      height={size}
      alt={t('portrait.alt', { name, expression: t(`portrait.${expression}`) })}
      loading={lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
