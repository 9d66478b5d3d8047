export { codeFixtures, errorBody, rowFixtures } from './fixtures.js';
export type { Fixture, RawResponse } from './fixtures.js';
export { startSimulator } from './simulator.js';
export type { SimulatedRequest, Simulator, SimulatorOptions } from './simulator.js';
export {
  createPlaidTestKey,
  sendWebhook,
  signWebhook,
  webhookFixtures,
  type PlaidTestKey,
  type WebhookDelivery,
  type WebhookFixture,
  type WebhookSigning,
} from './webhooks.js';
export { widgetFixtures, type WidgetExpectation, type WidgetFixture, type WidgetProvider } from './widget-fixtures.js';
