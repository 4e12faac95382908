// The people's portraits, drawn at build time into one static SVG sheet with every person's face
// in every expression: a row per person, a column per expression. DiceBear draws each face from
// its ToonHead style (a style with eyebrows, eyes and a mouth for each of our expressions, under
// CC BY 4.0); the parts the faces share (head, hair, clothes) are kept once, as are the parts
// drawn alike for different people (eyes, mouths), and SVGO rounds the
// drawing to whole units of its 768-unit canvas, below a tenth of a pixel at the sizes we show.
// That keeps the three people's twelve faces at 3.9 KB gzipped: 7.5 KB as one file a person,
// about 27 KB as separate faces.
import { createHash } from 'node:crypto';
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
 * The side of a face's square in the sheet, SVG user units: the face with a clear margin around
 * it, so that a face drawn at a fraction of a pixel's size never shows an edge of its neighbour's.
 */
export const cell = 800;

/** The clear margin on each side of a face in its cell, SVG user units. */
const margin = (cell - canvas) / 2;

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

/**
 * Where a person's faces are: the cast's sheet as the page finds it ("/portraits/cast.svg?v=…",
 * `sheetAddress`) and the person's row in it, counted from 0 of `rows`. Each expression is a
 * column, in the order of `expressions` (`castSvg`).
 */
export interface FaceRow {
  src: string;
  row: number;
  rows: number;
}

/** A person's portrait as a moment shows it: their faces, and the alternative text in each expression. */
export interface PortraitView extends FaceRow {
  /** In the page's language and naming the person, e.g. { worried: "Anna Reyes, looking worried", … }. */
  alt: Record<Expression, string>;
}

/** A portrait sheet as pages find it: its folder, and the people it draws, a row each in this order. */
export interface Sheet {
  folder: string;
  people: readonly string[];
}

/** The site's sheet, in "/portraits/": every person with a look. */
export const siteSheet: Sheet = { folder: '/portraits/', people: Object.keys(looks) };

/** An LMS package's own sheet, in its "portraits/" (an LMS serves only what is inside it): only its scenario's people with a look. */
export const packageSheet = (people: readonly string[]): Sheet => ({ folder: 'portraits/', people: people.filter((id) => id in looks) });

/**
 * The sheet's address with its drawing's hash, e.g. "/portraits/cast.svg?v=1a2b3c4d": a changed
 * sheet is a new address, so no browser pairs a page with a sheet of another layout from its
 * cache. The service worker answers the address from its precache whatever the query.
 */
const sheetAddress = (sheet: Sheet) =>
  `${sheet.folder}${castFile}?v=${createHash('sha256').update(castSvg(sheet.people)).digest('hex').slice(0, 8)}`;

/**
 * A person's portrait in the language of `t` from `sheet` (the site's, by default), or undefined
 * for a person the sheet does not draw (one without a look).
 */
export function portraitView(
  person: string,
  name: string,
  t: (key: 'portrait.of' | `portrait.${Expression}`, vars?: Vars) => string,
  sheet: Sheet = siteSheet,
): PortraitView | undefined {
  const row = sheet.people.indexOf(person);
  if (row < 0) return undefined;
  const alt = Object.fromEntries(expressions.map((e) => [e, t('portrait.of', { name, expression: t(`portrait.${e}`) })]));
  return { src: sheetAddress(sheet), row, rows: sheet.people.length, alt: alt as Record<Expression, string> };
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
 * `svg` with every id, and every reference to one, made the person's own: DiceBear names a part
 * for the person's look, but the masks inside some parts (a mouth's) by the part alone, and one
 * file holds everyone.
 */
const ownIds = (svg: string, person: string) =>
  svg.replace(/\bid="([^"]+)"/g, `id="$1.${person}"`).replace(/(href="#|url\(#)([^")]+)/g, `$1$2.${person}`);

/** The name of the file that holds every person's faces, in the portraits' folder. */
export const castFile = 'cast.svg';

