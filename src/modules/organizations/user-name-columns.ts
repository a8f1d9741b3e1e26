// The columns of a person's name in the users table, for the lists that show who did something.
import { users } from "../identity/identity.schema.ts";

export const userNameColumns = {
  lastName: users.lastName,
  firstName: users.firstName,
  middleName: users.middleName,
};
