import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { PhotoUploadForm } from '~/components/photo-upload';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { categories } from '~/lib/categories';
import { formError, invalid, parseForm, type FieldErrors } from '~/lib/forms.server';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinces } from '~/lib/provinces';
import { slugify } from '~/lib/slug';
import { deleteStored, filesOf, readMultipartForm, storeUploads, uploadErrors } from '~/lib/uploads.server';
import { CheckboxGroup, FileField, TextAreaField } from '~/modules/verification/fields';
import { mentorSchema, profileSchema } from '~/modules/verification/forms.server';
import { expertiseAreas, mentorLanguages } from '~/modules/verification/options';
import {
  addDocuments,
  canEditDocuments,
  findLastDecision,
  findOwnMentorProfile,
  listOwnDocuments,
  removeOwnDocument,
  saveMentorApplication,
  transition,
} from '~/modules/verification';
import { declareWomenLed, findOwnBusinessProfile, saveBusinessProfile, setProfileImage } from '~/modules/business';
import { VerifiedBadge } from '~/modules/verification/verified-badge';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, documents, decision, mentor, mentorDecision] = await Promise.all([
    findOwnBusinessProfile(user.id),
    listOwnDocuments(user.id),
    findLastDecision(user.id, 'business'),
    findOwnMentorProfile(user.id),
    findLastDecision(user.id, 'mentor'),
  ]);
  return {
    displayName: user.displayName,
    profile: profile ?? null,
    documents,
    decision: decision ?? null,
    mentor: mentor ?? null,
    mentorDecision: mentorDecision ?? null,
  };
}

const problemKey = (problem: string) => `verification.problem.${problem}` as MessageKey;

