// A fake SePay: builds the webhook POSTs SePay sends for an incoming transfer
// (https://developer.sepay.vn/en/sepay-webhooks: JSON body, "Authorization: Apikey <key>").

let next = 92_700;

export type SepayFields = {
  id?: number;
  accountNumber: string;
  amount: number;
  content: string;
  transferType?: 'in' | 'out';
};

export function sepayPayload(f: SepayFields) {
  next += 1;
  return {
    id: f.id ?? next,
    gateway: 'Vietcombank',
    transactionDate: '2026-12-05 14:02:37',
    accountNumber: f.accountNumber,
    code: null,
    content: f.content,
    transferType: f.transferType ?? 'in',
    transferAmount: f.amount,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${3278907687 + next}`,
    description: `BankAPINotify ${f.content}`,
  };
}

export function sepayRequest(body: unknown, key: string | null, origin = 'http://localhost:3000') {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (key) headers.set('Authorization', `Apikey ${key}`);
  return new Request(new URL('/webhooks/bank', origin), { method: 'POST', headers, body: JSON.stringify(body) });
}
