import { defined } from '../app/lib/defined';
import { sql } from 'kysely';
import { countryScope } from '../app/lib/auth.server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage } from '../app/lib/storage.server';
import { action as dashboardAction, loader as dashboardLoader } from '../app/routes/dashboard.verification';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { loader as documentLoader } from '../app/routes/staff.documents.$id';
import { loader as impactLoader } from '../app/routes/staff.impact';
import { loader as queueLoader } from '../app/routes/staff.verifications._index';
import { action as reviewAction, loader as reviewLoader } from '../app/routes/staff.verifications.$id';
import {
  checkTransition,
  decisionsFrom,
  transitions,
  verificationStatuses,
  type TransitionName,
} from '../app/modules/verification/states';
import { deleteExpiredDocuments, isApprovedMentor, transition } from '../app/modules/verification';
import { call, createTestUser, enrolTwoFactor, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { loader as publicFileLoader } from '../app/routes/files.$';
import { elfExecutable, jpegWithGps, multipartRequest, pngImage, svgFile, tinyPdf } from './support/images';
import { startS3rver, useS3Env } from './support/s3';

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

let staff: TestUser;
let buyer: TestUser;
let mentorUser: TestUser;

beforeAll(async () => {
  staff = await createTestUser({ roles: ['staff'], displayName: 'Cán bộ Hội' });
  buyer = await createTestUser();
  mentorUser = await createTestUser({ roles: ['mentor'] });
});

let slugCounter = 0;
async function sellerWithProfile(options: { province?: string; phone?: string; email?: string } = {}) {
  const seller = await createTestUser({ displayName: 'Lò Thị Hoa' });
  slugCounter += 1;
  const slug = `gian-hang-thu-${slugCounter}-${Math.random().toString(36).slice(2, 6)}`;
  const result = await call(
    dashboardAction,
    formRequest(
      '/dashboard/verification',
      {
        intent: 'profile',
        businessName: 'Dệt thổ cẩm Hoa',
        ownerName: 'Hoa',
        province: options.province ?? 'lai-chau',
        story: 'Vải dệt tay của bản Sìn Hồ.',
        categories: ['handicrafts', 'fashion'],
        slug,
        contactPhone: options.phone ?? '0912 345 678',
        contactEmail: options.email ?? 'hoa.private@example.com',
      },
      { cookie: seller.cookie },
    ),
  );
  expect(statusOf(result)).toBe(302);
  return { ...seller, slug };
}

async function uploadDocument(
  seller: TestUser,
  kind = 'citizen_id',
  file = { name: 'cccd.jpg', type: 'image/jpeg', bytes: new Uint8Array(0) },
) {
  if (!file.bytes.length) file.bytes = await jpegWithGps();
  return call(
    dashboardAction,
    multipartRequest(
      '/dashboard/verification?intent=documents',
      { intent: 'documents', kind, documents: file },
      { cookie: seller.cookie },
    ),
  );
}

async function submit(seller: TestUser) {
  return call(
    dashboardAction,
    formRequest(
      '/dashboard/verification',
      // Her citizen-ID number is asked at submission (issue 19); a different one per woman.
      { intent: 'submit', declaration: 'yes', idNumber: String(Math.floor(Math.random() * 1e12)).padStart(12, '0') },
      { cookie: seller.cookie },
    ),
  );
}

function decide(
  actor: TestUser,
  userId: string,
  decision: string,
  reasonCode: string,
  reasonText = '',
  subject = 'business',
) {
  return call(
    reviewAction,
    formRequest(
      `/staff/verifications/${userId}`,
      { intent: 'decide', subject, decision, reasonCode, reasonText, confirmed: 'yes' },
      { cookie: actor.cookie },
    ),
    { id: userId },
  );
}

const statusOfProfile = async (userId: string) =>
  (
    await db
      .selectFrom('business_profiles')
      .select('verification_status')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
  ).verification_status;

const events = (userId: string) =>
  db.selectFrom('verification_events').selectAll().where('user_id', '=', userId).orderBy('id').execute();

describe('the state machine (rules alone)', () => {
  const owner = 'owner';
  it('allows exactly the listed transitions, by the right person', () => {
    for (const name of Object.keys(transitions) as TransitionName[]) {
      const rule = transitions[name];
      for (const from of verificationStatuses) {
        const actor =
          rule.by === 'owner' ? { actorId: owner, actorIsStaff: false } : { actorId: 'staff', actorIsStaff: true };
        const problem = checkTransition(name, { from, ownerId: owner, ...actor });
        expect(problem, `${name} from ${from}`).toBe(rule.from.includes(from) ? null : 'invalid-state');
      }
    }
  });

  it('refuses approving a draft, staff deciding on their own profile, and non-staff deciding', () => {
    expect(checkTransition('approve', { from: 'draft', ownerId: owner, actorId: 'staff', actorIsStaff: true })).toBe(
      'invalid-state',
    );
    expect(checkTransition('approve', { from: 'submitted', ownerId: owner, actorId: owner, actorIsStaff: true })).toBe(
      'self',
    );
    expect(checkTransition('approve', { from: 'submitted', ownerId: owner, actorId: owner, actorIsStaff: false })).toBe(
      'forbidden',
    );
    expect(checkTransition('submit', { from: 'draft', ownerId: owner, actorId: 'someone', actorIsStaff: true })).toBe(
      'forbidden',
    );
  });

  it('offers staff only the decisions possible from a state', () => {
    expect(decisionsFrom('submitted')).toEqual(['approve', 'needs_info', 'reject']);
    expect(decisionsFrom('approved')).toEqual(['suspend', 'revoke']);
    expect(decisionsFrom('suspended')).toEqual(['reinstate', 'revoke']);
    expect(decisionsFrom('draft')).toEqual([]);
    expect(decisionsFrom('revoked')).toEqual([]);
  });
});

describe('her business profile', () => {
  it('is created from the dashboard and makes her an entrepreneur', async () => {
    const seller = await sellerWithProfile();
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', seller.id).execute();
    expect(roles.map((r) => r.role)).toContain('entrepreneur');
    const data = payload(await call(dashboardLoader, getRequest('/dashboard/verification', { cookie: seller.cookie })));
    expect(defined(data.profile, 'data.profile').verification_status).toBe('draft');
    expect(defined(data.profile, 'data.profile').contact_phone).toBe('+84912345678'); // stored once, as E.164 (issue 14)
  });

  it('refuses a storefront address already taken, and keeps what she typed', async () => {
    const first = await sellerWithProfile();
    const other = await createTestUser();
    const result = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        { intent: 'profile', businessName: 'Khác', ownerName: 'Lan', province: 'ha-noi', slug: first.slug },
        { cookie: other.cookie },
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors.slug).toBe('verification.profile.slugTaken');
    expect(payload(result).values.businessName).toBe('Khác');
  });

  it('makes a slug without diacritics from the business name when none is given', async () => {
    const seller = await createTestUser();
    await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        { intent: 'profile', businessName: 'Gốm Bát Tràng Đẹp', ownerName: 'Mai', province: 'ha-noi' },
        { cookie: seller.cookie },
      ),
    );
    const row = await db
      .selectFrom('business_profiles')
      .select('slug')
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    expect(row.slug).toBe('gom-bat-trang-dep');
  });

  it('shows every field error at once on bad input, never a 500', async () => {
    const seller = await createTestUser();
    const result = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        {
          intent: 'profile',
          businessName: '',
          ownerName: '',
          province: 'atlantis',
          categories: 'weapons',
          contactPhone: 'abc',
          contactEmail: 'nope',
        },
        { cookie: seller.cookie },
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(Object.keys(payload(result).errors).sort()).toEqual([
      'businessName',
      'categories',
      'contactEmail',
      'contactPhone',
      'ownerName',
      'province',
    ]);
  });

  it('sends the anonymous to the login page', async () => {
    const result = (await call(dashboardLoader, getRequest('/dashboard/verification'))) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toContain('/login?redirectTo=%2Fdashboard');
  });
});

