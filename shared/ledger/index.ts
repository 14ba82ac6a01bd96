export { DynamoLedger, type DynamoLedgerOptions } from './dynamo-ledger.js';
export { ledgerKey, legacyKey, type DeliveryTarget } from './keys.js';
export { NoLedger, type AlertLedger, type ClaimOutcome, type MarkOutcome, type SentRecord } from './ledger.js';
