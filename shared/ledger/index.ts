export { DynamoLedger, NoLedger, type AlertLedger, type ClaimOutcome, type DynamoLedgerOptions } from './ledger.js';
