import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findMotoServer, isExecutable, MOTO_VERSION, onPath, repoRoot } from './moto.js';

export interface EnsureMotoOptions {
  /** Where `.venv` goes. @default the repository root */
  readonly root?: string;
  /** PATH and pip's variables (PIP_INDEX_URL) come from here. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Progress lines (stderr in the demo and the test setup). */
  readonly progress?: (line: string) => void;
}

/** Set-up cannot go on: says what to do, in one message. */
export class MotoSetupError extends Error {}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (err) => resolve({ code: 127, output: err.message }));
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * moto_server from PATH or `.venv/bin`; where there is none and python3 is on
 * PATH, creates the project-local `.venv` and installs the pinned moto into it
 * (one time, about a minute), so `npm ci && npm run demo` is all the set-up.
 */
export async function ensureMotoServer(o: EnsureMotoOptions = {}): Promise<string> {
  const root = o.root ?? repoRoot;
  const env = o.env ?? process.env;
  const found = findMotoServer(root, env);
  if (found) return found;
  const python = onPath('python3', env).find(isExecutable);
  if (!python)
    throw new MotoSetupError(
      `moto_server not found, and there is no python3 on PATH to install it with. Install Python 3 (with its venv module; on ` +
        `Debian/Ubuntu: apt-get install python3-venv), then run the command again; or install moto yourself: pip install ` +
        `'moto[server]==${MOTO_VERSION}'`,
    );
  const venv = join(root, '.venv');
  const say = o.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  say(`moto_server not found: installing moto[server]==${MOTO_VERSION} into ${venv} (one time, about a minute) …`);
  const made = await run(python, ['-m', 'venv', venv], env);
  if (made.code !== 0)
    throw new MotoSetupError(
      `could not create ${venv} with ${python} -m venv (exit ${made.code}); on Debian/Ubuntu install python3-venv. ` +
        `Output:\n${made.output.trim()}`,
    );
  const pip = join(venv, 'bin', 'pip');
  const installed = await run(pip, ['install', '--disable-pip-version-check', '--quiet', `moto[server]==${MOTO_VERSION}`], env);
  if (installed.code !== 0)
    throw new MotoSetupError(
      `could not install moto[server]==${MOTO_VERSION} from the Python package index (pip exit ${installed.code}). Without ` +
        `access to PyPI, set PIP_INDEX_URL to a mirror, or install it on a machine that has access. pip ` +
        `said:\n${installed.output.trim()}`,
    );
  const bin = join(venv, 'bin', 'moto_server');
  if (!isExecutable(bin)) throw new MotoSetupError(`pip installed moto but ${bin} is missing; delete ${venv} and run the command again`);
  say(`moto_server installed: ${bin}`);
  return bin;
}
