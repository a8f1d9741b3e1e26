// Pieces of route schemas that many routes share: a bounded optional text field (an overlong value is
// refused before any code reads it) and the `:id` of a record named by its UUID.
import { Type } from "typebox";

export const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const uuidIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });
