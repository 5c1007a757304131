import { Form } from '@remix-run/react';
import { FieldShell, type FormReplyData } from '~/components/form';
import { useI18n, type MessageKey } from '~/lib/i18n';
import type { ShipmentStatus } from '../../../db/schema';

// The pieces of the carrier's delivery on Sen's pages: the ward field (a plain
// input with the province's wards as suggestions, checked on the server), the
// seller's "ship with the carrier" form, and the shipment's progress and cash.

/** The ward (xã/phường) of an address: typed, with the chosen province's wards suggested (no script needed). */
export function WardField({
  reply,
  wards,
  defaultValue,
  required,
  hint,
  idPrefix = 'field',
}: {
  reply?: FormReplyData;
  wards: readonly string[];
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-ward`;
  return (
    <FieldShell id={id} label={t('shipping.ward.label')} hint={hint} error={reply?.errors?.ward}>
      {(control) => (
        <>
          <input
            id={id}
            name="ward"
            type="text"
            maxLength={120}
            required={required}
            autoComplete="address-level3"
            list={wards.length ? `${id}-list` : undefined}
            defaultValue={reply?.values?.ward ?? defaultValue}
            {...control}
          />
          {wards.length ? (
            <datalist id={`${id}-list`}>
              {wards.map((w) => (
                <option key={w} value={w} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
    </FieldShell>
  );
}

const statusKeys: Record<ShipmentStatus, MessageKey> = {
  ready_to_pick: 'shipping.status.ready_to_pick',
  picked_up: 'shipping.status.picked_up',
  in_transit: 'shipping.status.in_transit',
  delivered: 'shipping.status.delivered',
  returned: 'shipping.status.returned',
  cancelled: 'shipping.status.cancelled',
};

export type ShipmentView = {
  carrierName: string;
  carrier_order_code: string;
  label_url: string | null;
  status: ShipmentStatus;
  carrier_status: string;
  fee: number;
  cod_amount: number;
  cod_collected: number | null;
  cod_transferred_at: string | Date | null;
  weight_grams: number;
  events: { carrier_status: string; description: string; at: string | Date }[];
};

/** Where the parcel is, and for the seller the carrier's fee, the label and the cash collected for her. */
export function ShipmentPanel({ shipment, as }: { shipment: ShipmentView; as: 'buyer' | 'seller' }) {
  const { t, money, dateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="shipment-title">
      <h2 id="shipment-title">{t('shipping.panel.title', { carrier: shipment.carrierName })}</h2>
      <p>
        {t('shipping.panel.code')}: <strong>{shipment.carrier_order_code}</strong>
        <br />
        {t('shipping.panel.status')}:{' '}
        <strong data-shipment-status={shipment.status}>{t(statusKeys[shipment.status])}</strong>
      </p>
      {as === 'seller' ? (
        <p className="small">
          {t('shipping.panel.fee', { amount: money(shipment.fee), grams: shipment.weight_grams })}
          {shipment.label_url ? (
            <>
              {' · '}
              <a href={shipment.label_url} target="_blank" rel="noreferrer noopener">
                {t('shipping.panel.label')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {shipment.cod_amount > 0 ? (
        <p className="small" data-cod>
          {shipment.cod_collected !== null
            ? t('shipping.cod.collected', { amount: money(shipment.cod_collected) })
            : t('shipping.cod.toCollect', { amount: money(shipment.cod_amount) })}
          {as === 'seller' && shipment.cod_transferred_at
            ? ` · ${t('shipping.cod.transferred', { date: dateTime(shipment.cod_transferred_at) })}`
            : null}
        </p>
      ) : null}
      {shipment.events.length ? (
        <details>
          <summary>{t('shipping.panel.history')}</summary>
          <ul className="plain-list small">
            {shipment.events.map((e, i) => (
              <li key={i}>
                {dateTime(e.at)} · {e.carrier_status}
                {e.description ? ` · ${e.description}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The seller's "hand it to the carrier" form on an accepted order, or why she cannot yet. */
export function CarrierShipForm({
  carrier,
  hasPickup,
  hasWard,
  defaultWeight,
  reply,
}: {
  carrier: string;
  hasPickup: boolean;
  hasWard: boolean;
  defaultWeight: number;
  reply?: FormReplyData;
}) {
  const { t } = useI18n();
  if (!hasPickup)
    return (
      <p className="card small">
        {t('shipping.seller.needPickup', { carrier })} <a href="/dashboard/shipping">{t('shipping.pickup.title')}</a>
      </p>
    );
  if (!hasWard) return <p className="card small muted">{t('shipping.seller.noWard', { carrier })}</p>;
  return (
    <Form noValidate method="post" className="card">
      <input type="hidden" name="intent" value="carrierShip" />
      <p>{t('shipping.seller.lead', { carrier })}</p>
      <FieldShell id="carrier-weight" label={t('shipping.field.weight')} error={reply?.errors?.weight}>
        {(control) => (
          <input
            id="carrier-weight"
            name="weight"
            type="text"
            inputMode="numeric"
            required
            defaultValue={reply?.values?.weight ?? String(defaultWeight)}
            {...control}
          />
        )}
      </FieldShell>
      <button type="submit">{t('shipping.seller.create', { carrier })}</button>
    </Form>
  );
}
