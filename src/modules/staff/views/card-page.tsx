// One employment card: change it, or dismiss the worker from this position (O17).
import { ErrorSummary, type FieldError, TextField } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import { errorFor } from "../../organizations/views/fields.tsx";
import type { EmploymentCardRow } from "../../register/record.repository.ts";
import type { Input } from "../staff.validation.ts";
import { CardFields } from "./card-fields.tsx";

export function cardValues(card: EmploymentCardRow): Input {
  return {
    postId: card.postId,
    departmentName: card.nrPmuDepartName ?? undefined,
    rate: String(card.rate).replace(".", ","),
    positionTypeId: card.positionTypeId,
    beginDate: card.beginDate,
    endDate: card.endDate ?? undefined,
  };
}

export function CardPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  personName: string;
  card: EmploymentCardRow;
  values: Input;
  errors: readonly FieldError[];
  dismissal: { values: Input; errors: readonly FieldError[] };
}) {
  const { card } = props;
  const base = `/org/staff/${card.personId}`;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Карточка места работы">
      <p>
        <a href={base}>← {props.personName}</a>
      </p>
      <h1>Карточка места работы</h1>
      <p class="lead">
        {props.personName}: {card.postName}
      </p>
      <ErrorSummary errors={[...props.errors, ...props.dismissal.errors]} />
      <form method="post" action={`${base}/cards/${card.id}`} class="card" novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <CardFields values={props.values} errors={props.errors} withEndDate />
        <button type="submit" class="button">
          Сохранить
        </button>
      </form>
      <form method="post" action={`${base}/cards/${card.id}/dismiss`} class="card" novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
        <h2>Увольнение с этой должности</h2>
        <TextField
          name="dismissedOn"
          label="Последний рабочий день"
          type="date"
          value={props.dismissal.values.dismissedOn}
          error={errorFor(props.dismissal.errors, "dismissedOn")}
          width="short"
        />
        <button type="submit" class="button button--danger">
          Уволить
        </button>
      </form>
    </CabinetPage>
  );
}