function reply(intent: string, errors: FieldErrors, status = 400) {
  const form = new FormData();
  form.set('intent', intent);
  return formError(form, errors, status);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Multipart forms say their intent in the URL too: a refused 20 MB body never reaches its fields.
  const urlIntent = new URL(request.url).searchParams.get('intent');
  const read = await readMultipartForm(request);
  if (!read.ok) return reply(urlIntent ?? 'documents', read.errors);
  const form = read.form;
  const intent = String(form.get('intent') ?? urlIntent ?? '');

  if (intent === 'profile') {
    if (!form.get('slug') && typeof form.get('businessName') === 'string')
      form.set('slug', slugify(String(form.get('businessName'))));
    const parsed = parseForm(form, profileSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const saved = await saveBusinessProfile(user.id, {
      ...parsed.data,
      story: parsed.data.story ?? '',
      slug: parsed.data.slug || 'gian-hang',
    });
    if (!saved.ok) return formError(form, saved.errors);
    return redirect('/dashboard/verification?notice=notice.verification.saved');
  }

  if (intent === 'mentor') {
    const parsed = parseForm(form, mentorSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const saved = await saveMentorApplication(user.id, parsed.data);
    if (!saved) return formError(form, { form: 'verification.dashboard.mentorLocked' });
    return redirect('/dashboard/verification?notice=notice.verification.saved');
  }

  if (intent === 'mentorSubmit') {
    const result = await transition({ subject: 'mentor', userId: user.id, name: 'submit', actor: user });
    if (!result.ok) return reply('mentor', { form: problemKey(result.problem) });
    return redirect('/dashboard/verification?notice=notice.verification.submitted');
  }

  const profile = await findOwnBusinessProfile(user.id);
  if (!profile) return reply(intent, { form: 'verification.dashboard.createFirst' });

  if (intent === 'images') {
    const uploads = [
      ...filesOf(form, 'logo').map((file) => ({ field: 'logo', file })),
      ...filesOf(form, 'cover').map((file) => ({ field: 'cover', file })),
    ];
    if (!uploads.length) return reply(intent, { logo: uploadErrors.required });
    const stored = await storeUploads(uploads, { prefix: 'public/storefronts', allow: ['jpeg', 'png', 'webp'] });
    if (!stored.ok) return reply(intent, stored.errors);
    for (const s of stored.stored) {
      const set = await setProfileImage(
        user.id,
        s.field as 'logo' | 'cover',
        s.thumbnailKey && s.field === 'logo' ? s.thumbnailKey : s.key,
      );
      await deleteStored(s.field === 'logo' ? [s.key] : [s.thumbnailKey]);
      if (set.ok) await deleteStored([set.previous]);
    }
    return redirect('/dashboard/verification?notice=notice.verification.uploaded');
  }

  if (intent === 'documents') {
    const kind = form.get('kind') === 'business_registration' ? 'business_registration' : 'citizen_id';
    if (!canEditDocuments(profile.verification_status)) return reply(intent, { form: problemKey('invalid-state') });
    const files = filesOf(form, 'documents');
    if (!files.length) return reply(intent, { documents: uploadErrors.required });
    const stored = await storeUploads(
      files.map((file) => ({ field: 'documents', file })),
      { prefix: `private/documents/${user.id}` },
    );
    if (!stored.ok) return reply(intent, stored.errors);
    const added = await addDocuments(user.id, kind, stored.stored);
    if (!added) {
      await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
      return reply(intent, { form: problemKey('invalid-state') });
    }
    return redirect('/dashboard/verification?notice=notice.verification.uploaded');
  }

  if (intent === 'removeDocument') {
    const removed = await removeOwnDocument(user.id, String(form.get('documentId') ?? ''));
    if (!removed) return reply('documents', { form: problemKey('invalid-state') });
    return redirect('/dashboard/verification?notice=notice.verification.saved');
  }

  if (intent === 'submit') {
    await declareWomenLed(user.id, form.get('declaration') === 'yes');
    const result = await transition({ subject: 'business', userId: user.id, name: 'submit', actor: user });
    if (!result.ok) return reply(intent, { form: problemKey(result.problem) });
    return redirect('/dashboard/verification?notice=notice.verification.submitted');
  }

  throw new Response('Bad Request', { status: 400 });
}

function Decision({
  decision,
}: {
  decision: {
    to_status: string;
    reason_code: string | null;
    reason_text: string | null;
    created_at: string | Date;
  } | null;
}) {
  const { t, dateTime } = useI18n();
  if (!decision) return null;
  return (
    <div className="card" data-testid="decision">
      <p>
        <strong>{t('verification.dashboard.lastDecision')}:</strong>{' '}
        {t(`verification.status.${decision.to_status}` as MessageKey)} · {dateTime(decision.created_at)}
      </p>
      {decision.reason_code ? (
        <p>
          <strong>{t('verification.dashboard.reason')}:</strong>{' '}
          {t(`verification.reason.${decision.reason_code}` as MessageKey)}
        </p>
      ) : null}
      {decision.reason_text ? (
        <p>
          <strong>{t('verification.dashboard.note')}:</strong> {decision.reason_text}
        </p>
      ) : null}
    </div>
  );
}

export default function Dashboard() {
  const { profile, documents, decision, mentor, mentorDecision } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, dateTime } = useI18n();
  const intent = actionData?.values?.intent;
  const replyFor = (...names: string[]) => (intent && names.includes(intent) ? actionData : undefined);
  const status = profile?.verification_status ?? 'draft';
  const editable = canEditDocumentsClient(status);
  const mentorStatus = mentor?.status ?? 'draft';
  const mentorEditable = canEditDocumentsClient(mentorStatus);

  return (
    <section>
      <h1>{t('verification.dashboard.title')}</h1>
      {profile ? null : (
        <div className="card">
          <h2>{t('dashboard.start.title')}</h2>
          <p>{t('dashboard.start.text')}</p>
        </div>
      )}

      <div className="status-box" role="status" aria-live="polite">
        <p>
          <strong>{t('verification.dashboard.state')}:</strong>{' '}
          <span data-testid="verification-status">{t(`verification.status.${status}` as MessageKey)}</span>{' '}
          <VerifiedBadge status={status} verifiedAt={profile?.verified_at} compact />
        </p>
        <p>{t(`verification.next.${status}` as MessageKey)}</p>
        {status === 'approved' ? (
          <p>
            <Link to="/dashboard/listings/new" className="button">
              {t('dashboard.verified.addFirst')}
            </Link>
          </p>
        ) : null}
        {profile ? (
          <p>
            <Link to={`/s/${profile.slug}`}>{t('verification.dashboard.viewStorefront')}</Link>
          </p>
        ) : null}
      </div>
      <Decision decision={decision} />

      <div className="narrow">
        <h2>{t('verification.dashboard.profile')}</h2>
        <Form method="post" className="stack" noValidate>
          <FormError
            reply={replyFor('profile')}
            labels={{
              businessName: t('verification.field.businessName'),
              ownerName: t('verification.field.ownerName'),
              province: t('verification.field.province'),
              story: t('verification.field.story'),
              slug: t('verification.field.slug'),
              contactPhone: t('verification.field.contactPhone'),
              contactEmail: t('verification.field.contactEmail'),
            }}
          />
          <input type="hidden" name="intent" value="profile" />
          <Field
            name="businessName"
            label={t('verification.field.businessName')}
            reply={replyFor('profile')}
            defaultValue={profile?.business_name}
            required
            maxLength={120}
          />
          <Field
            name="ownerName"
            label={t('verification.field.ownerName')}
            reply={replyFor('profile')}
            defaultValue={profile?.owner_name}
            required
            maxLength={80}
          />
          <SelectField
            name="province"
            label={t('verification.field.province')}
            reply={replyFor('profile')}
            defaultValue={profile?.province}
            options={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
          />
          <TextAreaField
            name="story"
            label={t('verification.field.story')}
            reply={replyFor('profile')}
            defaultValue={profile?.story}
            maxLength={4000}
          />
          <CheckboxGroup
            name="categories"
            legend={t('verification.field.categories')}
            reply={replyFor('profile')}
            checked={profile?.categories ?? []}
            options={categories.map((c) => ({ value: c.code, label: c[locale] }))}
          />
          <Field
            name="slug"
            label={t('verification.field.slug')}
            hint={t('verification.field.slugHint')}
            reply={replyFor('profile')}
            defaultValue={profile?.slug}
            maxLength={80}
          />
          <Field
            name="contactPhone"
            type="tel"
            label={t('verification.field.contactPhone')}
            hint={t('verification.field.contactHint')}
            reply={replyFor('profile')}
            defaultValue={profile?.contact_phone ?? undefined}
            autoComplete="tel"
            maxLength={20}
          />
          <Field
            name="contactEmail"
            type="email"
            label={t('verification.field.contactEmail')}
            reply={replyFor('profile')}
            defaultValue={profile?.contact_email ?? undefined}
            autoComplete="email"
            maxLength={254}
          />
          <button type="submit">{t('verification.dashboard.saveProfile')}</button>
        </Form>

        {profile ? (
          <>
            <h2>{t('verification.dashboard.images')}</h2>
            <PhotoUploadForm noValidate action="/dashboard/verification?intent=images" className="stack">
              <FormError reply={replyFor('images')} />
              <input type="hidden" name="intent" value="images" />
              <FileField
                name="logo"
                label={t('verification.field.logo')}
                reply={replyFor('images')}
                accept="image/jpeg,image/png,image/webp"
              />
              <FileField
                name="cover"
                label={t('verification.field.cover')}
                reply={replyFor('images')}
                accept="image/jpeg,image/png,image/webp"
              />
              <button type="submit" className="secondary">
                {t('verification.dashboard.saveImages')}
              </button>
            </PhotoUploadForm>

            <h2>{t('verification.dashboard.documents')}</h2>
            <FormError reply={replyFor('documents')} />
            {documents.length ? (
              <ul>
                {documents.map((d) => (
                  <li key={d.id}>
                    {t(`verification.documentKind.${d.kind}` as MessageKey)} · {d.original_name} ·{' '}
                    {dateTime(d.created_at)}
                    {d.deleted_at ? ` · ${t('verification.dashboard.documentDeleted')}` : null}
                    {editable && !d.deleted_at ? (
                      <Form noValidate method="post" className="inline-form">
                        <input type="hidden" name="intent" value="removeDocument" />
                        <input type="hidden" name="documentId" value={d.id} />{' '}
                        <button type="submit" className="link">
                          {t('verification.dashboard.removeDocument')}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('verification.dashboard.noDocuments')}</p>
            )}
            {editable ? (
              <>
                {/* Identity papers keep the server's full 2560 px so they stay readable. */}
                <PhotoUploadForm
                  noValidate
                  action="/dashboard/verification?intent=documents"
                  className="stack"
                  maxSide={2560}
                >
                  <input type="hidden" name="intent" value="documents" />
                  <SelectField
                    name="kind"
                    label={t('verification.dashboard.documentKind')}
                    options={[
                      { value: 'citizen_id', label: t('verification.documentKind.citizen_id') },
                      { value: 'business_registration', label: t('verification.documentKind.business_registration') },
                    ]}
                  />
                  <FileField
                    name="documents"
                    label={t('verification.dashboard.files')}
                    hint={t('verification.dashboard.documentsHint')}
                    reply={replyFor('documents')}
                    multiple
                  />
                  <button type="submit" className="secondary">
                    {t('verification.dashboard.upload')}
                  </button>
                </PhotoUploadForm>

                <h2>{t('verification.dashboard.submitTitle')}</h2>
                <Form noValidate method="post" className="stack">
                  <FormError reply={replyFor('submit')} />
                  <input type="hidden" name="intent" value="submit" />
                  <label>
                    <input
                      type="checkbox"
                      name="declaration"
                      value="yes"
                      defaultChecked={Boolean(profile.women_led_declared_at)}
                    />{' '}
                    {t('verification.dashboard.declaration')}
                  </label>
                  <button type="submit">
                    {status === 'draft' ? t('verification.dashboard.submit') : t('verification.dashboard.resubmit')}
                  </button>
                </Form>
              </>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('verification.dashboard.createFirst')}</p>
        )}

        <h2>{t('verification.dashboard.mentor')}</h2>
        <p>{t('verification.dashboard.mentorIntro')}</p>
        {mentor ? (
          <p className="status-box">
            <strong>{t('verification.dashboard.state')}:</strong>{' '}
            <span data-testid="mentor-status">{t(`verification.status.${mentorStatus}` as MessageKey)}</span>
          </p>
        ) : null}
        <Decision decision={mentorDecision} />
        {mentorEditable ? (
          <>
            <Form method="post" className="stack" noValidate>
              <FormError reply={replyFor('mentor')} />
              <input type="hidden" name="intent" value="mentor" />
              <CheckboxGroup
                name="expertise"
                legend={t('verification.field.expertise')}
                reply={replyFor('mentor')}
                checked={mentor?.expertise ?? []}
                options={expertiseAreas.map((c) => ({ value: c, label: t(`verification.expertise.${c}`) }))}
              />
              <CheckboxGroup
                name="languages"
                legend={t('verification.field.languages')}
                reply={replyFor('mentor')}
                checked={mentor?.languages ?? ['vi']}
                options={mentorLanguages.map((c) => ({ value: c, label: t(`verification.language.${c}`) }))}
              />
              <TextAreaField
                name="experience"
                label={t('verification.field.experience')}
                reply={replyFor('mentor')}
                defaultValue={mentor?.experience}
                maxLength={2000}
                required
              />
              <TextAreaField
                name="bio"
                label={t('verification.field.bio')}
                reply={replyFor('mentor')}
                defaultValue={mentor?.bio}
                maxLength={2000}
                required
              />
              <SelectField
                name="province"
                label={t('verification.field.province')}
                reply={replyFor('mentor')}
                defaultValue={mentor?.province ?? profile?.province}
                options={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
              />
              <button type="submit" className="secondary">
                {t('verification.dashboard.saveMentor')}
              </button>
            </Form>
            {mentor ? (
              <Form noValidate method="post" className="stack">
                <input type="hidden" name="intent" value="mentorSubmit" />
                <button type="submit">{t('verification.dashboard.submitMentor')}</button>
              </Form>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('verification.dashboard.mentorLocked')}</p>
        )}
      </div>
    </section>
  );
}

function canEditDocumentsClient(status: string) {
  return status === 'draft' || status === 'needs_info' || status === 'rejected';
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'verification.dashboard.title');
