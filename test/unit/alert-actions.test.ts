import type { ActionsBlock, Button, ContextBlock, KnownBlock, StaticSelect } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ledgerKey } from '../../shared/alerts/keys.js';

const deliveryKey = (alertId: string, channel: string) => ledgerKey(alertId, { channel });
import { ACTION_IDS, actionKindOf, alertActions, withAlertActions } from '../../shared/notify/actions.js';
import { section } from '../../shared/notify/blocks.js';
import type { Alert } from '../../shared/alerts/alert.js';
import { updatedMessage } from '../../shared/slack-actions/message-update.js';

const alert = (n: number, extra: object = {}): Alert => ({
  alertId: `daily-spend|service|svc ${n}|2026-11-20|critical`,
  severity: 'critical',
  subject: { job: 'daily-spend', scope: 'service', key: `svc ${n}`, account: null },
  ...extra,
});
const buttons = (blocks: KnownBlock[]) =>
  blocks.filter((b): b is ActionsBlock => b.type === 'actions').flatMap((b) => b.elements as Button[]);

describe('alert buttons', () => {
  it('puts Acknowledge and one Mute 7 days per alert, valued by the alert’s ledger key', () => {
    const blocks = alertActions([alert(1), alert(2)]);
    const all = buttons(blocks);
    expect(all.map((b) => b.text.text)).toEqual(['Acknowledge', 'Mute 7 days: svc 1', 'Mute 7 days: svc 2']);
    expect(all[1]!.value).toBe(deliveryKey(alert(1).alertId, 'slack'));
    expect(all.map((b) => actionKindOf(b.action_id!))).toEqual(['acknowledge', 'mute', 'mute']);
    expect(new Set(all.map((b) => b.action_id)).size).toBe(3); // unique within the block, as Slack requires
    expect(all[1]!.confirm).toBeDefined();
  });

  it('labels a single alert’s button as the contract names it', () => {
    expect(buttons(alertActions([alert(1)])).map((b) => b.text.text)).toEqual(['Acknowledge', 'Mute 7 days']);
  });

  it('adds Expected only to alerts carrying an AWS anomaly', () => {
    const all = buttons(alertActions([alert(1), alert(2, { anomalyId: 'anomaly-1' })]));
    expect(all.filter((b) => actionKindOf(b.action_id!) === 'expected').map((b) => b.value)).toEqual([
      deliveryKey(alert(2).alertId, 'slack'),
    ]);
  });

  it('offers a Mute for each of 200 alerts in menus within Slack’s limits, and Expected for each anomaly', () => {
    const alerts = Array.from({ length: 200 }, (_, i) => alert(i, i % 4 ? {} : { anomalyId: `anomaly-${i}` }));
    const body = Array.from({ length: 60 }, (_, i) => section(`finding ${i}`));
    const out = withAlertActions({ text: '200 findings', blocks: body }, alerts);
    expect(out.blocks.length).toBeLessThanOrEqual(50);
    const actions = out.blocks.filter((b): b is ActionsBlock => b.type === 'actions');
    expect(actions).toHaveLength(1);
    const elements = actions[0]!.elements;
    expect(elements.length).toBeLessThanOrEqual(25);
    expect(new Set(elements.map((e) => (e as { action_id: string }).action_id)).size).toBe(elements.length);
    const menus = elements.filter((e): e is StaticSelect => e.type === 'static_select');
    for (const m of menus) {
      expect(m.options!.length).toBeLessThanOrEqual(100);
      for (const o of m.options!) expect([o.text.text.length <= 75, o.value!.length <= 150]).toEqual([true, true]);
    }
    const offered = (kind: string) =>
      menus.filter((m) => actionKindOf(m.action_id!) === kind).flatMap((m) => m.options!.map((o) => o.value));
    expect(offered('mute')).toEqual(alerts.map((a) => deliveryKey(a.alertId, 'slack')));
    expect(offered('expected')).toEqual(alerts.filter((_, i) => i % 4 === 0).map((a) => deliveryKey(a.alertId, 'slack')));
    const muteLabels = menus.filter((m) => actionKindOf(m.action_id!) === 'mute').flatMap((m) => m.options!.map((o) => o.text.text));
    expect(new Set(muteLabels).size).toBe(200);
    expect(JSON.stringify(out.blocks)).not.toContain('without buttons');
  });

  it('keeps buttons while they fit one actions block', () => {
    const elements = (alertActions(Array.from({ length: 24 }, (_, i) => alert(i)))[0] as ActionsBlock).elements;
    expect(elements.map((e) => e.type)).toEqual(Array(25).fill('button'));
  });

  it('names the alerts that do not fit even in 24 menus of 100, with the muted count', () => {
    const blocks = alertActions(
      Array.from({ length: 2450 }, (_, i) => alert(i)),
      2,
    );
    expect(blocks).toHaveLength(2);
    expect((blocks[0] as ActionsBlock).elements).toHaveLength(25);
    const note = JSON.stringify(blocks[1]);
    expect(note).toContain('50 more alerts without buttons');
    expect(note).toContain('2 muted alerts left out');
  });

  it('keeps a full message at 50 blocks with the buttons added', () => {
    const full = { text: 't', blocks: [...Array.from({ length: 49 }, (_, i) => section(`s${i}`)), section('footer')] };
    const out = withAlertActions(full, [alert(1)], 1);
    expect(out.blocks).toHaveLength(50);
    expect(JSON.stringify(out.blocks.at(-3))).toContain('footer');
    expect(out.text).toContain('1 muted alert left out');
  });

  it('ignores action ids that are not cost-watch buttons (link buttons)', () => {
    expect(actionKindOf('view-in-cost-explorer')).toBeUndefined();
    expect(actionKindOf(`${ACTION_IDS.mute}:7`)).toBe('mute');
  });
});

