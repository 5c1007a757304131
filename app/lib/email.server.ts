import type { Kysely, Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Database } from '../../db/schema';
import { db } from './db.server';
import { enqueue } from './jobs.server';
import { log } from './log.server';

export const deliverEmailQueue = 'deliver-email';

export type Email = { to: string; subject: string; body: string };

/**
 * Puts an email in the outbox and its delivery job on the queue, inside the
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

type Transport = (email: Email) => Promise<void>;

let smtp: nodemailer.Transporter | undefined;

// With SMTP_URL, real mail; without, the email is written to the log, so that in
// development a reset link can be followed from the terminal.
const transport: Transport = async (email) => {
  const url = process.env.SMTP_URL;
  if (!url) {
    log.info('email (no SMTP_URL: written to the log)', { to: email.to, subject: email.subject, body: email.body });
    return;
  }
  smtp ??= nodemailer.createTransport(url);
  await smtp.sendMail({ from: process.env.MAIL_FROM || 'Sen <no-reply@sen.local>', to: email.to, subject: email.subject, text: email.body });
};

/** Sends one outbox email; a failure is recorded and thrown so the job retries it. */
export async function deliverOutboxEmail(id: number, send: Transport = transport) {
  const email = await db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst();
  if (!email || email.status === 'sent') return;
  try {
    await send({ to: email.to_address, subject: email.subject, body: email.body });
  } catch (error) {
    await db
      .updateTable('outbox_emails')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(error).slice(0, 500) }))
      .where('id', '=', id)
      .execute();
    throw error;
  }
  await db
    .updateTable('outbox_emails')
    .set((eb) => ({ status: 'sent', sent_at: new Date(), attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}
