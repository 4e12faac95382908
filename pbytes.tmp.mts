import { bundleIsland } from './src/islands/bundle.ts';
import { gzipSync } from 'node:zlib';
for (const e of ['src/islands/course-player.ts', 'src/islands/embed-frame.ts']) {
  const b = await bundleIsland(e);
  console.log(e, gzipSync(b.js, { level: 9 }).length);
}
