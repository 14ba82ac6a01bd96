import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One leaf part of a parsed MIME message. */
export interface MimePart {
  readonly contentType: string;
  readonly filename: string | null;
  readonly disposition: string | null;
  /** The decoded body: text for text/* parts, base64 for others. */
  readonly content: string;
}

export interface ParsedMime {
  readonly headers: Record<string, string>;
  /** The content types of the tree, depth-first, e.g. multipart/mixed, multipart/alternative, text/plain … */
  readonly structure: string[];
  readonly parts: MimePart[];
}

/**
 * Parses a raw message with Python's standard `email` package: an independent
 * parser (Python is on every machine that runs moto), so the tests check the
 * MIME that mail clients see, not our own reading of it.
 */
const PARSER = `
import base64, email, email.policy, json, sys
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
parts = []
for p in msg.walk():
    if p.is_multipart():
        continue
    payload = p.get_content()
    parts.append({
        'contentType': p.get_content_type(),
        'filename': p.get_filename(),
        'disposition': p.get_content_disposition(),
        'content': payload if isinstance(payload, str) else base64.b64encode(payload).decode(),
    })
print(json.dumps({
    'headers': {k: str(v) for k, v in msg.items()},
    'structure': [p.get_content_type() for p in msg.walk()],
    'parts': parts,
}))
`;

/** The project's venv (where moto may live) first, else the PATH's python3. */
const venvPython = fileURLToPath(new URL('../../.venv/bin/python3', import.meta.url));
const python = existsSync(venvPython) ? venvPython : 'python3';

export function parseMime(raw: Uint8Array | string): ParsedMime {
  const out = execFileSync(python, ['-c', PARSER], { input: raw, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as ParsedMime;
}
