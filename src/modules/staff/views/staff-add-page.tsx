// «Добавить работника»: first the СНИЛС; a person the register knows gets only a card, a new one is
// entered with checked data (O17).
import { formatSnils } from "../../../shared/identifiers.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { SnilsField } from "../../../ui/fields.tsx";
import { binder, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { Input } from "../staff.validation.ts";
import { CardFields, PersonFields } from "./card-fields.tsx";

/** `lookup`: only the СНИЛС; `known`: the register has the person; `new`: the person is entered too. */
export type AddStep =
  | { kind: "lookup" }
  | { kind: "known"; fullName: string; snils: string }
  | { kind: "new"; snils: string };

export function StaffAddPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  step: AddStep;
  values: Input;
  errors: readonly FieldError[];
}) {
  const { step, values, errors } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Добавить работника">
      <h1>Добавить работника</h1>
      <ErrorSummary errors={errors} />
      {step.kind === "lookup" ? (
        <form method="get" action="/org/staff/add" class="card" novalidate>
          <p>Введите СНИЛС: если работник уже есть в регистре, его данные подставятся.</p>
          <SnilsField {...binder(props)("snils")} label="СНИЛС работника" />
          <FormActions label="Найти" />
        </form>
      ) : (
        <PostForm
          action="/org/staff/add"
          class="card"
          csrfToken={props.ctx.csrfToken}
          hidden={{ snils: step.snils }}
        >
          {step.kind === "known" ? (
            <p>
              Работник найден в регистре: <strong>{step.fullName}</strong>, СНИЛС {formatSnils(step.snils)}.
              Заполните карточку места работы.
            </p>
          ) : (
            <>
              <p>
                Работника со СНИЛС {formatSnils(step.snils)} нет в регистре. Введите его данные так, как они
                указаны в документах.
              </p>
              <PersonFields values={values} errors={errors} />
            </>
          )}
          <h2>Место работы</h2>
          <CardFields values={values} errors={errors} />
          <FormActions label="Добавить" cancelHref="/org/staff/add" cancelLabel="Другой СНИЛС" />
        </PostForm>
      )}
    </CabinetPage>
  );
}
