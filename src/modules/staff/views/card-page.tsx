// One employment card: change it, or dismiss the worker from this position (O17).
import { BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { binder, DateField, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
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
      <BackLink href={base}>{props.personName}</BackLink>
      <h1>Карточка места работы</h1>
      <p class="lead">
        {props.personName}: {card.postName}
      </p>
      <ErrorSummary errors={[...props.errors, ...props.dismissal.errors]} />
      <PostForm action={`${base}/cards/${card.id}`} class="card" csrfToken={props.ctx.csrfToken}>
        <CardFields values={props.values} errors={props.errors} withEndDate />
        <FormActions label="Сохранить" />
      </PostForm>
      <PostForm action={`${base}/cards/${card.id}/dismiss`} class="card" csrfToken={props.ctx.csrfToken}>
        <h2>Увольнение с этой должности</h2>
        <DateField {...binder(props.dismissal)("dismissedOn")} label="Последний рабочий день" />
        <FormActions label="Уволить" variant="danger" />
      </PostForm>
    </CabinetPage>
  );
}
