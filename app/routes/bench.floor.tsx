import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { pageMeta } from '~/lib/meta';
import { MarketPage, type MarketData } from '~/modules/market/market-page';
import { notFound } from '~/lib/responses';
import { env } from '~/lib/env.server';

// The benchmark's framework floor: the market page's markup rendered by Remix
// from constants, with no database. Not found unless the server runs with
// BENCH=1 (npm run bench), so production never serves it.

const constants: MarketData = {
  filters: {
    q: 'ao dai lua',
    category: 'fashion',
    minPrice: 100000,
    maxPrice: 2000000,
    verifiedOnly: true,
    sort: 'relevance',
  },
  deep: false,
  fuzzy: false,
  next: 'WzAuMDYwNzkyNywiMDAwMDAwMDAtMDAwMC00MDAwLWEwMDAtMDAwMDAwMDAwMDAwIl0',
  listings: Array.from({ length: 24 }, (_, i) => ({
    id: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    title: `Áo dài lụa ${['thủ công', 'truyền thống', 'cao cấp', 'dệt tay'][i % 4]} ${['Huế', 'Hà Nội', 'Hội An', 'Đà Lạt'][i % 4]}`,
    price: 250000 + i * 5000,
    stock: i % 7,
    category: 'fashion',
    thumbUrl: '/files/public/listings/scale/fashion.thumb.webp',
    seller: {
      name: `Nhà ${['Mai', 'Lan', 'Hoa'][i % 3]} Huế`,
      province: 'hue',
      verified: true,
      verifiedAt: '2026-06-01T03:00:00.000Z',
    },
  })),
};

export function loader() {
  if (env().BENCH !== '1') throw notFound();
  return constants;
}

export default function BenchFloor() {
  const data = useLoaderData<typeof loader>();
  return <MarketPage data={data} />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'market.title');
