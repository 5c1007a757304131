import { useI18n, type MessageKey } from '~/lib/i18n';

type Cell = { group: string; count: number | null };

/** Sellers by self-declared age and ethnic group: a number only for cells of 10 or more (issue 19). */
export function GroupReport({ groups }: { groups: { age: Cell[]; ethnic: Cell[] } }) {
  const { t, number } = useI18n();
  const table = (kind: 'age' | 'ethnic', cells: Cell[]) => (
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
              <td>{t(`groups.${kind}.${c.group}` as MessageKey)}</td>
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
      {table('age', groups.age)}
      {table('ethnic', groups.ethnic)}
    </section>
  );
}
