/** What the example page received from its own gateway, recorded: no network in the example. */

/**
 * A gateway's answer to a Plaid ITEM_LOGIN_REQUIRED (toProblem of the normalized error), as the
 * browser receives it; test/example-link-flow.test.ts checks that it is what toProblem answers today.
 */
export const RECORDED_PROBLEM = {
  type: 'https://aggregator-errors.dev/problems/reconnect-required',
  title: 'Bank connection needs attention',
  status: 409,
  detail: 'The bank did not accept the sign-in details it has for this account. Reconnect the account with current credentials.',
  kind: 'reconnect-required',
  provider: 'plaid',
  code: 'ITEM_LOGIN_REQUIRED',
  userAction: 'reconnect',
  reason: 'credentials',
} as const;

/** A webhook event the gateway forwarded to the page (Plaid ITEM LOGIN_REPAIRED), as JSON. */
export const RECORDED_RECOVERY: string = `{"state":"recovered","provider":"plaid","event":"ITEM.LOGIN_REPAIRED","connection":{"type":"item","id":"wz666MBjYWTp2PDzzggYhM6oWWmBb"},"accounts":[],"userAction":"none","severity":"info","match":{"by":"event","source":"https://github.com/plaid/plaid-openapi/blob/26f1a0588c12e765e99c815300d94eae0a3c7dc1/2020-09-14.yml"}}`;
