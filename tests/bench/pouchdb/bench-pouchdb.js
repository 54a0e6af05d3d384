// bench-pouchdb.js: the sync benchmark's baseline (tests/bench/run,
// docs/benchmarks.md, "PouchDB in the same run"): PouchDB replicating the
// same receptions to a CouchDB-protocol server, express-pouchdb, on
// loopback.
//
//   node bench-pouchdb.js docs HQ_DB > DOCS
//       the receptions in liaison-hq's database HQ_DB (where the Liaison
//       push left them), each record as on the wire with its uuid as _id,
//       one JSON document a line, read with the sqlite3 program
//   node bench-pouchdb.js DOCS DIR IDLE_RUNS
//       PouchDB pushes DOCS from a local database to express-pouchdb, pulls
//       them into a new one, and syncs with nothing to do, IDLE_RUNS times
//
// DIR is an empty working directory. The server is a child process (this
// script, "serve"), as liaison-hq is for bench-sync; the local databases
// are PouchDB's LevelDB in this process. Prints "KEY VALUE" lines on
// stdout, progress on stderr.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const PouchDB = require('pouchdb-node');

// Liaison pushes batches of 500 and pulls pages of 1,000: PouchDB gets the
// same (its own defaults are 100 each way, which is slower).
const PUSH_BATCH = 500;
const PULL_BATCH = 1000;
const SMALL = 1000;

function say(text) {
  process.stderr.write(`   ${text}\n`);
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(Math.max(Math.ceil(fraction * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

// The server: express-pouchdb with the parts a PouchDB replication uses
// (its "minimumForPouchDB" mode), less gzip, since Liaison's own server
// answers uncompressed on loopback too. It reports its port to the parent.
function serve(dir) {
  const expressPouchDB = require('express-pouchdb');
  const ServerPouchDB = PouchDB.defaults({ prefix: dir + path.sep });
  const app = expressPouchDB(ServerPouchDB, {
    mode: 'minimumForPouchDB',
    overrideMode: { exclude: ['compression'] },
  });
  const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

function exportDocs(hqDb) {
  const query = "SELECT json_object('_id', uuid, 'kind', kind, 'updated_at', updated_at,"
    + " 'origin_station', origin_station, 'data', json(data))"
    + " FROM records WHERE kind = 'reception' AND deleted = 0 ORDER BY seq";
  const result = childProcess.spawnSync('sqlite3', ['-bail', hqDb, query], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error || result.status !== 0)
    throw new Error(`sqlite3 could not read ${hqDb}: ${result.error ? result.error.message : 'it failed'}`);
}

function startServer(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const child = childProcess.fork(__filename, ['serve', dir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: `http://127.0.0.1:${message.port}/` }));
    child.once('exit', (code) => reject(new Error(`the express-pouchdb server ended (${code})`)));
  });
}

async function load(db, docs) {
  for (let i = 0; i < docs.length; i += 1000) {
    const results = await db.bulkDocs(docs.slice(i, i + 1000));
    const failed = results.find((r) => r.error);
    if (failed)
      throw new Error(`saving ${failed.id}: ${failed.reason || failed.error}`);
  }
}

function expect(what, result, n) {
  if (!result.ok || result.docs_written !== n)
    throw new Error(`${what}: ${result.docs_written} documents written, not ${n} (${JSON.stringify(result.errors)})`);
}

// RUNS syncs both ways with nothing to do, each timed from the call to
// its end, after one untimed to set the checkpoints of both directions.
async function idle(local, remote, runs) {
  const times = [];
  await local.sync(remote, { batch_size: PUSH_BATCH });
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = await local.sync(remote, { batch_size: PUSH_BATCH });
    times.push(seconds(start) * 1000);
    if (result.push.docs_written !== 0 || result.pull.docs_written !== 0)
      throw new Error('a sync with nothing to do moved documents');
  }
  return times;
}

function printIdle(name, times, docs) {
  console.log(`${name}-docs ${docs}`);
  console.log(`${name}-median ${percentile(times, 0.5).toFixed(2)}`);
  console.log(`${name}-p95 ${percentile(times, 0.95).toFixed(2)}`);
  console.log(`${name}-max ${percentile(times, 1).toFixed(2)}`);
}

async function main(docsPath, dir, idleRuns) {
  const docs = fs.readFileSync(docsPath, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
  const n = docs.length;
  const server = await startServer(path.join(dir, 'server'));
  try {
    const remote = new PouchDB(server.url + 'hq');
    const station = new PouchDB(path.join(dir, 'station'));
    const replica = new PouchDB(path.join(dir, 'replica'));
    let start;

    say(`saving ${n} documents in a local PouchDB`);
    await load(station, docs);
    await remote.info();

    say('pushing them to express-pouchdb');
    start = process.hrtime.bigint();
    const push = await station.replicate.to(remote, { batch_size: PUSH_BATCH });
    const pushSeconds = seconds(start);
    expect('push', push, n);
    console.log(`push-docs ${push.docs_written}`);
    console.log(`push-seconds ${pushSeconds.toFixed(3)}`);
    console.log(`push-rate ${Math.round(n / pushSeconds)}`);

    // A station's sync goes on with a pull, as a PouchDB sync both ways
    // does: here it reads back the changes the push made, and writes none.
    say('pulling back into the same database');
    start = process.hrtime.bigint();
    const back = await station.replicate.from(remote, { batch_size: PULL_BATCH });
    const backSeconds = seconds(start);
    expect('the pull after the push', back, 0);
    console.log(`push-back-seconds ${backSeconds.toFixed(3)}`);
    console.log(`push-sync-seconds ${(pushSeconds + backSeconds).toFixed(3)}`);

    say('pulling them into a new local PouchDB');
    start = process.hrtime.bigint();
    const pull = await replica.replicate.from(remote, { batch_size: PULL_BATCH });
    const pullSeconds = seconds(start);
    expect('pull', pull, n);
    console.log(`pull-docs ${pull.docs_written}`);
    console.log(`pull-seconds ${pullSeconds.toFixed(3)}`);
    console.log(`pull-rate ${Math.round(n / pullSeconds)}`);

    say(`${idleRuns} syncs with nothing to do, with ${n} documents`);
    printIdle('idle-big', await idle(replica, remote, idleRuns), n);

    const small = Math.min(SMALL, n);
    say(`${idleRuns} syncs with nothing to do, with ${small} documents`);
    const smallRemote = new PouchDB(server.url + 'hq-small');
    const smallStation = new PouchDB(path.join(dir, 'station-small'));
    await load(smallStation, docs.slice(0, small));
    printIdle('idle-small', await idle(smallStation, smallRemote, idleRuns), small);
  } finally {
    server.child.kill('SIGTERM');
  }
}

function fail(error) {
  process.stderr.write(`bench-pouchdb: ${error.message}\n`);
  process.exit(1);
}

if (process.argv[2] === 'serve') {
  serve(process.argv[3]);
} else if (process.argv[2] === 'docs' && process.argv.length === 4) {
  try {
    exportDocs(process.argv[3]);
  } catch (error) {
    fail(error);
  }
} else if (process.argv.length === 5) {
  main(process.argv[2], process.argv[3], parseInt(process.argv[4], 10)).catch(fail);
} else {
  process.stderr.write('usage: node bench-pouchdb.js docs HQ_DB > DOCS | DOCS DIR IDLE_RUNS\n');
  process.exit(2);
}