describe('documents from the dashboard', () => {
  it('refuses a renamed executable, an SVG and a 20 MB file, storing nothing', async () => {
    const seller = await sellerWithProfile();
    const cases = [
      { file: { name: 'cccd.jpg', type: 'image/jpeg', bytes: elfExecutable }, error: 'verification.upload.badType' },
      { file: { name: 'cccd.svg', type: 'image/svg+xml', bytes: svgFile }, error: 'verification.upload.badType' },
      {
        file: { name: 'big.jpg', type: 'image/jpeg', bytes: new Uint8Array(20 * 1024 * 1024) },
        error: 'verification.upload.tooBig',
      },
    ];
    for (const c of cases) {
      const result = await uploadDocument(seller, 'citizen_id', c.file);
      expect(statusOf(result), c.file.name).toBe(400);
      expect(payload(result).errors.documents).toBe(c.error);
      expect(payload(result).values.intent).toBe('documents');
    }
    const docs = await db.selectFrom('verification_documents').select('id').where('user_id', '=', seller.id).execute();
    expect(docs).toEqual([]);
  });

  it('stores a photo without its GPS EXIF, privately', async () => {
    const seller = await sellerWithProfile();
    expect(statusOf(await uploadDocument(seller))).toBe(302);
    const doc = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    expect(doc.storage_key).toMatch(new RegExp(`^private/documents/${seller.id}/`));
    const object = await getStorage().get(defined(doc.storage_key, 'doc.storage_key'));
    const bytes = Buffer.from(await new Response(defined(object, 'object').body).arrayBuffer());
    const sharp = (await import('sharp')).default;
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  });

  it('can be removed before submitting', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    const doc = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    const result = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        { intent: 'removeDocument', documentId: doc.id },
        { cookie: seller.cookie },
      ),
    );
    expect(statusOf(result)).toBe(302);
    expect(await getStorage().get(defined(doc.storage_key, 'doc.storage_key'))).toBeNull();
  });
});

