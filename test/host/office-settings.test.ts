/** OfficeHost keeps small settings (the remembered column mapping) in the workbook: Office.context.document.settings. */
import { OfficeHost } from "../../src/host/office-host";

type Callback = (r: { status: string; error?: { message: string } }) => void;

function fakeOffice(fail = false) {
  const store = new Map<string, unknown>();
  const saved: Array<Record<string, unknown>> = [];
  const settings = {
    get: (k: string) => (store.has(k) ? store.get(k) : null),
    set: (k: string, v: unknown) => void store.set(k, v),
    remove: (k: string) => void store.delete(k),
    saveAsync: (cb: Callback) => {
      if (fail) return cb({ status: "failed", error: { message: "read-only workbook" } });
      saved.push(Object.fromEntries(store));
      cb({ status: "succeeded" });
    },
  };
  (globalThis as { Office?: unknown }).Office = { context: { document: { settings } }, AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
  return { store, saved };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("save sets and persists the setting; load reads it; null removes it", async () => {
  const { store, saved } = fakeOffice();
  const host = new OfficeHost();
  expect(await host.loadSetting("cz-subsidy.mapping.x")).toBeNull();
  await host.saveSetting("cz-subsidy.mapping.x", '{"v":1,"m":{}}');
  expect(saved).toEqual([{ "cz-subsidy.mapping.x": '{"v":1,"m":{}}' }]);
  expect(await host.loadSetting("cz-subsidy.mapping.x")).toBe('{"v":1,"m":{}}');
  await host.saveSetting("cz-subsidy.mapping.x", null);
  expect(store.size).toBe(0);
  expect(saved).toHaveLength(2);
});

test("a failed save is an error (the pane says the mapping was not kept); outside Office nothing happens", async () => {
  fakeOffice(true);
  await expect(new OfficeHost().saveSetting("k", "v")).rejects.toThrow("read-only workbook");
  delete (globalThis as { Office?: unknown }).Office;
  await expect(new OfficeHost().saveSetting("k", "v")).resolves.toBeUndefined();
  expect(await new OfficeHost().loadSetting("k")).toBeNull();
});
