import type { CompleteEventMessageCatalog } from './render-event.js';

/**
 * The built-in Spanish texts of connection events (neutral Latin American Spanish, informal "tú").
 *
 * @remarks
 * Pass it merged with the error texts, as one locale:
 * `locales: { es: { ...MESSAGES_ES, ...EVENT_MESSAGES_ES } }`.
 *
 * @public
 */
export const EVENT_MESSAGES_ES: CompleteEventMessageCatalog = {
  states: {
    connected: { title: 'Banco conectado', body: 'Tu cuenta bancaria está conectada.' },
    recovered: { title: 'Todo en orden', body: 'La conexión con tu banco volvió a funcionar.' },
    expiring: { title: 'Vuelve a conectar pronto', body: 'La conexión con tu banco vence pronto.' },
    revoked: { title: 'Conexión eliminada', body: 'Se retiró el acceso a esta conexión bancaria.' },
    degraded: { title: 'Datos bancarios demorados', body: 'Tus datos bancarios más recientes están demorados.' },
    pending: { title: 'Conectando', body: 'Seguimos conectando con tu banco.' },
    'new-accounts': { title: 'Encontramos cuentas nuevas', body: 'Tu banco tiene cuentas que aún no compartiste.' },
    failed: { title: 'No pudimos conectar', body: 'No pudimos conectar tu banco.' },
  },
  stateDetails: {
    'failed.institution-unsupported': { title: 'Banco no admitido', body: 'Aún no podemos conectar con este banco.' },
    'pending.mfa': { title: 'Confirma que eres tú', body: 'Tu banco necesita que confirmes tu identidad.' },
  },
};
