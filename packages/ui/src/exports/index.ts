export {
  ActiveSessionList,
  type ActiveSessionListAnnouncerProps,
  type ActiveSessionListEmptyProps,
  type ActiveSessionListHeaderProps,
  type ActiveSessionListItemProps,
  type ActiveSessionListListProps,
  type ActiveSessionListLoadingProps,
  type ActiveSessionListRevokeAllProps,
  type ActiveSessionListRootProps,
  getSessionStatus,
  type SessionListItem,
  type SessionListStatus,
} from '../active-session-list/active-session-list.js'
export { applyConsentSelection } from '../connected/apply-consent.js'
export {
  SessionConsent,
  type SessionConsentErrorType,
  type SessionConsentProps,
} from '../connected/session-consent.js'
export { SessionHud, type SessionHudProps } from '../connected/session-hud.js'
export {
  SessionList,
  type SessionListErrorType,
  type SessionListProps,
} from '../connected/session-list.js'
export { summarizePolicy, toSessionListItem } from '../connected/session-list-item.js'
export {
  type ConsentApp,
  ConsentDialog,
  type ConsentDialogActionsProps,
  type ConsentDialogContentProps,
  type ConsentDialogDurationProps,
  type ConsentDialogHeaderProps,
  type ConsentDialogPermissionProps,
  type ConsentDialogPermissionsProps,
  type ConsentDialogRisksProps,
  type ConsentDialogRootProps,
  type ConsentDialogStatusProps,
  type ConsentDialogTriggerProps,
  type ConsentError,
  type ConsentSelection,
  type ConsentStatus,
} from '../consent-dialog/consent-dialog.js'
export {
  clampDuration,
  type DurationOption,
  defaultDurationOptions,
} from '../consent-dialog/duration.js'
export { type ConsentExpand, describeAddition } from '../consent-dialog/expand.js'
export { MissingRootError, type MissingRootErrorType } from '../internal/errors.js'
export {
  getSessionMeterModel,
  type MeterState,
  SessionMeter,
  type SessionMeterActionsProps,
  type SessionMeterModel,
  type SessionMeterRenewProps,
  type SessionMeterRootProps,
  type SessionMeterSpendProps,
  type SessionMeterThresholds,
  type SessionMeterTimeProps,
} from '../session-meter/session-meter.js'
export { Theme, type ThemeAppearance, type ThemeProps } from '../theme/theme.js'