describe('verification transitions', () => {
  it('refuses a submission without a citizen ID photo or the declaration', async () => {
    const seller = await sellerWithProfile();
    const noDocs = await submit(seller);
    expect(payload(noDocs).errors.form).toBe('verification.problem.incomplete');
    await uploadDocument(seller);
    const noDeclaration = await call(
      dashboardAction,
      formRequest('/dashboard/verification', { intent: 'submit' }, { cookie: seller.cookie }),
    );
    expect(payload(noDeclaration).errors.form).toBe('verification.problem.incomplete');
    expect(await statusOfProfile(seller.id)).toBe('draft');
  });

  it('refuses staff approving a draft', async () => {
    const seller = await sellerWithProfile();
    const result = await decide(staff, seller.id, 'approve', 'checked');
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors.form).toBe('verification.problem.invalid-state');
    expect(await statusOfProfile(seller.id)).toBe('draft');
    expect(await events(seller.id)).toEqual([]);
  });

  it('refuses a seller approving herself: 403 for non-staff, and staff cannot decide on their own profile', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    const asSeller = await decide(seller, seller.id, 'approve', 'checked');
    expect(statusOf(asSeller)).toBe(403);
    const asBuyer = await decide(buyer, seller.id, 'approve', 'checked');
    expect(statusOf(asBuyer)).toBe(403);

    // A staff member who is also a seller.
    await db.insertInto('user_roles').values({ user_id: seller.id, role: 'staff' }).execute();
    // Country-wide, so it is the self rule that refuses her, not her scope (issue 19).
    await db.insertInto('staff_scopes').values({ user_id: seller.id, scope: 'country' }).execute();
    await enrolTwoFactor(seller.id);
    const self = await decide(seller, seller.id, 'approve', 'checked');
    expect(statusOf(self)).toBe(403);
    expect(payload(self).errors.form).toBe('verification.problem.self');
    // Also directly through the module.
    expect(
      await transition({
        subject: 'business',
        userId: seller.id,
        name: 'approve',
        actor: { id: seller.id, roles: ['buyer', 'staff'] },
        scope: countryScope,
      }),
    ).toEqual({
      ok: false,
      problem: 'self',
    });
    await db.deleteFrom('user_roles').where('user_id', '=', seller.id).where('role', '=', 'staff').execute();
    expect(await statusOfProfile(seller.id)).toBe('submitted');
  });

  it('refuses non-staff decisions through the module itself', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    expect(
      await transition({
        subject: 'business',
        userId: seller.id,
        name: 'approve',
        actor: { id: buyer.id, roles: ['buyer'] },
      }),
    ).toEqual({ ok: false, problem: 'forbidden' });
    expect(
      await transition({
        subject: 'business',
        userId: seller.id,
        name: 'submit',
        actor: { id: staff.id, roles: ['buyer', 'staff'] },
      }),
    ).toEqual({ ok: false, problem: 'forbidden' });
  });

  it('asks for a reason (a note for "other") before deciding', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    expect(payload(await decide(staff, seller.id, 'needs_info', 'checked')).errors.reasonCode).toBe(
      'verification.problem.reason-required',
    );
    expect(payload(await decide(staff, seller.id, 'reject', 'other')).errors.reasonCode).toBe(
      'verification.problem.reason-required',
    );
    expect(await statusOfProfile(seller.id)).toBe('submitted');
  });

  it('goes submitted → needs info → resubmitted → approved, audited and told to her, and the badge appears', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    expect(statusOf(await submit(seller))).toBe(302);
    expect(await statusOfProfile(seller.id)).toBe('submitted');

    expect(statusOf(await decide(staff, seller.id, 'needs_info', 'id_unreadable', 'Ảnh mặt sau bị lóa.'))).toBe(302);
    expect(await statusOfProfile(seller.id)).toBe('needs_info');
    const dash = payload(await call(dashboardLoader, getRequest('/dashboard/verification', { cookie: seller.cookie })));
    expect(dash.decision).toMatchObject({
      to_status: 'needs_info',
      reason_code: 'id_unreadable',
      reason_text: 'Ảnh mặt sau bị lóa.',
    });
    const note = await db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    expect(note.message_key).toBe('verification.decision.business.needs_info');
    const mail = await db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', seller.email)
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain('Ảnh CCCD bị mờ hoặc không đọc được.');
    expect(mail.body).toContain('Ảnh mặt sau bị lóa.');
    expect(mail.body).toContain('http://localhost:3000/dashboard');

    // Not on the storefront yet.
    const before = payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug }));
    expect(before.verifiedAt).toBeNull();

    await uploadDocument(seller, 'citizen_id');
    expect(statusOf(await submit(seller))).toBe(302);
    expect(await statusOfProfile(seller.id)).toBe('submitted');
    expect(statusOf(await decide(staff, seller.id, 'approve', 'checked'))).toBe(302);
    expect(await statusOfProfile(seller.id)).toBe('approved');

    const history = await events(seller.id);
    expect(history.map((e) => [e.from_status, e.to_status])).toEqual([
      ['draft', 'submitted'],
      ['submitted', 'needs_info'],
      ['needs_info', 'submitted'],
      ['submitted', 'approved'],
    ]);
    expect(history[0].actor_id).toBe(seller.id);
    expect(history[3].actor_id).toBe(staff.id);
    expect(history[1].reason_code).toBe('id_unreadable');

    const after = payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug }));
    expect(after.status).toBe('approved');
    expect(after.verifiedAt).toBeInstanceOf(Date);

    // The names staff checked are locked once approved; the story is not.
    const renamed = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        {
          intent: 'profile',
          businessName: 'Tên khác',
          ownerName: 'Hoa',
          province: 'lai-chau',
          slug: seller.slug,
          story: 'Mới',
        },
        { cookie: seller.cookie },
      ),
    );
    expect(payload(renamed).errors).toEqual({ businessName: 'verification.profile.lockedWhileVerified' });
    const restoried = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        {
          intent: 'profile',
          businessName: 'Dệt thổ cẩm Hoa',
          ownerName: 'Hoa',
          province: 'lai-chau',
          slug: seller.slug,
          story: 'Câu chuyện mới',
        },
        { cookie: seller.cookie },
      ),
    );
    expect(statusOf(restoried)).toBe(302);

    // Documents can no longer be changed after approval.
    const late = await uploadDocument(seller);
    expect(payload(late).errors.form).toBe('verification.problem.invalid-state');
  });

  it('a rejection shows its reason on her dashboard', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    expect(statusOf(await decide(staff, seller.id, 'reject', 'not_women_led', 'Chủ hộ là chồng chị.'))).toBe(302);
    const dash = payload(await call(dashboardLoader, getRequest('/dashboard/verification', { cookie: seller.cookie })));
    expect(defined(dash.profile, 'dash.profile').verification_status).toBe('rejected');
    expect(dash.decision).toMatchObject({
      to_status: 'rejected',
      reason_code: 'not_women_led',
      reason_text: 'Chủ hộ là chồng chị.',
    });
  });

  it('suspension and revocation remove the badge at once; reinstating brings it back', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    await decide(staff, seller.id, 'approve', 'checked');
    const badge = async () =>
      payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug })).verifiedAt;

    expect(await badge()).not.toBeNull();
    expect(statusOf(await decide(staff, seller.id, 'suspend', 'complaints'))).toBe(302);
    expect(await badge()).toBeNull();
    expect(statusOf(await decide(staff, seller.id, 'reinstate', 'resolved'))).toBe(302);
    expect(await badge()).not.toBeNull();
    expect(statusOf(await decide(staff, seller.id, 'revoke', 'fraud'))).toBe(302);
    expect(await badge()).toBeNull();
    // Revoked is final: nothing more can happen to it.
    expect(statusOf(await decide(staff, seller.id, 'reinstate', 'resolved'))).toBe(400);
    expect(statusOf(await decide(staff, seller.id, 'approve', 'checked'))).toBe(400);
  });
});

describe('mentor applications', () => {
  it('are approved the same way, and only then is she an approved mentor', async () => {
    const mentor = await createTestUser();
    const saved = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        {
          intent: 'mentor',
          expertise: ['marketing', 'digital_safety'],
          languages: ['vi', 'hmong'],
          experience: '10 năm bán hàng online',
          bio: 'Chủ hợp tác xã',
          province: 'lao-cai',
        },
        { cookie: mentor.cookie },
      ),
    );
    expect(statusOf(saved)).toBe(302);
    expect(await isApprovedMentor(mentor.id)).toBe(false);
    // Staff cannot approve an application that was never submitted.
    expect(statusOf(await decide(staff, mentor.id, 'approve', 'checked', '', 'mentor'))).toBe(400);

    expect(
      statusOf(
        await call(
          dashboardAction,
          formRequest('/dashboard/verification', { intent: 'mentorSubmit' }, { cookie: mentor.cookie }),
        ),
      ),
    ).toBe(302);
    expect(statusOf(await decide(mentor, mentor.id, 'approve', 'checked', '', 'mentor'))).toBe(403);
    expect(statusOf(await decide(staff, mentor.id, 'approve', 'checked', '', 'mentor'))).toBe(302);
    expect(await isApprovedMentor(mentor.id)).toBe(true);
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', mentor.id).execute();
    expect(roles.map((r) => r.role)).toContain('mentor');

    // Her approved application cannot be edited, and revocation ends it.
    const locked = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        { intent: 'mentor', expertise: 'law', languages: 'vi', experience: 'x', bio: 'y', province: 'lao-cai' },
        { cookie: mentor.cookie },
      ),
    );
    expect(payload(locked).errors.form).toBe('verification.dashboard.mentorLocked');
    expect(statusOf(await decide(staff, mentor.id, 'revoke', 'other', 'Không còn hoạt động.', 'mentor'))).toBe(302);
    expect(await isApprovedMentor(mentor.id)).toBe(false);
    const after = await db.selectFrom('user_roles').select('role').where('user_id', '=', mentor.id).execute();
    expect(after.map((r) => r.role)).not.toContain('mentor');
  });

  it('needs at least one area and one language', async () => {
    const mentor = await createTestUser();
    const result = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        { intent: 'mentor', experience: 'x', bio: 'y', province: 'ha-noi' },
        { cookie: mentor.cookie },
      ),
    );
    expect(payload(result).errors).toMatchObject({
      expertise: 'verification.field.pickOne',
      languages: 'verification.field.pickOne',
    });
  });
});

