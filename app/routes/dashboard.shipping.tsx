import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField } from '~/components/form';
import { requireRole } from '~/lib/auth.server';
import { parseForm, readForm, type FormReply } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { formatPhone } from '~/lib/phone';
import { provinceName, provinces } from '~/lib/provinces';
import { WardField } from '~/modules/shipping/components';
import { pickupSchema } from '~/modules/shipping/forms.server';
import { activeCarrierName, pickupAddress, savePickupAddress } from '~/modules/shipping/shipping.server';
import { wardsOf } from '~/modules/shipping/wards';

// The seller's pickup address: where the carrier collects her parcels, and where
// its fees are quoted from at checkout. Ward level, from the post-2025 list.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const pickup = await pickupAddress(user.id);
  return {
    pickup: pickup ? { ...pickup, phone: formatPhone(pickup.phone) } : null,
    carrier: activeCarrierName(),
    wards: pickup ? wardsOf(pickup.province) : [],
  };
}

type PickupReply = FormReply & { wards?: readonly string[] };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const form = await readForm(request);
  const parsed = parseForm(form, pickupSchema);
  if (!parsed.ok) {
    const province = form.get('province');
    return data<PickupReply>(
      { ...parsed.reply, wards: typeof province === 'string' ? wardsOf(province) : [] },
      { status: 400 },
    );
  }
  await savePickupAddress(user.id, parsed.data);
  throw redirect('/dashboard/shipping?notice=notice.shipping.pickupSaved');
}

export default function PickupAddress() {
  const { pickup, carrier, wards } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as PickupReply | undefined;
  const { t, locale } = useI18n();
  const v = (name: string, fallback = '') => reply?.values?.[name] ?? fallback;
  return (
    <section>
      <h1>{t('shipping.pickup.title')}</h1>
      <p>{carrier ? t('shipping.pickup.lead', { carrier }) : t('shipping.pickup.noCarrier')}</p>
      {pickup ? (
        <p className="card" data-pickup>
          <strong>{pickup.name}</strong> · {pickup.phone}
          <br />
          {pickup.address}, {pickup.ward}, {provinceName(pickup.province, locale)}
        </p>
      ) : null}
      <Form noValidate method="post">
        <FormError
          reply={reply}
          labels={{
            name: t('shipping.pickup.name'),
            phone: t('shipping.pickup.phone'),
            address: t('shipping.pickup.address'),
            province: t('orders.checkout.province'),
            ward: t('shipping.ward.label'),
          }}
        />
        <Field
          name="name"
          label={t('shipping.pickup.name')}
          reply={reply}
          required
          maxLength={120}
          defaultValue={v('name', pickup?.name ?? '')}
        />
        <Field
          name="phone"
          label={t('shipping.pickup.phone')}
          type="tel"
          reply={reply}
          required
          maxLength={20}
          defaultValue={v('phone', pickup?.phone ?? '')}
        />
        <Field
          name="address"
          label={t('shipping.pickup.address')}
          reply={reply}
          required
          maxLength={300}
          defaultValue={v('address', pickup?.address ?? '')}
        />
        <SelectField
          name="province"
          label={t('orders.checkout.province')}
          reply={reply}
          required
          defaultValue={pickup?.province ?? ''}
          options={[
            { value: '', label: '—' },
            ...provinces.map((p) => ({ value: p.code, label: provinceName(p.code, locale) })),
          ]}
        />
        <WardField reply={reply} wards={reply?.wards ?? wards} defaultValue={pickup?.ward} required />
        <button type="submit">{t('shipping.pickup.save')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'shipping.pickup.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
