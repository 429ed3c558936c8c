// A real LRS on loopback for tests/xapi/run.sh: Learning Locker's
// xapi-statements (statements in memory), started as a child process, behind
// a small front that checks what Souffleur must send (Basic authentication
// with the key and secret the admin set, the X-Experience-API-Version header)
// and can go away and come back on the same port (an LRS outage).
//   node lrs.mjs backend PORT_FILE
//   node lrs.mjs front BACKEND_PORT PORT KEY SECRET PORT_FILE LOG_FILE   (PORT 0: any)
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [mode, ...args] = process.argv.slice(2);

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (mode === 'backend') {
  const [portFile] = args;
  const port = await freePort();
  const require = createRequire(import.meta.url);
  const main = require.resolve('xapi-statements/dist/server.js');
  const work = mkdtempSync(path.join(tmpdir(), 'souffleur-lrs-'));
  const child = spawn(process.execPath, [main], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      EXPRESS_PORT: String(port),
      AUTH_REPO: 'test', // the front checks the credentials
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      WINSTON_CONSOLE_LEVEL: 'error',
      EXPRESS_MORGAN_DIRECTORY: path.join(work, 'logs'),
      NODE_NO_WARNINGS: '1',
    },
  });
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.on(signal, () => { child.kill(); process.exit(0); });
  child.on('exit', (code) => process.exit(code ?? 1));
  // Ready when it answers.
  for (let i = 0; i < 200; ++i) {
    const up = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/xAPI/about' }, (res) => { res.resume(); resolve(true); })
        .on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  writeFileSync(portFile, String(port));
} else if (mode === 'front') {
  const [backendPort, port, key, secret, portFile, logFile] = args;
  const expected = 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
  const server = http.createServer((req, res) => {
    const version = req.headers['x-experience-api-version'] ?? null;
    const authorized = req.headers.authorization === expected;
    appendFileSync(logFile, JSON.stringify({ method: req.method, url: req.url, version, authorized }) + '\n');
    if (!authorized) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"wrong credentials"}');
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: Number(backendPort), method: req.method,
      path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  server.listen(Number(port), '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.on(signal, () => server.close(() => process.exit(0)));
} else {
  console.error('usage: node lrs.mjs backend PORT_FILE | front BACKEND_PORT PORT KEY SECRET PORT_FILE LOG_FILE');
  process.exit(2);
}
