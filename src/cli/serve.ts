// `npm start` (after the build) and the end-to-end tests: serves the built site from dist/ the
// way a static host does, directory indexes and the 404 page included.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.webmanifest': 'application/manifest+json',
};

export function startServer(options: { root?: string; port?: number; host?: string } = {}) {
  const root = resolve(options.root ?? 'dist');
  const port = options.port ?? 4321;
  const host = options.host ?? 'localhost';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(400).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    const found = existsSync(path) && statSync(path).isFile();
    const file = found ? path : join(root, '404.html');
    response.writeHead(found ? 200 : 404, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  server.listen(port, host);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env['PORT'] ?? 4321);
  if (!existsSync(resolve('dist', 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first.');
    process.exit(1);
  }
  startServer({ port }).on('listening', () => console.log(`The course is being served at http://localhost:${port}/ (Ctrl+C stops it).`));
}
