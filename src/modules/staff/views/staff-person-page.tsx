// A staff member's record as the organization keeps it (O17): employment cards in this organization,
// education, certificates and categories, with the forms to add them.
import { formatDate } from "../../../shared/format.ts";
import { formatSnils } from "../../../shared/identifiers.ts";
import { BackLink } from "../../../ui/actions.tsx";
import { ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { SummaryList } from "../../../ui/summary-list.tsx";
import { type Column, DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { EmploymentCardRow, RegisterRecord } from "../../register/record.repository.ts";
import { CardFields } from "./card-fields.tsx";
import { RecordSections } from "./staff-record-blocks.tsx";
import { AddForm, AddRecordForms, type OpenForm } from "./staff-record-forms.tsx";

const rate = (value: number) => String(value).replace(".", ",");

function cardColumns(base: string, today: string, canEdit: boolean): Column<EmploymentCardRow>[] {
  const columns: Column<EmploymentCardRow>[] = [
    { label: "Должность", cell: (card) => card.postName },
    { label: "Подразделение", cell: (card) => card.nrPmuDepartName ?? "—" },
    { label: "Ставка", cell: (card) => rate(card.rate) },
    { label: "Тип", cell: (card) => card.positionTypeName },
    {
      label: "Период",
      cell: (card) => (
        <>
          с {formatDate(card.beginDate)}
          {card.endDate ? ` по ${formatDate(card.endDate)}` : ""}
          {card.endDate && card.endDate < today && <span class="badge badge--warn"> работа завершена</span>}
        </>
      ),
    },
  ];
  if (!canEdit) return columns;
  return [
    ...columns,
    {
      label: "Действия",
      cell: (card) => (
        <a href={`${base}/cards/${card.id}`}>
          Изменить<span class="visually-hidden"> карточку: {card.postName}</span>
        </a>
      ),
    },
  ];
}

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
      <BackLink href="/org/staff">Все сотрудники</BackLink>
      <h1>{fullName}</h1>
      {open && <ErrorSummary errors={open.errors} idPrefix={open.form} />}
      <SummaryList
        class="card"
        rows={[
          { label: "СНИЛС", value: person.snils ? formatSnils(person.snils) : "—" },
          { label: "Дата рождения", value: person.birthDate ? formatDate(person.birthDate) : "—" },
        ]}
      />
      <section class="card" aria-labelledby="cards-title">
        <h2 id="cards-title">Места работы в организации</h2>
        <DataTable
          caption="Места работы в организации"
          columns={cardColumns(base, actor.today, canEdit)}
          rows={cards}
          rowKey={(card) => card.id}
        />
        {canEdit && (
          <AddForm
            summary="Добавить место работы (например, совместительство)"
            submit="Добавить место работы"
            action={`${base}/cards`}
            csrf={props.ctx.csrfToken}
            open={open?.form === "card"}
          >
            <CardFields {...formOf("card")} idPrefix="card" />
          </AddForm>
        )}
      </section>
      <RecordSections record={record} today={actor.today} />
      {canEdit && <AddRecordForms base={base} csrf={props.ctx.csrfToken} formOf={formOf} open={open?.form} />}
    </CabinetPage>
  );
}
