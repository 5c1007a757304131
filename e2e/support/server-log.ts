import { readFileSync } from 'node:fs';
import path from 'node:path';

export const serverLogPath = path.resolve('e2e/.tmp/server.log');

type LoggedEmail = { to: string; subject: string; body: string };

/** The newest email to `address` that the server wrote to its log (no SMTP_URL in tests). */
export async function waitForEmail(address: string, after = 0, timeoutMs = 20_000): Promise<LoggedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = readFileSync(serverLogPath, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg?.startsWith('email') && entry.to === address) as LoggedEmail[];
    if (emails.length > after) return emails[emails.length - 1];
    if (Date.now() > deadline) throw new Error(`no email to ${address} in the server log`);
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
