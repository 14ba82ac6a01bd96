import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureMotoServer } from '../../emulators/moto-install.js';

/*
 * The moto bootstrap, driven through PATH: a stand-in
 * `python3` creates the venv and a stand-in `pip` succeeds or fails as PyPI
 * would. No real install: this machine may have no package index.
 */
function sandbox(pip: 'installs' | 'no-index' | null, python = true) {
  const root = mkdtempSync(join(tmpdir(), 'cw-moto-install-'));
  const bin = join(root, 'path-bin');
  mkdirSync(bin);
  // PATH is only this folder: the stand-ins plus the few tools their scripts use, so no real python3 is found.
  for (const tool of ['mkdir', 'cat', 'chmod', 'dirname'])
    for (const dir of ['/usr/bin', '/bin'])
      if (existsSync(join(dir, tool)) && !existsSync(join(bin, tool))) symlinkSync(join(dir, tool), join(bin, tool));
  const pipScript =
    pip === 'installs'
      ? `#!/bin/sh\necho "$@" > "$(dirname "$0")/pip-args"\nprintf '#!/bin/sh\\nexit 0\\n' > "$(dirname "$0")/moto_server"\nchmod +x "$(dirname "$0")/moto_server"\n`
      : `#!/bin/sh\necho "ERROR: Could not find a version that satisfies the requirement moto[server]==5.2.1 (from versions: none)" >&2\nexit 1\n`;
  if (python) {
    // `python3 -m venv DIR` makes DIR/bin/pip.
    writeFileSync(
      join(bin, 'python3'),
      `#!/bin/sh\n[ "$1" = "-m" ] && [ "$2" = "venv" ] || exit 2\nmkdir -p "$3/bin"\ncat > "$3/bin/pip" <<'PIP'\n${pipScript}PIP\nchmod +x "$3/bin/pip"\n`,
    );
    chmodSync(join(bin, 'python3'), 0o755);
  }
  const lines: string[] = [];
  return { root, env: { PATH: bin }, lines, progress: (l: string) => lines.push(l) };
}

describe('ensureMotoServer', () => {
  it('creates .venv and installs the pinned moto when python3 is there, with a progress line', async () => {
    const s = sandbox('installs');

    const bin = await ensureMotoServer(s);

    expect(bin).toBe(join(s.root, '.venv', 'bin', 'moto_server'));
    expect(s.lines[0]).toMatch(/^moto_server not found: installing moto\[server\]==5\.2\.1 into .*\.venv \(one time/);
    expect(await ensureMotoServer(s)).toBe(bin);
    expect(s.lines).toHaveLength(2);
  });

  it('says what to do when the package index cannot be reached', async () => {
    const s = sandbox('no-index');

    await expect(ensureMotoServer(s)).rejects.toThrow(
      /could not install moto\[server\]==5\.2\.1 from the Python package index.*PIP_INDEX_URL.*Could not find a version/s,
    );
  });

  it('says what to do when there is no python3 at all', async () => {
    const s = sandbox(null, false);

    await expect(ensureMotoServer(s)).rejects.toThrow(/no python3 on PATH.*Install Python 3.*pip install 'moto\[server\]==5\.2\.1'/);
    expect(existsSync(join(s.root, '.venv'))).toBe(false);
  });

  it('uses a moto_server already on PATH without installing anything', async () => {
    const s = sandbox(null, false);
    const onPath = join(s.root, 'path-bin', 'moto_server');
    writeFileSync(onPath, '#!/bin/sh\n');
    chmodSync(onPath, 0o755);

    expect(await ensureMotoServer(s)).toBe(onPath);
    expect(s.lines).toEqual([]);
  });
});
