import type { Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { localized } from './courses.server';

// Certificates: checked by anyone from their code; listed on the learner's page.

export async function findCertificate(code: string, locale: Locale) {
  const row = await db
    .selectFrom('learning_certificates as k')
    .innerJoin('learning_courses as c', 'c.slug', 'k.course_slug')
    .select(['k.code', 'k.holder_name', 'k.issued_at', 'c.slug', 'c.title_vi', 'c.title_en', 'c.is_core'])
    .where('k.code', '=', code.toUpperCase())
    .executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code,
    holderName: row.holder_name,
    issuedAt: row.issued_at,
    courseSlug: row.slug,
    courseTitle: localized(row, 'title', locale),
    isCore: row.is_core,
  };
}

export async function listCertificates(userId: string, locale: Locale) {
  const rows = await db
    .selectFrom('learning_certificates as k')
    .innerJoin('learning_courses as c', 'c.slug', 'k.course_slug')
    .select(['k.code', 'k.issued_at', 'c.title_vi', 'c.title_en'])
    .where('k.user_id', '=', userId)
    .orderBy('k.issued_at')
    .execute();
  return rows.map((r) => ({ code: r.code, issuedAt: r.issued_at, courseTitle: localized(r, 'title', locale) }));
}
