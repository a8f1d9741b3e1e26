// Pieces of route schemas that many routes share: a bounded optional text field (an overlong value is
// refused before any code reads it), the `:id` of a record named by its UUID, and the address of one
// signature's detached file on such a record.
import { Type } from "typebox";

export const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const uuidIdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const signaturePartParams = Type.Object({
  id: Type.String({ format: "uuid" }),
  signatureId: Type.String({ format: "uuid" }),
  part: Type.Literal("sig"),
});