describe('identity documents are for staff only', () => {
  let docId: string;
  let owner: TestUser & { slug: string };
  beforeAll(async () => {
    owner = await sellerWithProfile();
    await uploadDocument(owner, 'business_registration', {
      name: 'giay-phep.pdf',
      type: 'application/pdf',
      bytes: tinyPdf,
    });
    docId = (
      await db
        .selectFrom('verification_documents')
        .select('id')
        .where('user_id', '=', owner.id)
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('streams the document to staff', async () => {
    const response = (await call(documentLoader, getRequest(`/staff/documents/${docId}`, { cookie: staff.cookie }), {
      id: docId,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(tinyPdf);
  });

  it('answers 403 to everyone else, the owner included, and sends the anonymous to log in', async () => {
    const entrepreneur = await createTestUser({ roles: ['entrepreneur'] });
    for (const who of [buyer, entrepreneur, mentorUser, owner]) {
      const response = await call(documentLoader, getRequest(`/staff/documents/${docId}`, { cookie: who.cookie }), {
        id: docId,
      });
      expect(statusOf(response)).toBe(403);
    }
    const anonymous = (await call(documentLoader, getRequest(`/staff/documents/${docId}`), { id: docId })) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });

  it('answers 404 to staff for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', '../../etc/passwd']) {
      expect(
        statusOf(await call(documentLoader, getRequest(`/staff/documents/${id}`, { cookie: staff.cookie }), { id })),
      ).toBe(404);
    }
  });

  it('are deleted from storage 30 days after a final decision; the decision and audit rows stay', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    await decide(staff, seller.id, 'approve', 'checked');
    const doc = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();

    await deleteExpiredDocuments(new Date(Date.now() + 29 * 24 * 3600 * 1000));
    expect(await getStorage().get(defined(doc.storage_key, 'doc.storage_key'))).not.toBeNull();

    await deleteExpiredDocuments(new Date(Date.now() + 31 * 24 * 3600 * 1000));
    expect(await getStorage().get(defined(doc.storage_key, 'doc.storage_key'))).toBeNull();
    expect(await getStorage().get(defined(doc.thumbnail_key, 'doc.thumbnail_key'))).toBeNull();
    const after = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(after.storage_key).toBeNull();
    expect(after.deleted_at).not.toBeNull();
    expect((await events(seller.id)).length).toBe(2);
    expect(await statusOfProfile(seller.id)).toBe('approved');
    // The staff route now finds nothing to hand out.
    expect(
      statusOf(
        await call(documentLoader, getRequest(`/staff/documents/${doc.id}`, { cookie: staff.cookie }), { id: doc.id }),
      ),
    ).toBe(404);
  });

  it('keeps documents of a profile still under review', async () => {
    const seller = await sellerWithProfile();
    await uploadDocument(seller);
    await submit(seller);
    const doc = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    await deleteExpiredDocuments(new Date(Date.now() + 365 * 24 * 3600 * 1000));
    expect(await getStorage().get(defined(doc.storage_key, 'doc.storage_key'))).not.toBeNull();
  });
});

describe('the public storefront', () => {
  it('never shows contact details', async () => {
    const seller = await sellerWithProfile({ phone: '0987 654 321', email: 'secret.contact@example.com' });
    const data = payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug }));
    const text = JSON.stringify(data);
    expect(text).not.toContain('0987 654 321');
    expect(text).not.toContain('secret.contact@example.com');
    expect(text).not.toContain(seller.email);
    expect(Object.keys(data).sort()).toEqual(
      [
        'businessName',
        'categories',
        'coverUrl',
        'isOwner',
        'listings',
        'logoUrl',
        // A cooperative's members who agreed to be shown, and counts (issue 20); null for a one-woman business.
        'members',
        'ownerName',
        'province',
        'rating',
        'reviews',
        'safeSeller',
        'sellerId',
        'slug',
        'status',
        'story',
        'verifiedAt',
      ].sort(),
    );
    expect(data).toMatchObject({
      businessName: 'Dệt thổ cẩm Hoa',
      ownerName: 'Hoa',
      province: 'lai-chau',
      status: 'draft',
      verifiedAt: null,
    });
  });

  it('tells the page whether its reader is the owner, who is offered no report link against herself', async () => {
    const seller = await sellerWithProfile();
    const visitor = await createTestUser();
    const asOwner = payload(
      await call(storefrontLoader, getRequest(`/s/${seller.slug}`, { cookie: seller.cookie }), { slug: seller.slug }),
    );
    const asVisitor = payload(
      await call(storefrontLoader, getRequest(`/s/${seller.slug}`, { cookie: visitor.cookie }), { slug: seller.slug }),
    );
    const anonymous = payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug }));
    expect([asOwner.isOwner, asVisitor.isOwner, anonymous.isOwner]).toEqual([true, false, false]);
  });

  it('is 404 for an unknown or malformed slug', async () => {
    for (const slug of ['khong-co', '../x', 'A B']) {
      expect(statusOf(await call(storefrontLoader, getRequest(`/s/${encodeURIComponent(slug)}`), { slug }))).toBe(404);
    }
  });
});

