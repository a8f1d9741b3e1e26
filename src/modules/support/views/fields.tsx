// The support forms' fields, built on the shared components of src/ui: the select takes a label
// record (code → label) as the module's dictionaries are written, and the file field takes up to
// three files in one native input, which needs no JavaScript.

import { optionsOfLabels } from "../../../ui/field-list.tsx";
import { FileField, SelectField as SharedSelect, TextAreaField } from "../../../ui/fields.tsx";

export function SelectField(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: Record<string, string>;
  placeholder?: string;
  error?: string | undefined;
}) {
  return <SharedSelect {...props} options={optionsOfLabels(props.options)} />;
}

export const TextArea = TextAreaField;

export function FilesField({ error }: { error?: string | undefined }) {
  return (
    <FileField
      name="files"
      label="Снимки экрана и файлы (необязательно)"
      hint="До трёх файлов: снимки экрана или документы в формате PNG, JPG или PDF, не больше 5 МБ каждый."
      error={error}
      accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"
      multiple
    />
  );
}
