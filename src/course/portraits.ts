// The people's portraits, drawn at build time into one static SVG file per person with every
// expression in it. DiceBear draws each face from its ToonHead style (a style with eyebrows,
// eyes and a mouth for each of our expressions, under CC BY 4.0); the parts the expressions
// share (head, hair, clothes) are kept once, each expression is a `<view>` of the file
// (`anna.svg#worried`), and SVGO rounds the drawing to whole units of its 768-unit canvas, below
// a tenth of a pixel at the sizes we show. That keeps a person's four faces under 3 KB gzipped:
// four separate files would be about 9 KB.
import { Avatar, Style } from '@dicebear/core';
import toonHead from '@dicebear/styles/toon-head.json' with { type: 'json' };
import { type CustomPlugin, optimize, type XastElement } from 'svgo';
import { ELEMENT_NODE, type ElementNode, type Node, parse, renderSync } from 'ultrahtml';
import { type Expression, expressions } from '../engine/expression.ts';
import type { Vars } from '../i18n/messages.ts';
import { authorError } from './build-errors.ts';

const style = new Style(toonHead);

/** The side of DiceBear's canvas for this style, in SVG user units. */
const canvas = 768;

/**
 * How each person looks: DiceBear ToonHead options (the variant of each part and its colors,
 * without the '#'). A person of the story without a look here gets no portrait.
 */
export const looks: Readonly<Record<string, Readonly<Record<string, string | number>>>> = {
  anna: {
    hairVariant: 'bun',
    hairColor: '724133',
    rearHairVariant: 'shoulderHigh',
    rearHairProbability: 100,
    skinColor: 'f1c3a5',
    clothesVariant: 'turtleNeck',
    clothesColor: '147f3c',
    beardProbability: 0,
  },
  mark: {
    hairVariant: 'sideComed',
    hairColor: '2c1b18',
    rearHairProbability: 0,
    skinColor: 'c68e7a',
    clothesVariant: 'shirt',
    clothesColor: '0b3286',
    beardVariant: 'fullBeard',
    beardProbability: 100,
  },
  dana: {
    hairVariant: 'undercut',
    hairColor: '2c1b18',
    rearHairVariant: 'longWavy',
    rearHairProbability: 100,
    skinColor: 'a36b4f',
    clothesVariant: 'openJacket',
    clothesColor: 'eab308',
    beardProbability: 0,
  },
};

/** Each expression as the ToonHead variants of the parts that change with it. */
const faces: Readonly<Record<Expression, Readonly<Record<string, string>>>> = {
  neutral: { eyesVariant: 'happy', eyebrowsVariant: 'neutral', mouthVariant: 'smile' },
  pleased: { eyesVariant: 'happy', eyebrowsVariant: 'happy', mouthVariant: 'laugh' },
  worried: { eyesVariant: 'wide', eyebrowsVariant: 'sad', mouthVariant: 'sad' },
  annoyed: { eyesVariant: 'humble', eyebrowsVariant: 'angry', mouthVariant: 'angry' },
};

/** A person's portrait as a moment shows it: the file, and its alternative text in each expression. */
export interface PortraitView {
  /** The file's address as the page finds it, without a view, e.g. "/portraits/anna.svg". */
  src: string;
  /** In the page's language and naming the person, e.g. { worried: "Anna Reyes, looking worried", … }. */
  alt: Record<Expression, string>;
}

/**
 * A person's portrait in the language of `t`, or undefined for a person without a look. `folder`
 * is where the portrait files are as the page finds them: the site's "/portraits/", or
 * "portraits/" inside an LMS package, which carries its own copies.
 */
export function portraitView(
  person: string,
  name: string,
  t: (key: 'portrait.of' | `portrait.${Expression}`, vars?: Vars) => string,
  folder = '/portraits/',
): PortraitView | undefined {
  if (!(person in looks)) return undefined;
  const alt = Object.fromEntries(expressions.map((e) => [e, t('portrait.of', { name, expression: t(`portrait.${e}`) })]));
  return { src: `${folder}${person}.svg`, alt: alt as Record<Expression, string> };
}

/** Where the artwork comes from and under which licence, from the style's own record. */
export const artwork = {
  title: toonHead.meta.source.name,
  source: toonHead.meta.source.url,
  creator: toonHead.meta.creator.name,
  creatorUrl: toonHead.meta.creator.url,
  license: toonHead.meta.license.name,
  licenseUrl: toonHead.meta.license.url,
};

