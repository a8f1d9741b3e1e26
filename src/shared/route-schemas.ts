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

const formText = Type.Optional(Type.String());
const formList = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

/**
 * A url-encoded form of optional fields, single ones and repeated ones (checkboxes); any other field
 * is let through, as a browser may send more than the route reads.
 */
export function openFormBody<Text extends string, List extends string = never>(
  texts: readonly Text[],
  lists: readonly List[] = [],
) {
  const properties = Object.fromEntries([
    ...texts.map((name) => [name, formText] as const),
    ...lists.map((name) => [name, formList] as const),
  ]) as { [Name in Text]: typeof formText } & { [Name in List]: typeof formList };
  return Type.Object(properties, { additionalProperties: true });
}
