// A staff member's record as the organization keeps it (O17): employment cards in this organization,
// education, certificates and categories, with the forms to add them.
import { formatDate } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { EmploymentCardRow, RegisterRecord } from "../../register/record.repository.ts";
import type { Input } from "../staff.validation.ts";
import { CardFields } from "./card-fields.tsx";
import { RecordSections } from "./staff-record-blocks.tsx";
import { AddRecordForms } from "./staff-record-forms.tsx";

/** Which add form is open and what it said, after a refused submission. */
export interface OpenForm {
  form: "card" | "education" | "certificate" | "category";
  values: Input;
  errors: readonly FieldError[];
}

const rate = (value: number) => String(value).replace(".", ",");

export function StaffPersonPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  record: RegisterRecord;
  cards: EmploymentCardRow[];
  open?: OpenForm | undefined;
  flash?: string | undefined;
}) {
  const { record, cards, actor, open } = props;
  const person = record.person;
  const fullName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ");
  const canEdit = actor.powers.has("staff.edit");
  const base = `/org/staff/${person.id}`;
  const formOf = (form: OpenForm["form"]) =>
    open?.form === form ? open : { values: {}, errors: [] as FieldError[] };
  return (
    <CabinetPage ctx={props.ctx} actor={actor} title={fullName} flash={props.flash}>
      <p>
        <a href="/org/staff">← Все сотрудники</a>
      </p>
      <h1>{fullName}</h1>
      {open && <ErrorSummary errors={open.errors} />}
      <dl class="facts card">
        <dt>СНИЛС</dt>
        <dd>{person.snils ? formatSnils(person.snils) : "—"}</dd>
        <dt>Дата рождения</dt>
        <dd>{person.birthDate ? formatDate(person.birthDate) : "—"}</dd>
      </dl>
      <section class="card" aria-labelledby="cards-title">
        <h2 id="cards-title">Места работы в организации</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Должность</th>
                <th scope="col">Подразделение</th>
                <th scope="col">Ставка</th>
                <th scope="col">Тип</th>
                <th scope="col">Период</th>
                {canEdit && (
                  <th scope="col">
                    <span class="visually-hidden">Действия</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => (
                <tr key={card.id}>
                  <td>{card.postName}</td>
                  <td>{card.nrPmuDepartName ?? "—"}</td>
                  <td>{rate(card.rate)}</td>
                  <td>{card.positionTypeName}</td>
                  <td>
                    с {formatDate(card.beginDate)}
                    {card.endDate ? ` по ${formatDate(card.endDate)}` : ""}
                    {card.endDate && card.endDate < actor.today && (
                      <span class="badge badge--warn"> уволен(а)</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <a href={`${base}/cards/${card.id}`}>
                        Изменить<span class="visually-hidden"> карточку: {card.postName}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && (
          <details class="add-form" open={open?.form === "card"}>
            <summary>Добавить место работы (например, совместительство)</summary>
            <form method="post" action={`${base}/cards`} novalidate>
              <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
              <CardFields values={formOf("card").values} errors={formOf("card").errors} />
              <button type="submit" class="button">
                Добавить место работы
              </button>
            </form>
          </details>
        )}
      </section>
      <RecordSections record={record} today={actor.today} />
      {canEdit && <AddRecordForms base={base} csrf={props.ctx.csrfToken} formOf={formOf} open={open?.form} />}
    </CabinetPage>
  );
}