describe('the staff workspace', () => {
  it('lists waiting submissions oldest first, filtered by province and state, for staff only', async () => {
    const a = await sellerWithProfile({ province: 'son-la' });
    const b = await sellerWithProfile({ province: 'son-la' });
    const c = await sellerWithProfile({ province: 'ca-mau' });
    for (const s of [b, a, c]) {
      await uploadDocument(s);
      await submit(s);
    }
    // b submitted first.
    await db
      .updateTable('business_profiles')
      .set({ submitted_at: sql<Date>`now() - interval '3 days'` })
      .where('user_id', '=', b.id)
      .execute();
    const data = payload(
      await call(queueLoader, getRequest('/staff/verifications?province=son-la', { cookie: staff.cookie })),
    );
    expect(data.items.map((i) => i.user_id)).toEqual([b.id, a.id]);

    const rejected = payload(
      await call(
        queueLoader,
        getRequest('/staff/verifications?status=rejected&province=son-la', { cookie: staff.cookie }),
      ),
    );
    expect(rejected.items).toEqual([]);

    for (const who of [buyer, a, mentorUser]) {
      expect(statusOf(await call(queueLoader, getRequest('/staff/verifications', { cookie: who.cookie })))).toBe(403);
    }
    const review = payload(
      await call(reviewLoader, getRequest(`/staff/verifications/${c.id}`, { cookie: staff.cookie }), { id: c.id }),
    );
    expect(defined(review.business, 'review.business').verification_status).toBe('submitted');
    expect(review.documents).toHaveLength(1);
    expect(review.events).toHaveLength(1);
    expect(
      statusOf(
        await call(reviewLoader, getRequest(`/staff/verifications/${c.id}`, { cookie: c.cookie }), { id: c.id }),
      ),
    ).toBe(403);
  });

  it('counts verified sellers and mentors by province, waiting submissions and the median time to a decision', async () => {
    const s1 = await sellerWithProfile({ province: 'dien-bien' });
    await uploadDocument(s1);
    await submit(s1);
    await sql`update verification_events set created_at = now() - interval '10 hours' where user_id = ${s1.id}`.execute(
      db,
    );
    await decide(staff, s1.id, 'approve', 'checked');
    const data = payload(await call(impactLoader, getRequest('/staff/impact', { cookie: staff.cookie })));
    expect(data.provinces.find((p) => p.province === 'dien-bien')).toEqual({
      province: 'dien-bien',
      sellers: 1,
      mentors: 0,
    });
    expect(data.waiting.business).toBeGreaterThanOrEqual(0);
    expect(data.decisions).toBeGreaterThan(0);
    expect(typeof data.medianHours).toBe('number');
    expect(statusOf(await call(impactLoader, getRequest('/staff/impact', { cookie: buyer.cookie })))).toBe(403);
  });
});

