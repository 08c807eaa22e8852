import { expect, test } from 'vitest'
import * as ui from './index.js'

test('exports', () => {
  expect(Object.keys(ui).sort()).toMatchInlineSnapshot(`
    [
      "ActiveSessionList",
      "ConsentDialog",
      "MissingRootError",
      "SessionConsent",
      "SessionHud",
      "SessionList",
      "SessionMeter",
      "Theme",
      "applyConsentSelection",
      "clampDuration",
      "defaultDurationOptions",
      "describeAddition",
      "getSessionMeterModel",
      "getSessionStatus",
      "summarizePolicy",
      "toSessionListItem",
    ]
  `)
})

test('compound parts', () => {
  expect(Object.keys(ui.ConsentDialog)).toMatchInlineSnapshot(`
    [
      "Root",
      "Trigger",
      "Content",
      "Header",
      "Permissions",
      "Permission",
      "Risks",
      "Duration",
      "Status",
      "Actions",
    ]
  `)
  expect(Object.keys(ui.ActiveSessionList)).toMatchInlineSnapshot(`
    [
      "Root",
      "Header",
      "RevokeAll",
      "List",
      "Item",
      "Loading",
      "Empty",
      "Announcer",
    ]
  `)
  expect(Object.keys(ui.SessionMeter)).toMatchInlineSnapshot(`
    [
      "Root",
      "Time",
      "Actions",
      "Spend",
      "Renew",
    ]
  `)
})