/**
 * The cast's portrait sheet: an SVG with one row of faces per person of `people` (every person
 * with a look, by default) and one column per expression in the order of `expressions`, each
 * face a group with the id "person-expression". A page shows a face as a part of the sheet (the
 * Portrait component), so every face on a page is one image that a browser draws once: a view
 * of the file per face cost a pass over the whole file for each. One file for everyone: the
 * people are drawn in one style, so gzip finds the same shapes in each and three people's
 * twelve faces weigh 3.9 KB, against 7.5 KB as three files. Deterministic: the same looks give
 * the same bytes, drawn once a build for each list of people (the pages' addresses hash it, and
 * the site and each package serve it). Throws an AstroError naming the fix for a person without
 * a look, and an Error if DiceBear ever gave two different drawings one id.
 */
export function castSvg(people: readonly string[] = Object.keys(looks)): string {
  const key = people.join();
  let sheet = sheets.get(key);
  if (sheet === undefined) {
    sheet = drawSheet(people);
    sheets.set(key, sheet);
  }
  return sheet;
}

const sheets = new Map<string, string>();

/** The sheet of `people`, drawn (`castSvg`). */
function drawSheet(people: readonly string[]): string {
  const shared = new Map<string, string>();
  /** Each part's drawing with its own ids left out, and the id it is kept under. */
  const drawnAs = new Map<string, string>();
  const drawn = people.flatMap((person, row) => {
    const look = looks[person];
    if (!look)
      throw authorError(
        `No portrait is drawn for "${person}": the person has no look in src/course/portraits.ts.`,
        `Add a look for "${person}" to \`looks\` in src/course/portraits.ts (DiceBear ToonHead options: the variant and color of each part; the people already there show the shape). A person without a look plays on without a face, and no portrait file is asked for them.`,
      );
    return expressions.map((expression, column) => {
      const svg = ownIds(new Avatar(style, { seed: person, ...look, ...faces[expression] }).toString(), person);
      // DiceBear draws each part once in <defs> and places it with <use>: the parts two faces share
      // have the same id and the same drawing, so each is kept once; so is a part another person
      // has drawn alike under their own id (the eyes and mouths, which take no colour of theirs).
      const [, defs, placed] = elements(elements(parse(svg) as { children: Node[] })[0]!);
      const renamed = new Map<string, string>();
      for (const part of elements(defs!)) {
        const id = part.attributes.id!;
        const drawing = renderSync(part);
        if (shared.has(id)) {
          if (shared.get(id) !== drawing) throw new Error(`Two different portrait parts share the id "${id}".`);
          continue;
        }
        const alike = drawing.replace(`id="${id}"`, '').replaceAll(`.${person}`, '');
        const first = drawnAs.get(alike);
        if (first) renamed.set(id, first);
        else {
          drawnAs.set(alike, id);
          shared.set(id, drawing);
        }
      }
      placed!.attributes.transform = `translate(${column * cell + margin} ${row * cell + margin})`;
      placed!.attributes.id = `${person}-${expression}`;
      // The face's references (its parts' href="#…", its clip-path's url(#…)) to the parts kept.
      return renderSync(placed!).replace(/(href="#|url\(#)([^")]+)/g, (_ref, to: string, id: string) => to + (renamed.get(id) ?? id));
    });
  });
  const [width, height] = [expressions.length * cell, people.length * cell];
  const sheet = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" fill="none"><defs>${[...shared.values()].join('')}</defs>${drawn.join('')}</svg>`;
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
    `The portraits in this folder (${castFile}: ${Object.keys(looks).join(', ')}) are drawn at build time with DiceBear`,
    `(https://www.dicebear.com, MIT) from its ${artwork.title} style.`,
    '',
    `Artwork: "${artwork.title}" by ${artwork.creator} (${artwork.creatorUrl}), ${artwork.source}`,
    `Licence: ${artwork.license}, ${artwork.licenseUrl}`,
    '',
    `Changes: the file combines each person's face in ${expressions.length} expressions (${expressions.join(', ')}), a row a person,`,
    'chosen from the style\u2019s eyebrows, eyes and mouths, with the drawing rounded to whole units.',
    '',
  ].join('\n');
}
