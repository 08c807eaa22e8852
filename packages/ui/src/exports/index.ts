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
