import { describe, expect, it } from 'vitest';
import { ledgerKey } from '../../shared/alerts/keys.js';
import { deliveryItem, messageStateItem, muteItem, slackRequestItem } from '../../shared/ledger/table.js';

const subject = { job: 'daily-spend', scope: 'service', key: 'Amazon EC2', account: null } as const;

describe('ledger table codec', () => {
  it('writes delivery claims with the stored attributes and hashed key', () => {
    const target = { channel: 'slack', destination: '#costs' } as const;
    expect(deliveryItem.claim('a1', target, 100, 500)).toEqual({
      pk: { S: ledgerKey('a1', target) },
      alertId: { S: 'a1' },
      channel: { S: 'slack' },
      status: { S: 'pending' },
      claimedAt: { N: '100' },
      expiresAt: { N: '500' },
      destination: { S: '#costs' },
    });
    expect(ledgerKey('a1', target)).toMatch(/^v2#[0-9a-f]{64}$/);
  });

  it('records a sent Slack alert so the actions endpoint reads it back', () => {
    const change = deliveryItem.sent(7, { subject, message: { channel: 'C1', ts: '1.2' }, anomalyId: 'an-1' });
    expect(change.expression).toBe(
      'SET #s = :s, sentAt = :t, job = :job, #scope = :scope, #key = :key, account = :acct, msgChannel = :mc, msgTs = :mts, anomalyId = :an REMOVE lastError',
    );
    expect(change.values[':acct']).toEqual({ NULL: true });
    const item = {
      alertId: { S: 'a1' },
      channel: { S: 'slack' },
      status: { S: 'sent' },
      job: { S: 'daily-spend' },
      scope: { S: 'service' },
    };
    const stored = { ...item, key: { S: 'Amazon EC2' }, msgChannel: { S: 'C1' }, msgTs: { S: '1.2' }, anomalyId: { S: 'an-1' } };
    expect(deliveryItem.toAlertRecord('k', stored)).toEqual({
      ledgerKey: 'k',
      alertId: 'a1',
      subject,
      message: { channel: 'C1', ts: '1.2' },
      anomalyId: 'an-1',
    });
    expect(deliveryItem.toAlertRecord('k', { ...stored, status: { S: 'pending' } })).toBeUndefined();
  });

  it('writes mutes under mute| with the TTL at their end and reads them back', () => {
    const mute = { ...subject, account: '111111111111', until: '2026-01-01T00:00:01.500Z', by: 'cli:ana' };
    const item = muteItem.encode(mute);
    expect(item).toEqual({
      pk: { S: 'mute|daily-spend|service|111111111111|Amazon EC2' },
      kind: { S: 'mute' },
      job: { S: 'daily-spend' },
      scope: { S: 'service' },
      key: { S: 'Amazon EC2' },
      account: { S: '111111111111' },
      until: { S: mute.until },
      by: { S: 'cli:ana' },
      expiresAt: { N: String(Date.parse('2026-01-01T00:00:02Z') / 1000) },
    });
    expect(muteItem.decode(item)).toEqual(mute);
    expect(muteItem.decode({ ...item, kind: { S: 'other' } })).toBeUndefined();
  });

  it('keys Slack request signatures and message states by their prefixes', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(slackRequestItem('v0=abc', now)).toEqual({
      pk: { S: 'slack-request|v0=abc' },
      expiresAt: { N: String(now.getTime() / 1000 + 600) },
    });
    expect(messageStateItem.key({ channel: 'C1', ts: '1.2' })).toEqual({ pk: { S: 'slack-message|C1|1.2' } });
    const change = messageStateItem.append({ kind: 'acknowledge', value: 'v', note: 'n' }, 'text', now);
    expect(change.values[':one']).toEqual({ L: [{ M: { kind: { S: 'acknowledge' }, value: { S: 'v' }, note: { S: 'n' } } }] });
    expect(messageStateItem.decode({ version: { N: '2' }, baseText: { S: 'text' }, actions: change.values[':one']! })).toEqual({
      version: 2,
      baseText: 'text',
      actions: [{ kind: 'acknowledge', value: 'v', note: 'n' }],
    });
    expect(messageStateItem.decode(undefined)).toEqual({ version: 0, baseText: undefined, actions: [] });
  });
});
