// «Ввод данных»: the staff list with search by ФИО or СНИЛС and paging (O17).
import { counted, nouns } from "../../../shared/plural.ts";
import type { PageContext } from "../../../ui/layout.tsx";
import { Headings } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { StaffListView } from "./staff-list.view.ts";

export function StaffListPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  view: StaffListView;
  flash?: string | undefined;
}) {
  const { view } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Сотрудники" flash={props.flash}>
      <h1>Сотрудники</h1>
      {view.canEdit && (
        <p class="actions">
          <a class="button" href="/org/staff/add">
            Добавить работника
          </a>
          <a class="button button--secondary" href="/org/staff/import">
            Загрузить из файла
          </a>
        </p>
      )}
      <form method="get" action="/org/staff" class="card search-form">
        <div class="field">
          <label for="staff-search">ФИО или СНИЛС</label>
          <input id="staff-search" name="q" type="search" value={view.search} maxLength={100} />
        </div>
        <label class="choice">
          <input type="checkbox" name="dismissed" value="1" checked={view.includeDismissed} />
          Показать уволенных
        </label>
        <button type="submit" class="button button--secondary">
          Найти
        </button>
      </form>
      <p role="status">
        {view.rows.length === 0 && view.page === 1 ? (
          "Никого не найдено."
        ) : view.total !== undefined ? (
          `${counted(view.total, nouns.worker)}, страница ${view.page}.`
        ) : (
          <>
            Страница {view.page}. <a href={view.countHref}>Сколько всего?</a>
          </>
        )}
      </p>
      {view.rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Сотрудники организации</caption>
            <Headings labels={["ФИО", "СНИЛС", "Должности", "Подразделения"]} />
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.href}>
                  <td>
                    <a href={row.href}>{row.fullName}</a>
                  </td>
                  <td>{row.snils}</td>
                  <td>{row.posts}</td>
                  <td>{row.departments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(view.firstHref || view.nextHref) && (
        <nav class="pager" aria-label="Страницы списка">
          {view.firstHref && <a href={view.firstHref}>← В начало списка</a>}
          {view.nextHref && <a href={view.nextHref}>Следующая страница →</a>}
        </nav>
      )}
    </CabinetPage>
  );
}
