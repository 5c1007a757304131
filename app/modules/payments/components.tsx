import type { PaymentFlag } from '../../../db/schema';
import { useI18n } from '~/lib/i18n';

type Qr = { src: string; note: string; amount: number; bank: string; account: string; holder: string };

/** The VietQR code of an order awaiting transfer, with what to check before confirming. */
export function VietQrPanel({ qr, payBy }: { qr: Qr; payBy: string | Date | null }) {
  const { t, money, dateTime } = useI18n();
  return (
    <div className="card vietqr" aria-labelledby="vietqr-title">
      <h2 id="vietqr-title">{t('payments.qr.title')}</h2>
      <p>
        <strong>{t('payments.qr.verified', { name: qr.holder, bank: qr.bank })}</strong>
      </p>
      <img
        src={qr.src}
        width={240}
        height={240}
        alt={t('payments.qr.alt', { amount: money(qr.amount), account: qr.account, bank: qr.bank, note: qr.note })}
        style={{ maxWidth: '100%', height: 'auto' }}
      />
      <dl className="facts">
        <dt>{t('payments.qr.amount')}</dt>
        <dd>
          <strong>{money(qr.amount)}</strong>
        </dd>
        <dt>{t('payments.qr.bank')}</dt>
        <dd>{qr.bank}</dd>
        <dt>{t('payments.qr.account')}</dt>
        <dd>{qr.account}</dd>
        <dt>{t('payments.qr.holder')}</dt>
        <dd>{qr.holder}</dd>
        <dt>{t('payments.qr.note')}</dt>
        <dd>
          <strong>{qr.note}</strong>
        </dd>
      </dl>
      <p role="note">{t('payments.qr.check', { name: qr.holder, amount: money(qr.amount), note: qr.note })}</p>
      {payBy ? <p className="small">{t('payments.qr.payBy', { time: dateTime(payBy) })}</p> : null}
      <p className="small muted">{t('payments.qr.auto')}</p>
    </div>
  );
}

/** A transfer that needs a person: short/excess, after the order lapsed, or a paid order cancelled. */
export function PaymentFlagNote({ flag }: { flag: PaymentFlag | null }) {
  const { t } = useI18n();
  if (!flag) return null;
  return (
    <p className="form-error" role="status">
      {t(`payments.flag.${flag}`)}
    </p>
  );
}
