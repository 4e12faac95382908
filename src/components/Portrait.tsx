// A person's face in one expression: an <img> of their portrait file, drawn at build time
// (src/course/portraits.ts), with the expression as the file's view. Used by the islands and, as
// plain HTML without JavaScript, by Astro pages. Each file holds every expression of one person,
// so a face that changes costs no new download. A face is shown beside a caption that names the
// person: its alternative text says only what the picture adds, the expression, so a screen
// reader does not read the name twice.
import type { Expression } from '../engine/expression.ts';
import type { Translate } from '../i18n/messages.ts';

export interface PortraitProps {
  /** The person's id, as declared under `people`. */
  person: string;
  expression: Expression;
  /** Width and height in CSS pixels. */
  size: number;
  /** Loads when near the viewport: for faces below the fold. */
  lazy?: boolean;
  t: Translate;
}

export function Portrait({ person, expression, size, lazy, t }: PortraitProps) {
  return (
    <img
      class="portrait"
      src={`/portraits/${person}.svg#${expression}`}
      width={size}
      height={size}
      alt={t('portrait.alt', { expression: t(`portrait.${expression}`) })}
      loading={lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
