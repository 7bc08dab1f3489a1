/** PUT /users/{userId}: profile (deprecated), userTypeId and active are "mutually exclusive with other params" (the reference). */
import { describe, expect, it } from "vitest";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { newEmulator } from "./harness.js";

const OWNER = SEED_CREDENTIALS.user.uid;
const COLLABORATOR = SEED_CREDENTIALS.viewer.uid;

describe("PUT /users/{userId}", () => {
  it("deactivates a user with active=false alone (their token then gets 401) and activates them again", async () => {
    const { owner, collaborator } = newEmulator();
    expect((await collaborator.call("GET", "/version")).status).toBe(200);
    expect((await owner.call("PUT", `/users/${COLLABORATOR}`, { active: false })).status).toBe(200);
    const refused = await collaborator.call("GET", "/version");
    expect([refused.status, refused.body.error]).toEqual([401, "not_authorized"]);
    expect((await owner.call("PUT", `/users/${COLLABORATOR}`, { active: true })).status).toBe(200);
    expect((await collaborator.call("GET", "/version")).status).toBe(200);
  });

  it("takes userTypeId alone, and still takes the deprecated profile", async () => {
    const { owner } = newEmulator();
    expect((await owner.call("PUT", `/users/${COLLABORATOR}`, { userTypeId: "IEAGKVLFUSERTYPE" })).status).toBe(200);
    expect((await owner.call("PUT", `/users/${COLLABORATOR}`, { profile: { accountId: "IEAGKVLF", role: "User" } })).status).toBe(200);
  });

  it("refuses none of them, two of them, and deactivating the account owner", async () => {
    const { owner } = newEmulator();
    const none = await owner.call("PUT", `/users/${COLLABORATOR}`, {});
    expect([none.status, none.body.error]).toEqual([400, "parameter_required"]);
    expect(none.body.errorDescription).toMatch(/profile, userTypeId, active/);
    const both = await owner.call("PUT", `/users/${COLLABORATOR}`, { active: false, userTypeId: "IEAGKVLFUSERTYPE" });
    expect([both.status, both.body.error]).toEqual([400, "invalid_parameter"]);
    expect(both.body.errorDescription).toMatch(/mutually exclusive/);
    const ownerOff = await owner.call("PUT", `/users/${OWNER}`, { active: false });
    expect([ownerOff.status, ownerOff.body.error]).toEqual([400, "invalid_parameter"]);
    expect((await owner.call("GET", "/version")).status).toBe(200);
  });
});
