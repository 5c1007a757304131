// eSMS.vn: SMS with a registered brandname to every Vietnamese network, one
// JSON POST per message (developers.esms.vn, "Send OTP/Customer care message").
// CodeResult "100" means accepted; anything else is an error with a code.

import { localDigits } from '~/lib/phone';
import { SmsError, type SmsMessage, type SmsProvider } from './types';

export type EsmsConfig = {
  apiKey: string;
  secretKey: string;
  brandname: string;
  /** https://rest.esms.vn by default; tests point it at a local fake. */
  baseUrl?: string;
  /** eSMS's Sandbox=1: checked and answered, not delivered or charged. */
  sandbox?: boolean;
};

// Answers worth trying again later: 99 unknown error, 103 balance too low (topped up by hand), 124 duplicate in a short time.
const RETRYABLE = new Set(['99', '103']);

export function esmsProvider(config: EsmsConfig): SmsProvider {
  const base = (config.baseUrl ?? 'https://rest.esms.vn').replace(/\/$/, '');
  return {
    name: 'esms',
    async send(message: SmsMessage) {
      let res: Response;
      try {
        res = await fetch(`${base}/MainService.svc/json/SendMultipleMessage_V4_post_json/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            ApiKey: config.apiKey,
            SecretKey: config.secretKey,
            Brandname: config.brandname,
            SmsType: '2', // customer care (and OTP) with a brandname
            // Vietnamese is sent with its diacritics: one message is 70 characters instead of 160.
            IsUnicode: /[^\p{ASCII}]/u.test(message.text) ? '1' : '0',
            Sandbox: config.sandbox ? '1' : '0',
            Phone: localDigits(message.to), // eSMS takes Vietnamese numbers in their national form
            Content: message.text,
            RequestId: message.requestId, // eSMS refuses a second request with the same id
          }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new SmsError('esms', 'network', String(error), true);
      }
      if (res.status === 429 || res.status >= 500)
        throw new SmsError('esms', `http_${res.status}`, res.statusText, true);
      const body = (await res.json().catch(() => null)) as {
        CodeResult?: string;
        SMSID?: string;
        ErrorMessage?: string;
      } | null;
      if (!res.ok || !body) throw new SmsError('esms', `http_${res.status}`, 'unreadable answer', false);
      if (body.CodeResult !== '100') {
        const code = String(body.CodeResult ?? 'unknown');
        throw new SmsError('esms', code, body.ErrorMessage ?? '', RETRYABLE.has(code));
      }
      return { providerId: body.SMSID ?? '' };
    },
  };
}
