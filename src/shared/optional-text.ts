// A form's or a query's text field: optional, and bounded, so that an overlong value is refused
// before any code reads it.
import { Type } from "typebox";

export const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
