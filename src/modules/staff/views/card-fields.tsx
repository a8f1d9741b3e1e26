// The fields of an employment card and of a person, shared by the add, edit and import pages.
import { optionsOf, RadioGroup, SelectField } from "../../../ui/fields.tsx";
import { binder, DateField, type FieldError, TextField } from "../../../ui/form.tsx";
import { dictionaries } from "../../register/register.dictionaries.ts";
import type { Input } from "../staff.validation.ts";

export const positionOptions = optionsOf(dictionaries.positions.entries, dictionaries.positions.groups);
export const specialtyOptions = optionsOf(dictionaries.specialties.entries, dictionaries.specialties.groups);
const positionTypeOptions = optionsOf(dictionaries.positionTypes.entries);
const genderOptions = [
  { value: "M", label: "Мужской" },
  { value: "F", label: "Женский" },
];

interface FieldsProps {
  values: Input;
  errors: readonly FieldError[];
  /** Where the page holds other forms with the same field names. */
  idPrefix?: string;
}

export function CardFields(props: FieldsProps & { withEndDate?: boolean }) {
  const bind = binder(props, props.idPrefix);
  return (
    <>
      <SelectField
        {...bind("postId")}
        label="Должность"
        hint="Из справочника «Должности медицинских и фармацевтических работников» (НСИ 1.2.643.5.1.13.13.11.1002)."
        placeholder="Выберите должность"
        options={positionOptions}
      />
      <TextField {...bind("departmentName")} label="Подразделение (отделение)" maxLength={200} />
      <TextField
        {...bind("rate")}
        label="Ставка"
        hint="От 0,25 до 1,5, например 1 или 0,5."
        inputMode="text"
        maxLength={5}
        width="short"
      />
      <RadioGroup {...bind("positionTypeId")} legend="Тип занятия должности" options={positionTypeOptions} />
      <DateField {...bind("beginDate")} label="Дата начала работы" />
      {props.withEndDate && <DateField {...bind("endDate")} label="Дата окончания (если известна)" />}
    </>
  );
}

export function PersonFields(props: FieldsProps) {
  const bind = binder(props, props.idPrefix);
  return (
    <>
      <TextField {...bind("lastName")} label="Фамилия" maxLength={60} />
      <TextField {...bind("firstName")} label="Имя" maxLength={60} />
      <TextField {...bind("patronymic")} label="Отчество (при наличии)" maxLength={60} />
      <DateField {...bind("birthDate")} label="Дата рождения" />
      <RadioGroup {...bind("gender")} legend="Пол" options={genderOptions} />
    </>
  );
}
