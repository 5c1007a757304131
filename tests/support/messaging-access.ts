import { db } from '../../app/lib/db.server';

// The messaging routes' rows for tests/access.test.ts (kept here so the shared
// file changes by two lines). A conversation between the buyer and the
// entrepreneur, about a published listing of the entrepreneur's.

type Who = 'anonymous' | 'buyer' | 'entrepreneur' | 'mentor' | 'staff';
type Outcome = 'ok' | 'login' | 'forbidden' | 'away' | 'missing';
type Expect = Record<Who, Outcome>;
type Person = { id: string; cookie: string };
type People = Record<Exclude<Who, 'anonymous'>, Person>;
type Row = {
  file: string;
  path: string | ((people: People) => Promise<string>);
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  expect: Expect;
};

let listing: Promise<string> | undefined;
let conversation: Promise<string> | undefined;

function entrepreneurListing(p: People) {
  listing ??= (async () => {
    const row = await db
      .insertInto('business_profiles')
      .values({
        user_id: p.entrepreneur.id,
        slug: `msg-${p.entrepreneur.id.slice(0, 8)}`,
        business_name: 'Nón lá',
        owner_name: 'Chị A',
        province: 'hue',
        verification_status: 'approved',
        verified_at: new Date(),
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
      .then(() =>
        db
          .insertInto('listings')
          .values({
            seller_id: p.entrepreneur.id,
            title: 'Nón lá',
            price: 50000,
            category: 'handicrafts',
            state: 'published',
            published_at: new Date(),
            updated_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
    return row.id;
  })();
  return listing;
}

function buyerConversation(p: People) {
  conversation ??= (async () => {
    const listingId = await entrepreneurListing(p);
    const [a, b] = [p.buyer.id, p.entrepreneur.id].sort();
    const c = await db
      .insertInto('conversations')
      .values({ user_a: a, user_b: b, started_by: p.buyer.id, listing_id: listingId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('conversation_members')
      .values([
        { conversation_id: c.id, user_id: a },
        { conversation_id: c.id, user_id: b },
      ])
      .execute();
    await db
      .insertInto('messages')
      .values({ conversation_id: c.id, sender_id: p.buyer.id, body: 'Chào chị' })
      .execute();
    return c.id;
  })();
  return conversation;
}

export function messagingRows(o: { signedIn: (x: Outcome) => Expect }): Row[] {
  const { signedIn } = o;
  const members: Expect = { ...signedIn('missing'), buyer: 'ok', entrepreneur: 'ok' };
  // Her own listing: refused to the entrepreneur.
  const aboutListing: Expect = { ...signedIn('ok'), entrepreneur: 'forbidden' };
  return [
    { file: 'messages._index.tsx', path: '/messages', expect: signedIn('ok') },
    {
      file: 'messages.new.tsx',
      path: async (p) => `/messages/new?listing=${await entrepreneurListing(p)}`,
      expect: aboutListing,
    },
    // An empty message: 400 with the form's errors.
    {
      file: 'messages.new.tsx',
      path: async (p) => `/messages/new?listing=${await entrepreneurListing(p)}`,
      method: 'POST',
      form: { body: '' },
      expect: signedIn('ok'),
    },
    {
      file: 'messages.new.tsx',
      path: '/messages/new?listing=00000000-0000-0000-0000-000000000000',
      expect: signedIn('missing'),
    },
    { file: 'messages.$id.tsx', path: async (p) => `/messages/${await buyerConversation(p)}`, expect: members },
    {
      file: 'messages.$id.tsx',
      path: async (p) => `/messages/${await buyerConversation(p)}`,
      method: 'POST',
      form: { intent: 'send', body: '' },
      expect: members,
    },
  ];
}