const elements = (node: { children: Node[] }) => node.children.filter((c): c is ElementNode => c.type === ELEMENT_NODE);

/**
 * An SVGO step that drops the shapes left drawing nothing: ToonHead shades some parts with a
 * black layer at opacity 0.2, which the rounding to whole numbers above makes 0 (the faces are
 * flat as shown), and such a layer without a stroke of its own or from a group around it adds
 * only bytes: about 200 gzipped a person.
 */
const withoutInvisibleShapes: CustomPlugin = {
  name: 'removeShapesDrawingNothing',
  fn: () => {
    const strokes: boolean[] = [];
    const stroked = (node: XastElement) => (node.attributes.stroke ?? 'none') !== 'none';
    return {
      element: {
        enter(node, parent) {
          const inherited = strokes.at(-1) ?? false;
          if (node.name === 'path' && node.attributes['fill-opacity'] === '0' && !inherited && !stroked(node))
            parent.children = parent.children.filter((c) => c !== node);
          strokes.push(inherited || stroked(node));
        },
        exit() {
          strokes.pop();
        },
      },
    };
  },
};

/**
 * One person's portrait file: an SVG whose `<view>` elements, one per expression and named for
 * it, show that face (`#neutral` is also what the file shows without a fragment). Deterministic:
 * the same look gives the same bytes. Throws an AstroError naming the fix when the person has no look.
 */
export function portraitSvg(person: string): string {
  const look = looks[person];
  if (!look)
    throw authorError(
      `No portrait is drawn for "${person}": the person has no look in src/course/portraits.ts.`,
      `Add a look for "${person}" to \`looks\` in src/course/portraits.ts (DiceBear ToonHead options: the variant and color of each part; the people already there show the shape). A person without a look plays on without a face, and no portrait file is asked for them.`,
    );
  const shared = new Map<string, ElementNode>();
  const drawn = expressions.map((expression, i) => {
    const svg = new Avatar(style, { seed: person, ...look, ...faces[expression] }).toString();
    // DiceBear draws each part once in <defs> and places it with <use>: the parts two faces share
    // have the same id and the same drawing, so each is kept once.
    const [, defs, placed] = elements(elements(parse(svg) as { children: Node[] })[0]!);
    for (const part of elements(defs!)) shared.set(part.attributes.id!, part);
    placed!.attributes.transform = `translate(${i * canvas})`;
    return renderSync(placed!);
  });
  const views = expressions.map((expression, i) => `<view id="${expression}" viewBox="${i * canvas} 0 ${canvas} ${canvas}"/>`);
  const defs = [...shared.values()].map(renderSync).join('');
  const sheet = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${canvas} ${canvas}" fill="none">${views.join('')}<defs>${defs}</defs>${drawn.join('')}</svg>`;
  const { data } = optimize(sheet, {
    multipass: true,
    floatPrecision: 0,
    // The parts are placed by id from each view's faces: ids and <defs> must stay as they are.
    plugins: [
      { name: 'preset-default', params: { overrides: { cleanupIds: false, removeUselessDefs: false, removeHiddenElems: false } } },
      withoutInvisibleShapes,
    ],
  });
  const credit = `<!-- ${artwork.title} by ${artwork.creator} (${artwork.source}), ${artwork.license} (${artwork.licenseUrl}), drawn with DiceBear -->`;
  return data.replace(/^(<svg[^>]*>)/, `$1${credit}`);
}

/** The credits file served beside the portraits: the artwork, its licence and what we changed. */
export function portraitCredits(): string {
  return [
    `The portraits in this folder (${Object.keys(looks)
      .map((p) => `${p}.svg`)
      .join(', ')}) are drawn at build time with DiceBear`,
    `(https://www.dicebear.com, MIT) from its ${artwork.title} style.`,
    '',
    `Artwork: "${artwork.title}" by ${artwork.creator} (${artwork.creatorUrl}), ${artwork.source}`,
    `Licence: ${artwork.license}, ${artwork.licenseUrl}`,
    '',
    `Changes: each file combines one person's face in ${expressions.length} expressions (${expressions.join(', ')}),`,
    'chosen from the style\u2019s eyebrows, eyes and mouths, with the drawing rounded to whole units.',
    '',
  ].join('\n');
}
