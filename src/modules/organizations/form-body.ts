// The body of an urlencoded form of the cabinet: named string fields (repeated names arrive as
// arrays and are declared where a route expects them). Fields are checked by the use cases.
import { Type } from "typebox";

export const formBody = Type.Record(Type.String(), Type.String());
