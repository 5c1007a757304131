import { type Kysely, sql } from 'kysely';

// Issue 16: lessons she can listen to. Staff attach one recording per lesson per
// content language: the interface stays Vietnamese/English, but a lesson may be
// heard in Hmong (hmn), Tày (tyz), Thái (tdd) or Khmer (km) too. The bytes live in
// the storage module under a key of ours; the row says what they are (checked by
// their bytes at upload) and how long, so a range request is answered without
// asking the store first.
export async function up(db: Kysely<any>) {
  await sql`
    create table learning_lesson_audio (
      id uuid primary key,
      lesson_id text not null references learning_lessons (id) on delete cascade on update cascade,
      language text not null check (language in ('vi', 'en', 'hmn', 'tyz', 'tdd', 'km')),
      storage_key text not null unique check (length(storage_key) <= 300),
      content_type text not null check (content_type in ('audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm')),
      size_bytes integer not null check (size_bytes between 1 and 20971520),
      created_at timestamptz not null default now(),
      unique (lesson_id, language)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table learning_lesson_audio`.execute(db);
}
