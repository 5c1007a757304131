/** One text message to one number (E.164). requestId makes a retry safe: the provider drops a repeat. */
export type SmsMessage = { to: string; text: string; requestId: string };

export interface SmsProvider {
  name: string;
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

/** A Zalo Notification Service message: an approved template and its parameters. */
export type ZnsMessage = { to: string; templateId: string; params: Record<string, string>; trackingId: string };

/**
 * A provider's refusal. retryable: the same message may succeed later (network,
 * rate limit, expired token after a refresh); otherwise the caller falls back to
 * the next channel.
 */
export class SmsError extends Error {
  constructor(
    readonly provider: string,
    readonly code: string,
    detail: string,
    readonly retryable: boolean,
  ) {
    super(`${provider} ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'SmsError';
  }
}
