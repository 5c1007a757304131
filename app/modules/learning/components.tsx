import { Field, SelectField, TextAreaField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';

/** A labelled progress bar (a real <progress>, so screen readers announce it). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const { t } = useI18n();
  const percent = total ? Math.round((100 * done) / total) : 0;
  return (
    <div className="learn-progress">
      <progress value={done} max={Math.max(total, 1)} aria-label={label} />
      <span className="muted">{t('learning.progress.steps', { done, total, percent })}</span>
    </div>
  );
}

type CardView = { kind: string; header: string; lines: { speaker: string | null; text: string }[] };

/** A spot-the-scam card: chat bubbles, a listing or a payment screen, as plain text. */
export function GameCard({ card }: { card: CardView }) {
  const { t } = useI18n();
  return (
    <figure className={`scam-card scam-card-${card.kind}`}>
      <figcaption>
        <span className="scam-card-kind">{t(`learning.game.kind.${card.kind}` as 'learning.game.kind.chat')}</span>{' '}
        {card.header}
      </figcaption>
      <ul>
        {card.lines.map((line, i) => (
          <li key={i}>
            {line.speaker ? <strong>{line.speaker}: </strong> : null}
            <span>{line.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

type ReplyLike = { errors?: Partial<Record<string, string>>; values?: Record<string, string> } | undefined;

/** A labelled textarea (six rows: lesson bodies are long). */
export function TextArea({
  rows = 6,
  reply,
  ...props
}: {
  name: string;
  label: string;
  reply?: ReplyLike;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  hint?: string;
}) {
  return <TextAreaField rows={rows} reply={reply as FormReplyData} {...props} />;
}

/** A labelled checkbox ("on" when ticked). */
export function CheckBox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} /> {label}
    </label>
  );
}

/** The shared Field with an id prefix, for pages with several forms sharing field names (staff editors). */
export function InputField({
  reply,
  ...props
}: {
  idPrefix: string;
  name: string;
  label: string;
  type?: string;
  reply?: ReplyLike;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  hint?: string;
}) {
  return <Field reply={reply as FormReplyData} {...props} />;
}

export function SelectInput({
  reply,
  ...props
}: {
  idPrefix: string;
  name: string;
  label: string;
  reply?: ReplyLike;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  return <SelectField reply={reply as FormReplyData} {...props} />;
}