describe('logo and cover', () => {
  it('are re-encoded public images shown on the storefront; an SVG is refused', async () => {
    const seller = await sellerWithProfile();
    const svg = await call(
      dashboardAction,
      multipartRequest(
        '/dashboard/verification?intent=images',
        { intent: 'images', logo: { name: 'logo.svg', type: 'image/svg+xml', bytes: svgFile } },
        { cookie: seller.cookie },
      ),
    );
    expect(payload(svg).errors.logo).toBe('verification.upload.badType');
    const pdfCover = await call(
      dashboardAction,
      multipartRequest(
        '/dashboard/verification?intent=images',
        { intent: 'images', cover: { name: 'cover.pdf', type: 'application/pdf', bytes: tinyPdf } },
        { cookie: seller.cookie },
      ),
    );
    expect(payload(pdfCover).errors.cover).toBe('verification.upload.badType');

    const ok = await call(
      dashboardAction,
      multipartRequest(
        '/dashboard/verification?intent=images',
        {
          intent: 'images',
          logo: { name: 'logo.png', type: 'image/png', bytes: await pngImage(600, 600) },
          cover: { name: 'cover.jpg', type: 'image/jpeg', bytes: await jpegWithGps(1200, 400) },
        },
        { cookie: seller.cookie },
      ),
    );
    expect(statusOf(ok)).toBe(302);
    const store = payload(await call(storefrontLoader, getRequest(`/s/${seller.slug}`), { slug: seller.slug }));
    expect(store.logoUrl).toMatch(/^\/files\/public\/storefronts\/.+\.thumb\.webp$/);
    expect(store.coverUrl).toMatch(/^\/files\/public\/storefronts\/.+\.jpg$/);
    const key = defined(store.coverUrl, 'store.coverUrl').replace('/files/', '');
    const response = (await call(publicFileLoader, getRequest(defined(store.coverUrl, 'store.coverUrl')), {
      '*': key,
    })) as Response;
    expect(response.status).toBe(200);
    const sharp = (await import('sharp')).default;
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).exif).toBeUndefined();
  });
});

