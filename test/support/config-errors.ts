import { expect } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { ERROR_CODES } from '../../shared/errors.js';

/** The message a rejected config gets (a ConfigError, exit 2); fails the test when the config is accepted. */
export function configErrorOf(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (err) {
    expect(err).toMatchObject({ code: ERROR_CODES.config, exitCode: 2 });
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}
