import type { Kysely, Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/schema';
import { db } from './db.server';
import { enqueue } from './jobs.server';
import { log } from './log.server';
import { env } from './env.server';

export const deliverEmailQueue = 'deliver-email';

export type Email = { to: string; subject: string; body: string };

/**
 * Puts an account email (a confirmation or reset link, to an address rather than
 * a person's notice: those go through notify()) in the outbox and its delivery job on the queue, inside the
 * caller's transaction when given one: the email exists exactly when the change
 * that caused it was committed.
 */
export async function queueEmail(email: Email, trx?: Transaction<Database>) {
  const run = async (t: Transaction<Database>) => {
    const { id } = await t
      .insertInto('outbox_emails')
      .values({ to_address: email.to, subject: email.subject.slice(0, 300), body: email.body })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueue(deliverEmailQueue, { id }, { trx: t });
    return id;
  };
  return trx ? run(trx) : (db as Kysely<Database>).transaction().execute(run);
}

export type Transport = (email: Email) => Promise<void>;

let smtp: nodemailer.Transporter | undefined;

// With SMTP_URL, real mail; without, the email is written to the log, so that in
// development a reset link can be followed from the terminal. The outbox's
// delivery (every channel, retries, fallback) is app/modules/notifications/delivery.server.ts.
export const emailTransport: Transport = async (email) => {
  const url = env().SMTP_URL;
  if (!url) {
    log.info('email (no SMTP_URL: written to the log)', { to: email.to, subject: email.subject, body: email.body });
    return;
  }
  smtp ??= nodemailer.createTransport(url);
  await smtp.sendMail({
    from: env().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.body,
  });
};
