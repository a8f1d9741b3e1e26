// Text fields of a kind that many forms ask for, so that each form names only the label and the hint:
// numbers people type with spaces or dashes, a phone and an e-mail address.
import { TextField, type TextFieldProps } from "./form.tsx";

type PresetProps = Omit<TextFieldProps, "type" | "inputMode">;

/** Digits as people type them (with spaces or dashes): short, with the digit keyboard on a phone. */
export function DigitsField(props: PresetProps) {
  return <TextField maxLength={20} {...props} inputMode="numeric" width="short" />;
}

/** A phone number in any of the usual Russian notations; the validation normalises it. */
export function PhoneField(props: Omit<PresetProps, "autocomplete">) {
  return <TextField maxLength={30} {...props} autocomplete="tel" width="short" />;
}

export function EmailField(props: Omit<PresetProps, "autocomplete">) {
  return <TextField maxLength={254} {...props} autocomplete="email" />;
}
