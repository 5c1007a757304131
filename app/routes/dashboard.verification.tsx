import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, type FieldErrors } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { slugify } from '~/lib/slug';
import { deleteStored, filesOf, readMultipartForm, storeUploads, uploadErrors } from '~/lib/uploads.server';
import { mentorSchema, profileSchema } from '~/modules/verification/forms.server';
import {
  addDocuments,
  findLastDecision,
  findOwnMentorProfile,
  listOwnDocuments,
  parseIdNumber,
  removeOwnDocument,
  renewalState,
  renewVerification,
  requestRenewalWithChanges,
  saveIdNumber,
  saveMentorApplication,
  transition,
  withoutIdHash,
} from '~/modules/verification';
import { canEditDocuments } from '~/modules/verification/states';
import { declareWomenLed, findOwnBusinessProfile, saveBusinessProfile, setProfileImage } from '~/modules/business';
import { Decision } from '~/modules/verification/dashboard/decision';
import { Documents, ImagesForm, SubmitForm } from '~/modules/verification/dashboard/documents';
import { MentorSection } from '~/modules/verification/dashboard/mentor';
import { ProfileForm } from '~/modules/verification/dashboard/profile-form';
import { RenewalSection } from '~/modules/verification/dashboard/renewal';
import { StatusBox } from '~/modules/verification/dashboard/status-box';

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
    // Her identity number never leaves the server, not even as its hash (the last 3 digits do).
    profile: profile ? withoutIdHash(profile) : null,
    renewal: renewalState(profile?.verification_status ?? 'draft', profile?.verified_until ?? null),
    documents,
    decision: decision ?? null,
    mentor: mentor ?? null,
    mentorDecision: mentorDecision ?? null,
  };
}

const problemKey = <P extends string>(problem: P): `verification.problem.${P}` => `verification.problem.${problem}`;

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

  if (intent === 'renew') {
    if (form.get('unchanged') !== 'yes') return formError(form, { unchanged: 'renewal.confirmRequired' });
    const renewed = await renewVerification(user.id);
    // Sent twice (a double tap, a retry): the first renewed it, the second finds nothing due and says so kindly.
    if (!renewed.ok) return redirect('/dashboard/verification?notice=notice.renewal.notDue');
    return redirect('/dashboard/verification?notice=notice.renewal.renewed');
  }

  if (intent === 'renewChanged') {
    // Something changed: what, in her words, and any new documents; the Union reviews it (issue 19).
    const changes = String(form.get('changes') ?? '').trim();
    const errors: FieldErrors = {};
    if (form.get('changed') !== 'yes') errors.changed = 'renewal.changes.tickRequired';
    if (changes.length < 3 || changes.length > 2000) errors.changes = 'renewal.changes.required';
    if (Object.keys(errors).length) return formError(form, errors);
    const files = filesOf(form, 'documents');
    const stored = files.length
      ? await storeUploads(
          files.map((file) => ({ field: 'documents', file })),
          { prefix: `private/documents/${user.id}` },
        )
      : ({ ok: true, stored: [] } as const);
    if (!stored.ok) return formError(form, stored.errors);
    const kind = form.get('kind') === 'business_registration' ? 'business_registration' : 'citizen_id';
    const sent = await requestRenewalWithChanges(user.id, { changes, documents: { kind, stored: stored.stored } });
    if (!sent.ok) {
      await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
      // Sent twice: the first is waiting for the Union; the second says so.
      return redirect(
        `/dashboard/verification?notice=${sent.problem === 'already-sent' ? 'notice.renewal.alreadySent' : 'notice.renewal.notDue'}`,
      );
    }
    return redirect('/dashboard/verification?notice=notice.renewal.changesSent');
  }

  if (intent === 'submit') {
    // Her citizen-ID number: required once; stored only as its keyed hash and last 3 digits.
    const rawId = form.get('idNumber');
    if (typeof rawId === 'string' && rawId.trim()) {
      const id = parseIdNumber(rawId);
      if (!id.ok) return formError(form, { idNumber: `identity.problem.${id.problem}` });
      if (canEditDocuments(profile.verification_status)) await saveIdNumber(user.id, id.digits);
    } else if (!profile.id_number_hmac) {
      return formError(form, { idNumber: 'identity.problem.required' });
    }
    await declareWomenLed(user.id, form.get('declaration') === 'yes');
    const result = await transition({ subject: 'business', userId: user.id, name: 'submit', actor: user });
    if (!result.ok) return reply(intent, { form: problemKey(result.problem) });
    return redirect('/dashboard/verification?notice=notice.verification.submitted');
  }

  throw new Response('Bad Request', { status: 400 });
}

export default function Dashboard() {
  const { profile, documents, decision, mentor, mentorDecision, renewal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const intent = actionData?.values?.intent;
  const replyFor = (...names: string[]) => (intent && names.includes(intent) ? actionData : undefined);
  const status = profile?.verification_status ?? 'draft';
  const editable = canEditDocuments(status);

  return (
    <section>
      <h1>{t('verification.dashboard.title')}</h1>
      {profile ? null : (
        <div className="card">
          <h2>{t('dashboard.start.title')}</h2>
          <p>{t('dashboard.start.text')}</p>
        </div>
      )}
      <StatusBox
        status={status}
        verifiedAt={renewal === 'lapsed' ? null : (profile?.verified_at ?? null)}
        slug={profile?.slug ?? null}
      />
      <Decision decision={decision} />
      <RenewalSection
        state={renewal}
        until={profile?.verified_until ?? null}
        review={profile?.renewal_review ?? null}
        reply={replyFor('renew')}
        changedReply={replyFor('renewChanged')}
      />

      <div className="narrow">
        <ProfileForm profile={profile} reply={replyFor('profile')} />
        {profile ? (
          <>
            <ImagesForm reply={replyFor('images')} />
            <Documents documents={documents} editable={editable} reply={replyFor('documents')} />
            {editable ? (
              <SubmitForm
                status={status}
                declared={Boolean(profile.women_led_declared_at)}
                idLast3={profile.id_number_last3}
                reply={replyFor('submit')}
              />
            ) : null}
          </>
        ) : (
          <p className="muted">{t('verification.dashboard.createFirst')}</p>
        )}
        <MentorSection
          mentor={mentor}
          decision={mentorDecision}
          province={profile?.province}
          editable={canEditDocuments(mentor?.status ?? 'draft')}
          reply={replyFor('mentor')}
        />
      </div>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'verification.dashboard.title');
