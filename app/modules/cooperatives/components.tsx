import { useI18n } from '~/lib/i18n';

type Members = { type: string; shown: { id: string; display_name: string | null; role: string }[]; women: number };

/** A cooperative's members on its storefront: only those who agreed are named; the count of women is for all. */
export function StorefrontMembers({ members }: { members: Members | null }) {
  const { t } = useI18n();
  if (!members || members.type === 'individual') return null;
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t(`coop.type.${members.type as 'cooperative'}`)}</h2>
      <p>
        <strong>{t('coop.storefront.women', { count: members.women })}</strong>
      </p>
      {members.shown.length ? (
        <ul className="plain-list members-list">
          {members.shown.map((m) => (
            <li key={m.id}>
              {m.display_name}
              {m.role === 'manager' ? <span className="small muted"> · {t('coop.role.manager')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
