// «Добавить работника»: first the СНИЛС and the birth date; a person the register knows, with that
// birth date, gets only a card; otherwise the person is entered with checked data (O17). The page never
// says whether a СНИЛС is in the register unless the birth date matches.
import { formatSnils } from "../../../shared/identifiers.ts";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { SnilsField } from "../../../ui/fields.tsx";
import { binder, DateField, ErrorSummary, type FieldError } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { Input } from "../staff.validation.ts";
import { CardFields, PersonFields } from "./card-fields.tsx";

/** `lookup`: the СНИЛС and birth date; `known`: the register has the person with that birth date;
 * `entry`: the person is entered too (unknown, or the birth date differs: the same page). */
export type AddStep =
  | { kind: "lookup" }
  | { kind: "known"; fullName: string; snils: string; birthDate: string }
  | { kind: "entry"; snils: string; birthDate: string };

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
          <p>
            Введите СНИЛС и дату рождения: если работник уже есть в регистре с этой датой рождения, его данные
            подставятся.
          </p>
          <SnilsField {...binder(props)("snils")} label="СНИЛС работника" />
          <DateField {...binder(props)("birthDate")} label="Дата рождения работника" />
          <FormActions label="Найти" />
        </form>
      ) : (
        <PostForm
          action="/org/staff/add"
          class="card"
          csrfToken={props.ctx.csrfToken}
          hidden={{
            snils: step.snils,
            lookupBirthDate: step.birthDate,
            ...(step.kind === "entry" ? { entry: "person" } : {}),
          }}
        >
          {step.kind === "known" ? (
            <p>
              Работник найден в регистре: <strong>{step.fullName}</strong>, СНИЛС {formatSnils(step.snils)}.
              Заполните карточку места работы.
            </p>
          ) : (
            <>
              <p>
                Введите данные работника со СНИЛС {formatSnils(step.snils)} так, как они указаны в документах.
                Если работник уже есть в регистре, карточка добавится к его записи.
              </p>
              <PersonFields values={{ birthDate: step.birthDate, ...values }} errors={errors} />
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
