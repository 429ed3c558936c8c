// Checks the statements an LRS holds as the ADL conformance suite checks a
// statement (the parts Souffleur sends): required properties, the actor an
// identified Group (an account, no members: never a person), IRIs where
// xAPI wants them, UUIDs, ISO 8601 times and durations, version 1.0.3, and
// no id twice. Waits up to WAIT seconds for COUNT statements.
//   node check.mjs BACKEND_PORT COUNT WAIT [FRONT_LOG]
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, count, wait, frontLog] = process.argv.slice(2);
const expected = Number(count);

function get(path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: Number(port), path,
               headers: { 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic eDp4' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => { body += chunk; });
        res.on('end', () => res.statusCode === 200 ? resolve(JSON.parse(body))
                                                   : reject(new Error(`HTTP ${res.statusCode}: ${body}`)));
      }).on('error', reject);
  });
}

async function all() {
  const out = [];
  let next = '/xAPI/statements?limit=100';
  while (next) {
    const page = await get(next);
    out.push(...page.statements);
    next = page.more ? page.more : '';
  }
  return out;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const iri = /^[a-z][a-z0-9+.-]*:\S+$/i;
const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
const isoDuration = /^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

const deadline = Date.now() + Number(wait) * 1000;
let statements = await all();
while (statements.length < expected && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 500));
  statements = await all();
}
const problems = [];
if (statements.length !== expected)
  problems.push(`the LRS holds ${statements.length} statements, expected ${expected}`);
const ids = new Set();
for (const s of statements) {
  const where = `statement ${s.id}`;
  if (!uuid.test(s.id ?? '')) problems.push(`${where}: the id is not a UUID`);
  if (ids.has(s.id)) problems.push(`${where}: twice`);
  ids.add(s.id);
  const actor = s.actor ?? {};
  if (actor.objectType !== 'Group') problems.push(`${where}: the actor is not a Group`);
  if (!actor.account || !iri.test(actor.account.homePage ?? '') || !actor.account.name)
    problems.push(`${where}: the Group is not identified by an account (homePage, name)`);
  for (const ifi of ['mbox', 'mbox_sha1sum', 'openid', 'member'])
    if (ifi in actor) problems.push(`${where}: the actor has ${ifi}: a person, or more than one IFI`);
  if (!iri.test(s.verb?.id ?? '')) problems.push(`${where}: the verb id is not an IRI`);
  if (typeof s.verb?.display !== 'object') problems.push(`${where}: the verb has no display`);
  if (s.object?.objectType !== 'Activity' || !iri.test(s.object?.id ?? ''))
    problems.push(`${where}: the object is not an Activity with an IRI`);
  if (s.object?.definition?.type && !iri.test(s.object.definition.type))
    problems.push(`${where}: the activity type is not an IRI`);
  if (s.timestamp && !isoTime.test(s.timestamp)) problems.push(`${where}: the timestamp is not ISO 8601`);
  if (s.version !== '1.0.3') problems.push(`${where}: version ${s.version}, not 1.0.3`);
  if (s.context?.registration && !uuid.test(s.context.registration))
    problems.push(`${where}: the registration is not a UUID`);
  if (s.result?.duration && !isoDuration.test(s.result.duration))
    problems.push(`${where}: the duration is not ISO 8601`);
}
if (frontLog) {
  const requests = readFileSync(frontLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const posts = requests.filter((r) => r.method === 'POST');
  if (posts.length === 0) problems.push('Souffleur posted nothing to the LRS');
  for (const r of posts) {
    if (r.version !== '1.0.3') problems.push(`a POST without X-Experience-API-Version 1.0.3 (${r.version})`);
    if (!r.authorized) problems.push('a POST without the Basic credentials the admin set');
    if (!r.url.endsWith('/statements')) problems.push(`a POST to ${r.url}, not ENDPOINT/statements`);
  }
}
const verbs = [...new Set(statements.map((s) => s.verb?.id))].sort();
console.log(`${statements.length} statements, verbs: ${verbs.join(' ')}`);
if (problems.length) {
  for (const p of problems) console.error(`check: ${p}`);
  process.exit(1);
}
