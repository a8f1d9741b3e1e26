// Fields given as data and drawn in order: where a form's fields differ only in their words and
// limits, the form is a table of those, and the label, hint and error wiring stays in form.tsx and
// fields.tsx. A `false` in the list is a field the form does not show this time.
import type { ComponentChildren, FunctionComponent } from "preact";
import { type Option, RadioGroup, SelectField, TextAreaField } from "./fields.tsx";
import { TextField, type TextFieldProps } from "./form.tsx";

/** What a field takes from the form's state: `binder(form)` of form.tsx makes these. */
interface Bound {
  name: string;
  value: string | undefined;
  error: string | undefined;
  idPrefix: string | undefined;
}

interface Described<Name extends string> {
  name: Name;
  hint?: ComponentChildren;
}

export type FieldSpec<Name extends string> = Described<Name> &
  (
    | ({ control: "text" } & Omit<TextFieldProps, "name" | "value" | "error" | "idPrefix" | "id" | "hint">)
    | { control: "textarea"; label: string; rows?: number; maxLength?: number }
    | { control: "select"; label: string; options: readonly Option[]; placeholder?: string }
    | { control: "radio"; legend: string; options: readonly Option[] }
  );

/** The component of each control; each takes the bound props and the rest of its spec. */
const controls = { text: TextField, textarea: TextAreaField, select: SelectField, radio: RadioGroup };

function Field<Name extends string>({ spec, bound }: { spec: FieldSpec<Name>; bound: Bound }) {
  const { control, ...props } = spec;
  // The union of specs pairs each control with its own props; TypeScript cannot follow that pairing.
  const Control = controls[control] as unknown as FunctionComponent<Bound & typeof props>;
  return <Control {...bound} {...props} />;
}

export function FieldList<Name extends string>(props: {
  bind: (name: Name) => Bound;
  fields: readonly (FieldSpec<Name> | false)[];
}) {
  return (
    <>
      {props.fields.map(
        (spec) => spec && <Field key={spec.name} spec={spec} bound={props.bind(spec.name)} />,
      )}
    </>
  );
}

/** Options from a label record (code → label), in its order. */
export const optionsOfLabels = (labels: Readonly<Record<string, string>>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
