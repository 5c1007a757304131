import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { DashboardNav } from '~/components/dashboard-nav';
import { requireUser } from '~/lib/auth.server';

// The seller's home: one navigation over every page of her area (profile and
// verification, products, sales orders, payout, mentoring), each one tap away, as
// plain links (no JavaScript needed). Each page still asks for its own role.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function DashboardLayout() {
  return (
    <div className="dashboard">
      <DashboardNav />
      <Outlet />
    </div>
  );
}
