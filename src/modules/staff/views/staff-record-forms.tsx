// The forms that add education, a specialist certificate and a qualification category to a worker's
// record; a refused one reopens with its values and errors. Each form's ids carry its name, since the
// forms share field names on one page.
import type { ComponentChildren } from "preact";
import { FormActions, PostForm } from "../../../ui/actions.tsx";
import { type Option, optionsOf, SelectField } from "../../../ui/fields.tsx";
import { binder, DateField, type FieldBase, type FieldError, TextField } from "../../../ui/form.tsx";
import { dictionaries } from "../../register/register.dictionaries.ts";
import type { Input } from "../staff.validation.ts";
import { positionOptions, specialtyOptions } from "./card-fields.tsx";

/** Which add form is open and what it said, after a refused submission. */
export interface OpenForm {
  form: "card" | "education" | "certificate" | "category";
  values: Input;
  errors: readonly FieldError[];
}

type FormOf = (form: OpenForm["form"]) => { values: Input; errors: readonly FieldError[] };

/** A folded add form: open when it was the one refused. */
export function AddForm(props: {
  summary: string;
  action: string;
  csrf: string;
  open: boolean;
  submit: string;
  children: ComponentChildren;
}) {
  return (
    <details class="add-form" open={props.open}>
      <summary>{props.summary}</summary>
      <PostForm action={props.action} csrfToken={props.csrf}>
        {props.children}
        <FormActions label={props.submit} />
      </PostForm>
    </details>
  );
}

type ChoiceProps = FieldBase & { value: string | undefined; options: readonly Option[] };

/** A choice the form needs: «Выберите» until one is made. */
const Choice = (props: ChoiceProps) => <SelectField {...props} placeholder="Выберите" />;

/** A choice the form may leave out: «Не указана». */
const OptionalChoice = (props: ChoiceProps) => <SelectField {...props} placeholder="Не указана" />;

export function AddRecordForms(props: {
  base: string;
  csrf: string;
  open: OpenForm["form"] | undefined;
  formOf: FormOf;
}) {
  const education = binder(props.formOf("education"), "education");
  const certificate = binder(props.formOf("certificate"), "certificate");
  const category = binder(props.formOf("category"), "category");
  const form = (name: OpenForm["form"], path: string, summary: string, submit: string) => ({
    action: `${props.base}/${path}`,
    csrf: props.csrf,
    open: props.open === name,
    summary,
    submit,
  });
  return (
    <section class="card" aria-labelledby="add-title">
      <h2 id="add-title">Внести сведения</h2>
      <AddForm {...form("education", "education", "Образование", "Внести образование")}>
        <Choice
          {...education("kind")}
          label="Вид образования"
          options={optionsOf(dictionaries.educationKinds.entries)}
        />
        <TextField {...education("institutionName")} label="Образовательная организация" maxLength={300} />
        <OptionalChoice
          {...education("specId")}
          label="Специальность (необязательно)"
          options={specialtyOptions}
        />
        <TextField {...education("docSerial")} label="Серия документа" maxLength={20} width="short" />
        <TextField {...education("docNumber")} label="Номер документа" maxLength={40} width="short" />
        <DateField {...education("docDate")} label="Дата выдачи документа" />
        <TextField
          {...education("hoursCount")}
          label="Часов (для повышения квалификации и переподготовки)"
          inputMode="numeric"
          maxLength={4}
          width="short"
        />
        <TextField {...education("theme")} label="Тема программы (необязательно)" maxLength={300} />
      </AddForm>
      <AddForm {...form("certificate", "certificates", "Сертификат специалиста", "Внести сертификат")}>
        <Choice {...certificate("specId")} label="Специальность" options={specialtyOptions} />
        <TextField {...certificate("certSerial")} label="Серия" maxLength={20} width="short" />
        <TextField {...certificate("certNumber")} label="Номер" maxLength={40} width="short" />
        <DateField {...certificate("passDate")} label="Дата выдачи" />
        <DateField {...certificate("endDate")} label="Действует до (если не указать — пять лет с выдачи)" />
        <TextField {...certificate("institutionName")} label="Кем выдан (необязательно)" maxLength={300} />
      </AddForm>
      <AddForm {...form("category", "categories", "Квалификационная категория", "Внести категорию")}>
        <Choice
          {...category("categoryId")}
          label="Категория"
          options={optionsOf(dictionaries.qualificationCategories.entries)}
        />
        <DateField {...category("beginDate")} label="Дата присвоения" />
        <OptionalChoice
          {...category("specId")}
          label="Специальность (необязательно)"
          options={specialtyOptions}
        />
        <OptionalChoice {...category("postId")} label="Должность (необязательно)" options={positionOptions} />
      </AddForm>
    </section>
  );
}
