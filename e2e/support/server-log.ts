import { readFileSync } from 'node:fs';
import path from 'node:path';

export const serverLogPath = path.resolve('e2e/.tmp/server.log');
/** The messages the fake eSMS of the e2e run received, one JSON object a line (global-setup.ts). */
export const smsLogPath = path.resolve('e2e/.tmp/sms.jsonl');

/** The newest 6-digit code texted to a number (national form, "0913…"), after `after` earlier messages to it. */
export async function waitForSmsCode(phone: string, after = 0, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = readFileSync(smsLogPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { Phone: string; Content: string })
      .filter((m) => m.Phone === phone);
    const code = texts.length > after ? /\b(\d{6})\b/.exec(texts[texts.length - 1]!.Content)?.[1] : undefined;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code texted to ${phone}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function countSms(phone: string) {
  return readFileSync(smsLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"Phone":"${phone}"`)).length;
}

type LoggedEmail = { to: string; subject: string; body: string };

type LogEntry = { msg?: string; level?: string; to?: string };

function serverLogEntries(): LogEntry[] {
  return readFileSync(serverLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEntry);
}

/**
 * The newest email to `address` that the server wrote to its log (no SMTP_URL in tests). Emails
 * go through the outbox and the job worker, which polls every 2 s and retries a failed delivery
 * after 5 s, 10 s, 20 s: the wait covers two retries on a loaded machine, and a timeout names
 * the server's errors so a CI log says why.
 */
export async function waitForEmail(address: string, after = 0, timeoutMs = 45_000): Promise<LoggedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = serverLogEntries();
    const emails = entries.filter((entry) => entry.msg?.startsWith('email') && entry.to === address);
    if (emails.length > after) return emails[emails.length - 1] as LoggedEmail;
    if (Date.now() > deadline) {
      const errors = entries.filter((entry) => entry.level === 'error' || entry.level === 'warn').slice(-5);
      throw new Error(
        `no email to ${address} in the server log after ${timeoutMs / 1000} s; the server's last errors:\n${errors
          .map((entry) => JSON.stringify(entry))
          .join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function countEmails(address: string) {
  return readFileSync(serverLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"msg":"email') && line.includes(`"to":"${address}"`)).length;
}

/** The sign-up link the server emailed to `address` (written to its log in tests). */
export async function signupLink(address: string) {
  const mail = await waitForEmail(address);
  const link = /https?:\/\/\S+\/signup\/confirm\?token=[\w-]+/.exec(mail.body);
  if (!link) throw new Error(`no sign-up link in the email to ${address}`);
  return link[0];
}
