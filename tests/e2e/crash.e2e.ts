import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// security.md §3.1 point 3, §3.4 and test H2: writes reach the database exactly once even when the
// server is killed with SIGKILL while they are being sent. The built demo server runs as a child
// process on its own port and database; each round sends fresh check-ins (POST /me/check-in, which
// is idempotent per user and operation id) at concurrency C, kills the server after a random number
// of acknowledgements, restarts it on the same file, resends every write that was not acknowledged
// (same operation id, as the outbox does), replays about 10% of the acknowledged ones, and then reads
// the file: every write exactly once, every acknowledged write present, integrity_check ok.
// Not a browser test, so it runs in one project. CRASH_ROUNDS, CRASH_WRITES, CRASH_CONCURRENCY and
// CRASH_CONTROL_ROUNDS make it heavier for a nightly run (H2 asks for 1,000 writes per round).

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Not 4190: fetch refuses it (the Fetch standard's "bad port" list has 4190, ManageSieve).
const PORT = Number(process.env.CRASH_PORT ?? 4191);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATABASE = join(ROOT, 'data', 'crash.db');
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const WRITES = Number(process.env.CRASH_WRITES ?? 60);
const CONCURRENCY = Number(process.env.CRASH_CONCURRENCY ?? 50);
const CONTROL_ROUNDS = Number(process.env.CRASH_CONTROL_ROUNDS ?? 3);
// The control keeps going (up to this many rounds) until a kill has landed between a commit and
// its acknowledgement, because only such a write can be duplicated; see the control test below.
const CONTROL_MAX_ROUNDS = Math.max(CONTROL_ROUNDS, 12);
const DONE = '/me/check-in?done=1';
const DOMAINS = ['housing', 'health', 'relationships', 'activities', 'money', 'work_learning', 'independence', 'identity'];

test.beforeEach(({ baseURL: _baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'laptop-js', 'runs once');
});

const children = new Set<ChildProcess>();
let seeded = false;

test.afterAll(async () => {
	for (const child of children) await stop(child);
	if (seeded) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(DATABASE + suffix, { force: true });
});

/** One logical write: `tag` names it (in the words), `operation` is the id it is currently sent with. */
type Write = { tag: string; operation: string; scores: string[]; acked: boolean };

type Server = { child: ChildProcess; stderr: string[] };

function stop(child: ChildProcess): Promise<void> {
	children.delete(child);
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', () => done());
		child.kill('SIGKILL');
	});
}