describe('message after a click', () => {
  const posted = withAlertActions({ text: 'AWS spend spikes', blocks: [section('EC2 +60%'), section('S3 +30%')] }, [alert(1), alert(2)]);

  it('removes the clicked Mute button, keeps the others and adds who did it', () => {
    const value = deliveryKey(alert(1).alertId, 'slack');
    const update = updatedMessage(posted, [{ kind: 'mute', value, note: ':no_bell: <@U1> muted svc 1' }]);
    const left = buttons(update.blocks as KnownBlock[]);
    expect(left.map((b) => b.text.text)).toEqual(['Acknowledge', 'Mute 7 days: svc 2']);
    expect(JSON.stringify(update.blocks!.at(-1))).toContain('<@U1> muted svc 1');
    expect(update.text).toContain('<@U1> muted svc 1');
  });

  it('after Acknowledge, drops that button and keeps one status line across clicks', () => {
    const ack = { kind: 'acknowledge' as const, value: 'x', note: 'Acknowledged by <@U1>' };
    const once = updatedMessage(posted, [ack]);
    const twice = updatedMessage(once, [ack, { kind: 'mute', value: deliveryKey(alert(2).alertId, 'slack'), note: 'muted by <@U2>' }]);
    expect(buttons(twice.blocks as KnownBlock[]).map((b) => b.text.text)).toEqual(['Mute 7 days: svc 1']);
    const status = (twice.blocks as KnownBlock[]).filter(
      (b) => b.type === 'context' && b.block_id === 'cost-watch-status',
    ) as ContextBlock[];
    expect(status).toHaveLength(1);
    expect(status[0]!.elements).toHaveLength(2);
  });

  it('removes a muted alert from its menu and keeps the rest of the menu', () => {
    const alerts = Array.from({ length: 30 }, (_, i) => alert(i));
    const shown = withAlertActions({ text: 'many', blocks: [section('x')] }, alerts);
    const value = deliveryKey(alert(3).alertId, 'slack');
    const update = updatedMessage(shown, [{ kind: 'mute', value, note: 'muted svc 3' }]);
    const menu = (update.blocks as KnownBlock[])
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .find((e) => e.type === 'static_select')!;
    expect(menu.options!.map((o) => o.value)).not.toContain(value);
    expect(menu.options).toHaveLength(29);
  });

  it('stays within 50 blocks when the message already has 50', () => {
    const full = { text: 't', blocks: Array.from({ length: 50 }, (_, i) => section(`s${i}`)) };
    expect(updatedMessage(full, [{ kind: 'acknowledge', value: 'x', note: 'ack' }]).blocks).toHaveLength(50);
  });

  it('without the original blocks, updates the text only (Slack keeps the blocks)', () => {
    expect(updatedMessage(undefined, [{ kind: 'acknowledge', value: 'x', note: 'ack' }])).toEqual({ text: 'ack' });
  });
});
