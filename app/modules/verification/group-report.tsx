import { useI18n } from '~/lib/i18n';
import type { AgeGroup, EthnicGroup } from './groups';

type Cell<G extends string> = { group: G | 'undeclared'; count: number | null };
type Row = { group: string; label: string; count: number | null };

/** Sellers by self-declared age and ethnic group: a number only for cells of 10 or more (issue 19). */
export function GroupReport({ groups }: { groups: { age: Cell<AgeGroup>[]; ethnic: Cell<EthnicGroup>[] } }) {
  const { t, number } = useI18n();
  const table = (kind: 'age' | 'ethnic', cells: Row[]) => (
    <div className="table-scroll" key={kind}>
      <table data-testid={`groups-${kind}`}>
        <thead>
          <tr>
            <th scope="col">{t(kind === 'age' ? 'groups.field.age' : 'groups.field.ethnic')}</th>
            <th scope="col">{t('groups.report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.group}>
              <td>{c.label}</td>
              <td>{c.count == null ? t('groups.report.small') : number(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section>
      <h2>{t('groups.report.title')}</h2>
      <p className="muted">{t('groups.report.lead')}</p>
      {table(
        'age',
        groups.age.map((c) => ({ ...c, label: t(`groups.age.${c.group}`) })),
      )}
      {table(
        'ethnic',
        groups.ethnic.map((c) => ({ ...c, label: t(`groups.ethnic.${c.group}`) })),
      )}
    </section>
  );
}