async function start(): Promise<Server> {
	const child = spawn(process.execPath, ['src/bin/server.js', 'build-demo'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_PATH: DATABASE, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	children.add(child);
	const stderr: string[] = [];
	child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode}): ${stderr.join('').trim()}`);
		if (Date.now() > deadline) throw new Error(`the server did not answer /status within 30 s: ${stderr.join('').trim()}`);
		const ok = await fetch(`${ORIGIN}/status`, { signal: AbortSignal.timeout(2000) }).then(
			(r) => r.status === 200,
			() => false
		);
		if (ok) return { child, stderr };
		await new Promise((r) => setTimeout(r, 50));
	}
}

async function signInAsAmira(): Promise<string> {
	const page = await (await fetch(`${ORIGIN}/demo`)).text();
	const accounts = [...page.matchAll(/name="account" value="([a-z2-7]{16})"/g)].map((m) => m[1]);
	const names = [...page.matchAll(/Sign in as ([^<]+)</g)].map((m) => m[1]);
	const account = accounts[names.indexOf('Amira')];
	if (!account) throw new Error('Amira is not on the demo picker');
	const response = await fetch(`${ORIGIN}/demo`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ account })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('harbour_session='));
	if (response.status !== 303 || !cookie) throw new Error(`demo sign-in answered ${response.status}`);
	return cookie.split(';')[0] ?? '';
}

const newOperation = () => randomBytes(12).toString('base64url');
const score = () => String(1 + Math.floor(Math.random() * 5));

function writes(prefix: string, n: number): Write[] {
	return Array.from({ length: n }, (_, i) => ({ tag: `${prefix} w${i}`, operation: newOperation(), scores: DOMAINS.map(score), acked: false }));
}

/** 'ack' is the check-in's 303; 'error' is no answer at all (the server died); anything else is a status. */
async function send(cookie: string, write: Write): Promise<'ack' | 'error' | number> {
	const body = new URLSearchParams(DOMAINS.map((d, i) => [d, write.scores[i] ?? '3']));
	body.set('words', write.tag);
	body.set('operation', write.operation);
	try {
		const response = await fetch(`${ORIGIN}/me/check-in`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body,
			signal: AbortSignal.timeout(20_000)
		});
		await response.arrayBuffer();
		return response.status === 303 && response.headers.get('location') === DONE ? 'ack' : response.status;
	} catch {
		return 'error';
	}
}

/** Sends `list` at `concurrency`; stops taking new writes once `stop()` says so. */
async function sendAll(cookie: string, list: Write[], concurrency: number, unexpected: string[], stop: () => boolean = () => false, onAck: () => void = () => {}): Promise<void> {
	const queue = [...list];
	const worker = async () => {
		for (let write = queue.shift(); write && !stop(); write = queue.shift()) {
			const result = await send(cookie, write);
			if (result === 'ack') {
				write.acked = true;
				onAck();
			} else if (result !== 'error') unexpected.push(`${write.tag}: ${result}`);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Rows of this run, read from the file with a separate read-only connection. */
function readDatabase(prefix: string): { byOperation: Map<string, number>; byTag: Map<string, number>; integrity: string } {
	const db = new Database(DATABASE, { readonly: true, fileMustExist: true });
	try {
		const rows = db.prepare('SELECT operation_id AS operation, words AS tag FROM check_in WHERE words LIKE ?').all(`${prefix} %`) as { operation: string; tag: string }[];
		const byOperation = new Map<string, number>();
		const byTag = new Map<string, number>();
		for (const r of rows) {
			byOperation.set(r.operation, (byOperation.get(r.operation) ?? 0) + 1);
			byTag.set(r.tag, (byTag.get(r.tag) ?? 0) + 1);
		}
		return { byOperation, byTag, integrity: String(db.pragma('integrity_check', { simple: true })) };
	} finally {
		db.close();
	}
}

type Round = {
	kill: Kill;
	writes: number;
	killedAt: number;
	committedUnacked: number;
	retries: number;
	replays: number;
	/** acknowledged but missing from the file the kill left, or from the file after the round */
	lost: number;
	/** never acknowledged, even after the retries */
	unacknowledged: number;
	duplicates: number;
	integrity: string[];
};

/**
 * When the kill comes. 'acks': after a random number of acknowledgements, as H2 says. A 303 leaves the
 * server a moment after its insert commits (the audit row is written in between), and the test
 * process needs a moment to see the 303 and send the signal, but the server handles one request at a
 * time, so at most about one write is in that window: here 7 of 32 such kills landed in it.
 * 'commits': a read-only connection in the test polls the file and kills the server as soon as a
 * random number of this round's rows are committed, i.e. aimed at the window between commit and
 * acknowledgement, the one a resend must not duplicate: about 7 kills in 10 land in it, each with
 * one write committed but unacknowledged.
 */
type Kill = 'acks' | 'commits';

/**
 * One round. With `idempotent` false the retry of an unacknowledged write gets a NEW operation id,
 * which is what a client without idempotency does; the checks are the same.
 */
async function round(server: { current: Server }, cookie: string, prefix: string, kill: Kill, idempotent: boolean, unexpected: string[]): Promise<Round> {
	const list = writes(prefix, WRITES);
	const killedAt = 1 + Math.floor(Math.random() * (WRITES - 1)); // 1 … WRITES-1 acknowledgements or commits
	const dying = server.current.child;
	let killed = false;
	let acks = 0;
	const killNow = () => {
		if (killed) return;
		killed = true;
		dying.kill('SIGKILL');
	};
	const sending = sendAll(cookie, list, CONCURRENCY, unexpected, () => killed, () => {
		acks += 1;
		if (kill === 'acks' && acks >= killedAt) killNow();
	});
	if (kill === 'commits') {
		const watcher = new Database(DATABASE, { readonly: true, fileMustExist: true });
		const committed = watcher.prepare('SELECT count(*) FROM check_in WHERE words LIKE ?').pluck();
		try {
			while (!killed && dying.exitCode === null) {
				if (Number(committed.get(`${prefix} %`)) >= killedAt) killNow();
				else await new Promise((r) => setImmediate(r));
			}
		} finally {
			watcher.close();
		}
	}
	await sending;
	if (!killed) throw new Error(`round ${prefix}: the server was never killed (exit ${dying.exitCode})`);
	await stop(dying);
	// The file as the kill left it: every acknowledged write must be in it (checked before any resend
	// or replay could put it back), and some unacknowledged ones may already be committed.
	const crashed = readDatabase(prefix);
	const lostAtKill = list.filter((w) => w.acked && !crashed.byOperation.has(w.operation)).length;
	const committedUnacked = list.filter((w) => !w.acked && crashed.byOperation.has(w.operation)).length;

	server.current = await start();
	const pending = list.filter((w) => !w.acked);
	const retries = pending.length;
	if (!idempotent) for (const w of pending) w.operation = newOperation();
	for (let attempt = 0; attempt < 5 && list.some((w) => !w.acked); attempt += 1) {
		await sendAll(cookie, list.filter((w) => !w.acked), CONCURRENCY, unexpected);
	}
	const replayed = list.filter((w) => w.acked && Math.random() < 0.1);
	if (replayed.length === 0 && list[0]?.acked) replayed.push(list[0]);
	const replayAnswers = await Promise.all(replayed.map((w) => send(cookie, w)));
	for (const [i, a] of replayAnswers.entries()) if (a !== 'ack') unexpected.push(`replay of ${replayed[i]?.tag}: ${a}`);

	const after = readDatabase(prefix);
	const lost = lostAtKill + list.filter((w) => w.acked && !after.byOperation.has(w.operation)).length;
	const unacknowledged = list.filter((w) => !w.acked).length;
	const duplicates = list.reduce((n, w) => n + Math.max(0, (after.byTag.get(w.tag) ?? 0) - 1), 0) + [...after.byOperation.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
	return { kill, writes: list.length, killedAt, committedUnacked, retries, replays: replayed.length, lost, unacknowledged, duplicates, integrity: [crashed.integrity, after.integrity] };
}

test('writes survive kill -9 exactly once: 0 lost, 0 duplicated, integrity ok (H2)', async () => {
	test.setTimeout(60_000 + (ROUNDS + CONTROL_MAX_ROUNDS) * Math.max(10_000, WRITES * 40));
	const t0 = Date.now();
	seeded = true;
	const seed = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/bin/seed.ts', '--db', DATABASE, '--people', '30', '--demo', '--replace', '--quiet', '--seed', '7'], { cwd: ROOT, encoding: 'utf8' });
	expect(seed.status, seed.stderr).toBe(0);
	expect(existsSync(DATABASE)).toBe(true);

	const server = { current: await start() };
	const cookie = await signInAsAmira();
	const run = `crash-${newOperation().slice(0, 6)}`;
	const unexpected: string[] = [];

	// The real test: idempotent resends.
	const rounds: Round[] = [];
	for (let r = 0; r < ROUNDS; r += 1) rounds.push(await round(server, cookie, `${run} r${r}`, r % 2 === 0 ? 'acks' : 'commits', true, unexpected));
	const sum = (list: Round[], key: 'writes' | 'committedUnacked' | 'retries' | 'replays' | 'lost' | 'unacknowledged' | 'duplicates') => list.reduce((n, r) => n + r[key], 0);
	const badIntegrity = rounds.flatMap((r) => r.integrity).filter((i) => i !== 'ok');
	const mainSeconds = (Date.now() - t0) / 1000;

	// The control, to show the checks have teeth: the same rounds, but a retry gets a new operation id.
	// Only a write that was committed but whose 303 never arrived (the kill landed between commit and
	// acknowledgement) can then be stored twice, and whether there is one depends on timing: with kills
	// after N acknowledgements most rounds here had none, so "this round must show duplicates" would be
	// flaky, and a handful of such rounds can show none at all. So the control
	// (1) aims its kills at that window ('commits'), (2) runs CONTROL_ROUNDS rounds and more (up to
	// CONTROL_MAX_ROUNDS) until at least one write was committed but unacknowledged, counted from the
	// crashed file itself, and (3) asserts over all its rounds together that the checks found exactly
	// that many duplicates, and more than zero. Nothing is assumed: both numbers are measured.
	const control: Round[] = [];
	while (control.length < CONTROL_ROUNDS || (sum(control, 'committedUnacked') === 0 && control.length < CONTROL_MAX_ROUNDS)) {
		control.push(await round(server, cookie, `${run} control${control.length}`, 'commits', false, unexpected));
	}
	await stop(server.current.child);

	const total = sum(rounds, 'writes');
	const byAcks = rounds.filter((r) => r.kill === 'acks');
	const byCommits = rounds.filter((r) => r.kill === 'commits');
	const landed = (list: Round[]) => list.filter((r) => r.committedUnacked > 0).length;
	const controlWrites = sum(control, 'writes');
	const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
	const summary =
		`crash (H2): ${rounds.length} rounds × ${WRITES} writes at concurrency ${CONCURRENCY} = ${total} writes, ${rounds.length} kill -9 ` +
		`(${byAcks.length} after a random ack count, ${byCommits.length} at a random commit count); ` +
		`${sum(rounds, 'committedUnacked')} writes committed but unacknowledged at a kill (${landed(byAcks)}/${byAcks.length} and ${landed(byCommits)}/${byCommits.length} kills landed between commit and ack), ` +
		`${sum(rounds, 'retries')} unacknowledged writes retried (in ${rounds.filter((r) => r.retries > 0).length} rounds), ${sum(rounds, 'replays')} acknowledged writes replayed; ` +
		`lost=${sum(rounds, 'lost')}, never acknowledged=${sum(rounds, 'unacknowledged')}, duplicates=${sum(rounds, 'duplicates')}, integrity ${badIntegrity.length === 0 ? 'ok' : badIntegrity.join('; ')} (after each kill and each round); ${mainSeconds.toFixed(1)} s. ` +
		`Control without idempotency: ${control.length} rounds, ${controlWrites} writes, ${sum(control, 'committedUnacked')} committed but unacknowledged (${landed(control)}/${control.length} kills landed), ` +
		`duplicates=${sum(control, 'duplicates')} (${pct(sum(control, 'duplicates'), controlWrites)}). Unexpected answers: ${unexpected.length}.`;
	console.log(summary);
	test.info().annotations.push({ type: 'crash', description: summary });

	expect(unexpected, 'answers other than the 303 or no answer').toEqual([]);
	expect(badIntegrity, 'PRAGMA integrity_check').toEqual([]);
	expect(sum(rounds, 'lost'), 'acknowledged writes lost').toBe(0);
	expect(sum(rounds, 'unacknowledged') + sum(control, 'unacknowledged'), 'writes never acknowledged after the restart').toBe(0);
	expect(sum(rounds, 'duplicates'), 'writes stored more than once').toBe(0);
	expect(sum(control, 'committedUnacked'), 'a kill landed between commit and acknowledgement in the control').toBeGreaterThan(0);
	expect(sum(control, 'duplicates'), 'the control finds one duplicate per committed-but-unacknowledged write').toBe(sum(control, 'committedUnacked'));
	expect(sum(control, 'lost')).toBe(0);
});
