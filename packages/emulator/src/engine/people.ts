/** wrike.profile.get and wrike.contacts.list. */
import type { ContactsListArgs, ContactsListResult, ProfileGetArgs, ProfileGetResult } from "@wrikekit/client/v2";
import type { Caller } from "./access.js";
import type { Reply } from "./reply.js";
import type { State } from "./state.js";

/** The emulator keeps every time in UTC, so every profile is in UTC with a Monday-to-Friday week. */
export function profileGet(_state: State, caller: Caller, _args: ProfileGetArgs): Reply<ProfileGetResult> {
  const user = caller.user;
  return {
    root: "profile",
    body: {
      uid: user.uid,
      lastName: user.lastName,
      firstName: user.firstName,
      primaryEmail: user.email,
      organization: user.organization,
      workingDays: "0111110",
      weekendDays: "1000001",
      dateFormat: "MM/dd/yyyy",
      timezoneName: "UTC",
      timezoneOffset: 0,
      secondaryEmails: [],
      language: "en",
      license: user.license,
    },
  };
}

export function contactsList(state: State, caller: Caller, _args: ContactsListArgs): Reply<ContactsListResult> {
  const contacts = caller.user.contacts.flatMap((uid) => {
    const user = state.users.get(uid);
    return user === undefined ? [] : [{ uid: user.uid, firstName: user.firstName, lastName: user.lastName, email: user.email }];
  });
  return { root: "contacts", body: { list: contacts } };
}
