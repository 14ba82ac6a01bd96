import type { TestProject } from 'vitest/node';
import { ensureMotoServer } from '../../emulators/moto-install.js';
import { startMoto } from '../../emulators/moto.js';

/*
 * One moto_server for the whole run: starting one per file would cost ~2 s each. Test files
 * isolate themselves with awsEnvFor(), which gives each its own moto account.
 * A missing moto_server fails the run with the install hint; skipping would hide untested code.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A fresh machine with python3 gets the pinned moto in .venv, once; without Python the message says what to do.
  const moto = await startMoto({ quiet: true, command: await ensureMotoServer() });
  project.provide('motoUrl', moto.url);
  return () => moto.stop();
}