describe('identity documents on S3', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let restore: () => void;
  beforeAll(async () => {
    s3 = await startS3rver('sen-docs');
    restore = useS3Env(s3.env);
  });
  afterAll(async () => {
    restore();
    await s3.stop();
  });

  it('reach staff only, through a presigned URL living at most 5 minutes', async () => {
    const seller = await sellerWithProfile();
    expect(statusOf(await uploadDocument(seller))).toBe(302);
    const doc = await db
      .selectFrom('verification_documents')
      .selectAll()
      .where('user_id', '=', seller.id)
      .executeTakeFirstOrThrow();

    const response = (await call(documentLoader, getRequest(`/staff/documents/${doc.id}`, { cookie: staff.cookie }), {
      id: doc.id,
    })) as Response;
    expect(response.status).toBe(302);
    const url = new URL(defined(response.headers.get('Location'), 'the redirect’s Location'));
    expect(url.origin).toBe(s3.env.S3_ENDPOINT);
    expect(url.pathname).toBe(`/sen-docs/${doc.storage_key}`);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');

    for (const who of [buyer, mentorUser, seller]) {
      const denied = await call(documentLoader, getRequest(`/staff/documents/${doc.id}`, { cookie: who.cookie }), {
        id: doc.id,
      });
      expect(statusOf(denied)).toBe(403);
    }
    // The public file route never hands out a private key, on S3 either.
    const viaPublic = await call(publicFileLoader, getRequest(`/files/${doc.storage_key}`), {
      '*': defined(doc.storage_key, 'doc.storage_key'),
    });
    expect(statusOf(viaPublic)).toBe(404);
  });
});
