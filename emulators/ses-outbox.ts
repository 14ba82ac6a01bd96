/**
 * What moto's SES "sent": moto keeps every SendRawEmail in memory and shows it
 * in its model dump (/moto-api/data.json, ses.RawMessage), across accounts,
 * so callers filter by sender. Used by the finance-email tests and the demo.
 */
export interface SentRawEmail {
  readonly id: string;
  readonly source: string;
  readonly destinations: string[];
  /** The MIME message exactly as SES was given it. */
  readonly raw: string;
}

interface ModelDump {
  ses?: { RawMessage?: Array<{ id: string; source: string; destinations: string[]; raw_data: string }> };
}

export async function sentRawEmails(motoUrl: string, source: string): Promise<SentRawEmail[]> {
  const res = await fetch(new URL('/moto-api/data.json', motoUrl));
  if (!res.ok) throw new Error(`moto /moto-api/data.json answered ${res.status}`);
  const dump = (await res.json()) as ModelDump;
  return (dump.ses?.RawMessage ?? [])
    .filter((m) => m.source === source)
    .map((m) => ({ id: m.id, source: m.source, destinations: m.destinations, raw: m.raw_data }));
}
