import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './http.js';

export { awsEnvForAccount, createMotoAccount, isolatedAwsEnv } from './moto-accounts.js';
export type { AwsEnv, MotoAccount } from './moto-accounts.js';

export interface MotoHandle {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** @default a free port chosen by the kernel */
  readonly port?: number;
  /** Moto logs one line per request; keep it off the console unless asked. @default true */
  readonly quiet?: boolean;
  /** Path to the moto_server executable. @default - findMotoServer() */
  readonly command?: string;
}

/** The moto the project is tested with; the bootstrap installs exactly this one. */
export const MOTO_VERSION = '5.2.1';

export const MOTO_MISSING_MESSAGE =
  `moto_server not found: run npm test or npm run demo with python3 on PATH to install it into .venv, or pip install ` +
  `'moto[server]==${MOTO_VERSION}'`;

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A project-local venv wins over PATH so a developer can pin moto without touching the system Python. */
export function findMotoServer(root = repoRoot, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    join(root, '.venv', 'bin', 'moto_server'),
    join(process.cwd(), '.venv', 'bin', 'moto_server'),
    ...onPath('moto_server', env),
  ];
  return candidates.find(isExecutable);
}

/** Every place `name` could be on PATH, in order. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
}

export { isExecutable, repoRoot };

export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoHandle> {
  const bin = opts.command ?? findMotoServer();
  if (!bin) throw new Error(MOTO_MISSING_MESSAGE);
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // MOTO_ACCOUNT_ID would pin every request to one account and defeat isolatedAwsEnv.
  const { MOTO_ACCOUNT_ID: _pinned, ...inherited } = process.env;
  // Amazon's default AMIs come with snapshots that moto's DescribeSnapshots lists even for OwnerIds: self
  // (it ignores OwnerIds), which real AWS never does; without them every account starts with no snapshots.
  const env = { MOTO_EC2_LOAD_DEFAULT_AMIS: 'false', ...inherited };
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: pyenv shims or a reloader may leave children that a plain kill would orphan.
    detached: true,
  });
  const output = captureOutput(child, opts.quiet ?? true);
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitUntilServing(url, child, output);
  } catch (error) {
    process.off('exit', killOnExit);
    await terminate(child);
    throw error;
  }
  return {
    url,
    pid: child.pid as number,
    async stop() {
      process.off('exit', killOnExit);
      await terminate(child);
    },
  };
}

function captureOutput(child: ChildProcess, quiet: boolean): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
    if (!quiet) process.stderr.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  child.once('error', (error: NodeJS.ErrnoException) => {
    exited = error.code === 'ENOENT' ? MOTO_MISSING_MESSAGE : error.message;
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited === MOTO_MISSING_MESSAGE) throw new Error(MOTO_MISSING_MESSAGE);
    if (exited) throw new Error(`moto_server ${exited} before serving ${url}:\n${output()}`);
    try {
      const res = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`moto_server did not answer on ${url} within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
