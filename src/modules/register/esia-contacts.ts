// The worker's contacts as ESIA gave them at the last login: the only source of phone and e-mail
// (they are changed at Госуслуги, never in the cabinet).
import type { EsiaContact, EsiaPerson } from "../../esia/identity-provider.ts";
import { normalizePhone } from "../../shared/phone.ts";

export interface Contacts {
  email: EsiaContact | undefined;
  /** `+7XXXXXXXXXX` */
  phone: string | undefined;
  phoneVerified: boolean;
}

export function contactsOf(person: EsiaPerson | undefined): Contacts {
  const contacts = person?.contacts ?? [];
  const emails = contacts.filter((contact) => contact.type === "email");
  // A verified contact first; ESIA lets people keep unverified ones too.
  const mobiles = contacts.filter((contact) => contact.type === "mobile");
  const mobile = mobiles.find((contact) => contact.verified) ?? mobiles[0];
  return {
    email: emails.find((contact) => contact.verified) ?? emails[0],
    phone: mobile ? normalizePhone(mobile.value) : undefined,
    phoneVerified: mobile?.verified ?? false,
  };
}
