import type { DeliveryTarget } from '../../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome } from '../../../shared/ledger/ledger.js';

/** The ledger in memory, for the bench's replay: a re-checked day's alert is a duplicate, as with DynamoDB. */
export class MemoryLedger implements AlertLedger {
  private readonly sent = new Set<string>();
  private key = (id: string, t: DeliveryTarget) => `${id}\u0000${JSON.stringify(t)}`;
  async delivered(ids: readonly string[], t: DeliveryTarget): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.sent.has(this.key(id, t))));
  }
  async claim(id: string, t: DeliveryTarget): Promise<ClaimOutcome> {
    return this.sent.has(this.key(id, t)) ? { status: 'sent' } : { status: 'claimed' };
  }
  async markSent(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.sent.add(this.key(id, t));
    return { recorded: true };
  }
  async markFailed(): Promise<MarkOutcome> {
    return { recorded: true };
  }
}
