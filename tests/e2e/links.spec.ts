// Every internal href and src in the built site resolves, anchors included. Reads dist/; no
// browser needed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from './fixtures.ts';
import { courseOrigin } from './origin.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const site = courseOrigin;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const pages = new Map(htmlFiles(dist).map((file) => [file, readFileSync(file, 'utf8')]));

function target(ref: string, from: string): { file: string; anchor: string } | undefined {
  const url = new URL(ref, `${site}/${relative(dist, dirname(from)).split('\\').join('/')}/`);
  if (url.origin !== site) return undefined;
  let file = join(dist, decodeURIComponent(url.pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return { file, anchor: decodeURIComponent(url.hash.slice(1)) };
}

test('every internal link and source in the built site resolves, anchors included', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const [file, html] of pages) {
    const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    for (const ref of refs) {
      if (/^(?:mailto:|data:|javascript:)/.test(ref)) continue;
      const to = target(ref, file);
      if (!to) continue;
      checked++;
      const where = `${relative(dist, file)} → ${ref}`;
      if (!existsSync(to.file)) {
        broken.push(`${where}: no such file`);
        continue;
      }
      // A page's anchor names an element, as an image's would name a view of it.
      if (to.anchor && /\.(?:html|svg)$/.test(to.file)) {
        const html = pages.get(to.file) ?? readFileSync(to.file, 'utf8');
        if (!html.includes(`id="${to.anchor}"`) && !html.includes(`name="${to.anchor}"`))
          broken.push(`${where}: no element with id "${to.anchor}"`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});
