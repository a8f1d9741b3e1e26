// The fields beyond the text field: select, text area, file, the radio and check box groups and the
// fieldset that groups fields, all with the label, hint and error wiring of form.tsx.
import type { ComponentChildren } from "preact";
import { describedBy, type FieldBase, FieldShell, fieldId, HintAndError, TextField } from "./form.tsx";

export interface Option {
  value: string;
  label: string;
  hint?: ComponentChildren;
  /** A select shows options of the same group under one heading (optgroup). */
  group?: string;
}

/** Options from a dictionary's entries (code → name), under their group's heading when it has groups. */
export const optionsOf = (
  entries: readonly { code: string; name: string; group?: string }[],
  groups?: Readonly<Record<string, string>>,
): Option[] =>
  entries.map((entry) => {
    const group = entry.group && groups?.[entry.group];
    return group ? { value: entry.code, label: entry.name, group } : { value: entry.code, label: entry.name };
  });

/** Consecutive options of one group, in the order they come. */
function grouped(options: readonly Option[]): { group: string | undefined; options: Option[] }[] {
  const runs: { group: string | undefined; options: Option[] }[] = [];
  for (const option of options) {
    const last = runs.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}

export function SelectField(
  props: FieldBase & { value: string | undefined; options: readonly Option[]; placeholder?: string },
) {
  return (
    <FieldShell {...props}>
      {(control) => (
        <select {...control} name={props.name}>
          {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
          {grouped(props.options).map((run) => {
            const options = run.options.map((option) => (
              <option key={option.value} value={option.value} selected={option.value === props.value}>
                {option.label}
              </option>
            ));
            return run.group ? (
              <optgroup key={run.group} label={run.group}>
                {options}
              </optgroup>
            ) : (
              options
            );
          })}
        </select>
      )}
    </FieldShell>
  );
}

export function TextAreaField(
  props: FieldBase & { value: string | undefined; rows?: number; maxLength?: number },
) {
  return (
    <FieldShell {...props}>
      {(control) => (
        <textarea {...control} name={props.name} rows={props.rows ?? 4} maxLength={props.maxLength}>
          {props.value ?? ""}
        </textarea>
      )}
    </FieldShell>
  );
}

export function FileField(props: FieldBase & { accept: string; multiple?: boolean }) {
  return (
    <FieldShell {...props}>
      {(control) => (
        <input {...control} name={props.name} type="file" accept={props.accept} multiple={props.multiple} />
      )}
    </FieldShell>
  );
}

interface ChoiceProps {
  name: string;
  legend: string;
  options: readonly Option[];
  hint?: ComponentChildren;
  error?: string | undefined;
  idPrefix?: string | undefined;
}

/** A group of check boxes or radio buttons sharing one name: a fieldset whose legend names it. */
export function ChoiceField(props: ChoiceProps & { type: "checkbox" | "radio"; checked: readonly string[] }) {
  const id = fieldId(props.name, props.idPrefix);
  return (
    <fieldset
      class={props.error ? "field choices field--error" : "field choices"}
      id={id}
      aria-describedby={describedBy(id, props)}
    >
      <legend>{props.legend}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.options.map((option) => (
        <label class="choice" key={option.value}>
          <input
            type={props.type}
            name={props.name}
            value={option.value}
            checked={props.checked.includes(option.value)}
          />
          {/* In its own box, so that a long label wraps beside the control, not under it. */}
          <span class="choice__text">{option.label}</span>
          {option.hint && <span class="hint">{option.hint}</span>}
        </label>
      ))}
    </fieldset>
  );
}

export function RadioGroup(props: ChoiceProps & { value: string | undefined }) {
  return <ChoiceField {...props} type="radio" checked={props.value ? [props.value] : []} />;
}

export function CheckboxGroup(props: ChoiceProps & { values: readonly string[] }) {
  return <ChoiceField {...props} type="checkbox" checked={props.values} />;
}

/** Fields that belong together (a passport, an address) under one legend. */
export function Fieldset(props: { legend: string; hint?: ComponentChildren; children: ComponentChildren }) {
  return (
    <fieldset class="fieldset">
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
    </fieldset>
  );
}

/** A СНИЛС as people type it (with or without dashes and the space before the check digits). */
export function SnilsField(props: FieldBase & { value: string | undefined }) {
  return <TextField {...props} inputMode="numeric" maxLength={20} width="short" />;
}
