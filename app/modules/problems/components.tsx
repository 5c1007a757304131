import type { ProblemKind, ProblemState } from '../../../db/schema';
import { useI18n } from '~/lib/i18n';

// A problem as its buyer, its seller and staff see it: the complaint, both sides'
// photos (private, through /problems/photos/<id>), the answer and the decision.

export type ProblemViewData = {
  kind: ProblemKind;
  note: string;
  state: ProblemState;
  answer_due: string | Date;
  answer_kind: 'refund' | 'replacement' | 'reply' | null;
  answer_note: string | null;
  refund_amount: number | null;
  refund_reference: string | null;
  refunded_at: string | Date | null;
  escalated_by: 'buyer' | 'seller' | null;
  decision: 'refund_owed' | 'no_refund' | null;
  decision_note: string | null;
  created_at: string | Date;
  photos: { id: string; side: 'buyer' | 'seller'; purpose: 'evidence' | 'receipt' }[];
};

function Photos({ photos, side }: { photos: ProblemViewData['photos']; side: 'buyer' | 'seller' }) {
  const { t } = useI18n();
  const mine = photos.filter((p) => p.side === side);
  if (!mine.length) return null;
  return (
    <p className="problem-photos">
      {mine.map((p, i) => (
        <a key={p.id} href={`/problems/photos/${p.id}`}>
          <img
            src={`/problems/photos/${p.id}?thumbnail`}
            alt={t(p.purpose === 'receipt' ? 'problems.photo.receipt' : 'problems.photo.alt', { n: i + 1 })}
            width={120}
            height={120}
            style={{ objectFit: 'cover' }}
          />
        </a>
      ))}
    </p>
  );
}

export function ProblemView({ problem }: { problem: ProblemViewData }) {
  const { t, money, dateTime } = useI18n();
  return (
    <div className="card">
      <dl className="facts">
        <dt>{t('problems.field.state')}</dt>
        <dd>
          <strong>{t(`problems.state.${problem.state}`)}</strong>
        </dd>
        <dt>{t('problems.field.kind')}</dt>
        <dd>{t(`problems.kind.${problem.kind}`)}</dd>
        <dt>{t('problems.field.opened')}</dt>
        <dd>{dateTime(problem.created_at)}</dd>
        {problem.state === 'awaiting_seller' ? (
          <>
            <dt>{t('problems.field.answerDue')}</dt>
            <dd>{dateTime(problem.answer_due)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('problems.buyerSide')}</h2>
      <p style={{ whiteSpace: 'pre-line' }}>{problem.note}</p>
      <Photos photos={problem.photos} side="buyer" />
      {problem.answer_kind ? (
        <>
          <h2>{t('problems.sellerSide')}</h2>
          <p>
            <strong>{t(`problems.answer.${problem.answer_kind}`)}</strong>
            {problem.answer_kind === 'refund' && problem.refund_amount ? ` · ${money(problem.refund_amount)}` : null}
          </p>
          {problem.answer_note ? <p style={{ whiteSpace: 'pre-line' }}>{problem.answer_note}</p> : null}
        </>
      ) : null}
      <Photos photos={problem.photos} side="seller" />
      {problem.decision ? (
        <>
          <h2>{t('problems.decisionTitle')}</h2>
          <p>
            <strong>{t(`problems.decision.${problem.decision}`)}</strong>
            {problem.decision === 'refund_owed' && problem.refund_amount ? ` · ${money(problem.refund_amount)}` : null}
          </p>
          {problem.decision_note ? <p style={{ whiteSpace: 'pre-line' }}>{problem.decision_note}</p> : null}
          {problem.decision === 'refund_owed' ? (
            <p>
              {problem.refunded_at
                ? t('problems.refundRecorded', { reference: problem.refund_reference ?? '' })
                : t('problems.refundAwaited')}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function PhotoInput({ name = 'photos', label, error }: { name?: string; label: string; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      <input
        id={`field-${name}`}
        type="file"
        name={name}
        multiple
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `field-${name}-error` : undefined}
      />
      {error ? (
        <p className="field-error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
