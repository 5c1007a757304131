import { type Kysely, sql } from 'kysely';

// Safe-selling courses: courses > modules > lessons (Markdown per language),
// one quiz per module, learners' progress, quiz attempts, certificates, and the
// spot-the-scam game. Lesson ids are "<course>/<lesson>" and never change, so
// other capabilities (safety warnings) can link to them.
export async function up(db: Kysely<any>) {
  await sql`
    create table learning_courses (
      slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60
        and slug not in ('game', 'progress', 'safe-seller')),
      title_vi text not null check (length(title_vi) between 1 and 160),
      title_en text not null check (length(title_en) between 1 and 160),
      summary_vi text not null default '' check (length(summary_vi) <= 1000),
      summary_en text not null default '' check (length(summary_en) <= 1000),
      is_core boolean not null default false,
      position integer not null default 0,
      published boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- At most one core course (the one behind the Safe Seller badge).
    create unique index learning_courses_one_core on learning_courses (is_core) where is_core;

    create table learning_modules (
      id serial primary key,
      course_slug text not null references learning_courses (slug) on delete cascade on update cascade,
      position integer not null default 0,
      title_vi text not null check (length(title_vi) between 1 and 160),
      title_en text not null check (length(title_en) between 1 and 160),
      published boolean not null default false,
      pass_percent integer not null default 80 check (pass_percent between 1 and 100),
      created_at timestamptz not null default now()
    );
    create index learning_modules_course_idx on learning_modules (course_slug, position);

    create table learning_lessons (
      id text primary key,
      course_slug text not null references learning_courses (slug) on delete cascade on update cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80 and slug <> 'quiz'),
      module_id integer not null references learning_modules (id) on delete cascade,
      position integer not null default 0,
      title_vi text not null check (length(title_vi) between 1 and 160),
      title_en text not null check (length(title_en) between 1 and 160),
      body_vi text not null default '' check (length(body_vi) <= 20000),
      body_en text not null default '' check (length(body_en) <= 20000),
      video_url text check (video_url ~ '^https://' and length(video_url) <= 500),
      minutes integer not null default 3 check (minutes between 1 and 60),
      published boolean not null default false,
      updated_at timestamptz not null default now(),
      unique (course_slug, slug),
      check (id = course_slug || '/' || slug)
    );
    create index learning_lessons_module_idx on learning_lessons (module_id, position);

    create table learning_questions (
      id serial primary key,
      module_id integer not null references learning_modules (id) on delete cascade,
      position integer not null default 0,
      kind text not null check (kind in ('single', 'multiple', 'true_false')),
      prompt_vi text not null check (length(prompt_vi) between 1 and 1000),
      prompt_en text not null check (length(prompt_en) between 1 and 1000),
      created_at timestamptz not null default now()
    );
    create index learning_questions_module_idx on learning_questions (module_id, position);

    create table learning_choices (
      id serial primary key,
      question_id integer not null references learning_questions (id) on delete cascade,
      position integer not null default 0,
      text_vi text not null check (length(text_vi) between 1 and 500),
      text_en text not null check (length(text_en) between 1 and 500),
      correct boolean not null default false,
      explanation_vi text not null default '' check (length(explanation_vi) <= 1000),
      explanation_en text not null default '' check (length(explanation_en) <= 1000)
    );
    create index learning_choices_question_idx on learning_choices (question_id, position);

    create table learning_quiz_attempts (
      id serial primary key,
      module_id integer not null references learning_modules (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      correct integer not null check (correct >= 0),
      total integer not null check (total > 0 and correct <= total),
      score_percent integer not null check (score_percent between 0 and 100),
      passed boolean not null,
      created_at timestamptz not null default now()
    );
    create index learning_quiz_attempts_user_idx on learning_quiz_attempts (user_id, module_id, score_percent desc);

    create table learning_attempt_answers (
      attempt_id integer not null references learning_quiz_attempts (id) on delete cascade,
      question_id integer not null references learning_questions (id) on delete cascade,
      chosen integer[] not null default '{}',
      correct boolean not null,
      primary key (attempt_id, question_id)
    );
    create index learning_attempt_answers_question_idx on learning_attempt_answers (question_id) where not correct;

    create table learning_enrolments (
      user_id uuid not null references users (id) on delete cascade,
      course_slug text not null references learning_courses (slug) on delete cascade on update cascade,
      last_lesson_id text references learning_lessons (id) on delete set null,
      started_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      completed_at timestamptz,
      primary key (user_id, course_slug)
    );

    create table learning_lesson_progress (
      user_id uuid not null references users (id) on delete cascade,
      lesson_id text not null references learning_lessons (id) on delete cascade,
      completed_at timestamptz not null default now(),
      primary key (user_id, lesson_id)
    );

    create table learning_certificates (
      code text primary key check (code ~ '^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$'),
      user_id uuid not null references users (id) on delete cascade,
      course_slug text not null references learning_courses (slug) on delete cascade on update cascade,
      holder_name text not null check (length(holder_name) between 1 and 80),
      issued_at timestamptz not null default now(),
      unique (user_id, course_slug)
    );

    create table learning_game_cards (
      id serial primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      kind text not null check (kind in ('chat', 'listing', 'payment', 'sms', 'link')),
      verdict text not null check (verdict in ('safe', 'scam')),
      header_vi text not null check (length(header_vi) between 1 and 200),
      header_en text not null check (length(header_en) between 1 and 200),
      lines_vi text not null check (length(lines_vi) between 1 and 2000),
      lines_en text not null check (length(lines_en) between 1 and 2000),
      tell_vi text not null check (length(tell_vi) between 1 and 300),
      tell_en text not null check (length(tell_en) between 1 and 300),
      explanation_vi text not null check (length(explanation_vi) between 1 and 1500),
      explanation_en text not null check (length(explanation_en) between 1 and 1500),
      lesson_id text references learning_lessons (id) on delete set null,
      position integer not null default 0,
      published boolean not null default false,
      updated_at timestamptz not null default now()
    );

    create table learning_game_plays (
      id serial primary key,
      user_id uuid not null references users (id) on delete cascade,
      card_id integer not null references learning_game_cards (id) on delete cascade,
      answer text not null check (answer in ('safe', 'scam')),
      correct boolean not null,
      points integer not null check (points >= 0),
      streak integer not null check (streak >= 0),
      created_at timestamptz not null default now()
    );
    create index learning_game_plays_user_idx on learning_game_plays (user_id, created_at desc);

    create table learning_game_scores (
      user_id uuid primary key references users (id) on delete cascade,
      points integer not null default 0,
      streak integer not null default 0,
      best_streak integer not null default 0,
      rounds integer not null default 0,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
