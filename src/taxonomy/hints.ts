/**
 * What the end user should do next; the frontend renders one call to action from it.
 *
 * @public
 */
export const USER_ACTIONS = [
  'none',
  'wait',
  'reconnect',
  'reenter-credentials',
  'visit-institution',
  'restart-mfa',
  'link-another-account',
  'contact-support',
] as const;

/**
 * One of {@link USER_ACTIONS}.
 *
 * @public
 */
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * Who must act, or is at fault.
 *
 * @public
 */
export const OWNERS = ['integrator', 'end-user', 'institution', 'provider'] as const;

/**
 * One of {@link OWNERS}.
 *
 * @public
 */
export type Owner = (typeof OWNERS)[number];

/**
 * How loudly an alerting rule should react.
 *
 * @remarks
 * `page` wakes someone (our credentials broke, the provider is down for
 * everyone); `ticket` needs a look in working hours; `info` is counted only
 * (one end user's bank connection needs attention).
 *
 * @public
 */
export const SEVERITIES = ['page', 'ticket', 'info'] as const;

/**
 * One of {@link SEVERITIES}.
 *
 * @public
 */
export type Severity = (typeof SEVERITIES)[number];
